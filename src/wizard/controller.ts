// The Create ADF Pipeline wizard's extension side for one endpoint: it holds what the user entered and what was
// read from Azure, answers the webview's (validated) requests, and publishes a view state after every change. It
// never imports `vscode`: its surroundings come in as a WizardEnvironment, so tests drive it directly.
import { join } from 'node:path';
import type { PreflightCheck } from '../core/preflight';
import { inputDatastoreChoices, outputDatastoreChoices } from '../core/preflight';
import { toArmTemplateJson, toGitJson, toTemplateZip, type PipelineDocument } from '../core/pipeline';
import {
  adfStudioPipelineUrl, adviseAzureError, diffPipelines, grantDataScientistRole, monitorRun, publishPipeline,
  type AdviceContext, type FactoryInfo, type RemotePipeline, type WizardOperation,
} from '../core/publish';
import {
  STEP_TITLES, WIZARD_STEPS, type ChoiceView, type ErrorView, type FormPatch, type PublishView, type RequestParams, type ReviewView,
  type RoleGrantView, type RunView, type WebviewRequest, type WizardForm, type WizardStep, type WizardViewState,
} from '../shared/wizard-messages';
import {
  authChecks, chosenFactory, dataChecks, describeGitMode, endpointChecks, factoryIdentityText, principalInUse, targetChecks, toCheckViews,
  type WizardFacts,
} from './checks';
import type { WizardEndpoint } from './endpoint';
import { STEP_FIELDS, formProblems, initialForm, inputUriOf, outputPreview, pipelineOptionsOf, type FormProblems } from './form';
import { buildReview, fileDiff, toDiffView } from './review';
import { RunValueError, runParameterValues, runParametersOf } from './run-parameters';
import type { WizardEnvironment } from './services';

interface ReviewState {
  view: ReviewView;
  document: PipelineDocument | undefined;
  /** What the factory held at review time (its ETag is the publish's If-Match). */
  remote: RemotePipeline | undefined;
  /** The target the review was read for; a different target needs a new review. */
  targetKey: string;
  loaded: boolean;
}

const DATA_SCIENTIST = 'AzureML Data Scientist';

export class WizardController {
  private form: WizardForm;
  private formRevision = 0;
  private step: WizardStep = 'endpoint';
  private readonly visited = new Set<WizardStep>(['endpoint']);
  private readonly facts: WizardFacts = {};
  private repositoryFolders: string[] = [];
  private review: ReviewState | undefined;
  private publishView: PublishView = { status: 'idle' };
  private conflictRemote: RemotePipeline | undefined;
  private readonly gitModeConfirmed = new Set<string>();
  private published: { factory: FactoryInfo; document: PipelineDocument } | undefined;
  private run: RunView = { parameters: [], values: {}, status: 'idle', activities: [] };
  private runAbort: AbortController | undefined;
  private grantState: 'granting' | 'failed' | undefined;
  private readonly grantedPrincipals = new Set<string>();
  private loadingFactories = false;
  private readonly loadingAccess = new Set<string>();
  private busy: string | undefined;
  private error: ErrorView | undefined;
  private notice: string | undefined;
  private retryAction: (() => Promise<void>) | undefined;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly listeners = new Set<() => void>();
  private disposed = false;
  /** CSP violations the webview reported (there should be none). */
  readonly cspViolations: Array<{ directive: string; blockedUri: string }> = [];

  constructor(readonly endpoint: WizardEndpoint, private readonly env: WizardEnvironment) {
    this.form = initialForm(endpoint);
  }

  /** Starts reading what every step needs, in the background. */
  start(): void {
    this.track(this.loadDeployments());
    this.track(this.loadFactories());
    this.track(this.loadDatastores());
    this.track(this.loadRepositoryCandidates());
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Resolves once no background work (loads, publish, grant) is running; a run being followed does not count. */
  async whenIdle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Resolves when the run being followed has ended (or immediately when none is). */
  async whenRunEnded(): Promise<void> {
    while (this.run.status === 'starting' || this.run.status === 'running' || this.run.status === 'cancelling') {
      await new Promise<void>((resolve) => {
        const subscription = this.onDidChange(() => { subscription.dispose(); resolve(); });
      });
    }
  }

  dispose(): void {
    this.disposed = true;
    this.runAbort?.abort();
    this.listeners.clear();
  }

  // ---------------------------------------------------------------------------------------------- requests

  async handle(request: WebviewRequest): Promise<void> {
    switch (request.method) {
      case 'ready': return this.changed();
      case 'updateForm': return this.updateForm(request.params.patch, false);
      case 'goTo': return this.goTo(request.params.step);
      case 'next': return this.next();
      case 'back': return this.back();
      case 'reload': return this.reload(request.params.what);
      case 'grantRole': return this.grantRole();
      case 'chooseFolder': return this.chooseFolder(request.params.purpose);
      case 'publish': return this.publish();
      case 'confirmGitMode': return this.confirmGitMode(request.params.choice);
      case 'resolveConflict': return this.resolveConflict(request.params.choice);
      case 'openDiff': return this.openDiff();
      case 'openLink': return this.openLink(request.params.link);
      case 'runNow': return this.runNow(request.params.values);
      case 'cancelRun': return this.cancelRun();
      case 'retry': return this.retry();
      case 'dismissError': this.error = undefined; this.retryAction = undefined; return this.changed();
      case 'signIn': return this.signInAgain();
      case 'cspViolation': return this.reportCspViolation(request.params);
    }
  }

  private async updateForm(patch: FormPatch, fromExtension: boolean): Promise<void> {
    const before = this.form;
    const next: WizardForm = { ...before, ...patch };
    // The output path follows the pipeline name until the user changes it.
    if (patch.pipelineName !== undefined && patch.outputPath === undefined && before.outputPath === `batch/${before.pipelineName}`) {
      next.outputPath = `batch/${patch.pipelineName}`;
      fromExtension = true;
    }
    this.form = next;
    if (fromExtension) this.formRevision += 1;
    this.notice = undefined;
    if (next.factoryId !== before.factoryId || next.targetKind !== before.targetKind) {
      this.facts.factoryFacts = undefined;
      this.facts.access = undefined;
      if (next.targetKind === 'factory' && next.factoryId) this.track(this.loadFactoryFacts());
    }
    if (next.repositoryFolder !== before.repositoryFolder && next.repositoryFolder) this.track(this.checkRepositoryFolder(next.repositoryFolder));
    if (next.authKind !== before.authKind || next.credentialName !== before.credentialName) this.grantState = undefined;
    this.ensureAccess();
    if (this.step === 'review') {
      this.buildReviewNow();
      if (next.pipelineName !== before.pipelineName || this.targetKey() !== this.review?.targetKey) this.track(this.readExisting());
    } else if (this.review) {
      this.review = undefined;
    }
    this.changed();
  }

  private async goTo(step: WizardStep): Promise<void> {
    if (!this.reachable().includes(step)) {
      this.notice = `${STEP_TITLES[step]} is not available yet: finish the steps before it.`;
      return this.changed();
    }
    await this.enter(step);
  }

  private async next(): Promise<void> {
    if (this.step === 'review') return this.publish();
    if (this.step === 'publish') {
      if (this.published && this.publishView.status === 'done') return this.enter('run');
      return;
    }
    const reason = this.blockedReason(this.step);
    if (reason) {
      this.notice = reason;
      return this.changed();
    }
    await this.enter(WIZARD_STEPS[WIZARD_STEPS.indexOf(this.step) + 1]);
  }

  private async back(): Promise<void> {
    const index = WIZARD_STEPS.indexOf(this.step);
    if (index > 0) await this.enter(WIZARD_STEPS[index - 1] === 'publish' && this.publishView.status === 'idle' ? 'review' : WIZARD_STEPS[index - 1]);
  }

  private async enter(step: WizardStep): Promise<void> {
    this.step = step;
    this.visited.add(step);
    this.notice = undefined;
    if (step === 'target' && !this.facts.factories && !this.loadingFactories) this.track(this.loadFactories());
    if (step === 'auth') {
      if (this.form.targetKind === 'factory' && this.form.factoryId && !this.facts.factoryFacts) this.track(this.loadFactoryFacts());
      this.ensureAccess();
    }
    if (step === 'data' && !this.facts.datastores) this.track(this.loadDatastores());
    if (step === 'review') {
      this.buildReviewNow();
      this.track(this.readExisting());
    }
    this.changed();
  }

  private async reload(what: RequestParams['reload']['what']): Promise<void> {
    switch (what) {
      case 'endpoint': this.facts.deployments = undefined; this.track(this.loadDeployments()); break;
      case 'factories': this.track(this.loadFactories()); break;
      case 'datastores': this.track(this.loadDatastores()); break;
      case 'checks':
        this.facts.access = undefined;
        this.facts.factoryFacts = undefined;
        if (this.form.factoryId) this.track(this.loadFactoryFacts());
        this.ensureAccess();
        break;
    }
    this.changed();
  }

  private async chooseFolder(purpose: 'repository' | 'export'): Promise<void> {
    const folder = await this.env.prompts.chooseFolder({
      purpose,
      title: purpose === 'repository' ? 'Folder of the ADF git repository (the one holding pipeline/)' : 'Folder for the pipeline files',
    });
    if (!folder) return;
    await this.updateForm(purpose === 'repository' ? { repositoryFolder: folder } : { exportFolder: folder }, true);
  }

  private reportCspViolation(violation: { directive: string; blockedUri: string }): void {
    this.cspViolations.push(violation);
    this.env.log.warn(`The wizard's webview blocked ${violation.blockedUri || 'something'} (${violation.directive}).`);
  }

  // ------------------------------------------------------------------------------------------------- loads

  private async loadDeployments(): Promise<void> {
    await this.guard('endpoint', 'loadEndpoint', async () => {
      const azure = await this.env.azure();
      this.facts.deployments = await azure.reads.listDeployments(this.endpoint.workspace, this.endpoint.name);
    }, () => this.loadDeployments());
  }

  private async loadFactories(): Promise<void> {
    this.loadingFactories = true;
    this.changed();
    try {
      await this.guard('target', 'loadFactories', async () => {
        const azure = await this.env.azure();
        this.facts.factories = await azure.reads.listFactories();
      }, () => this.loadFactories());
    } finally {
      this.loadingFactories = false;
      this.changed();
    }
    if (this.form.factoryId && !this.facts.factoryFacts && chosenFactory(this.form, this.facts)) await this.loadFactoryFacts();
  }

  private async loadFactoryFacts(): Promise<void> {
    const factory = chosenFactory(this.form, this.facts);
    if (!factory) return;
    await this.guard('auth', 'loadFactory', async () => {
      const azure = await this.env.azure();
      const [linkedServices, credentials] = await Promise.all([azure.reads.listLinkedServices(factory), azure.reads.listCredentials(factory)]);
      if (chosenFactory(this.form, this.facts)?.id !== factory.id) return;
      this.facts.factoryFacts = { factoryId: factory.id, linkedServices, credentials };
      const vaults = linkedServices.filter((l) => l.type.toLowerCase() === 'azurekeyvault');
      const patch: FormPatch = {};
      if (!this.form.keyVaultLinkedService && vaults.length === 1) patch.keyVaultLinkedService = vaults[0].name;
      if (!this.form.credentialName && credentials.length === 1) patch.credentialName = credentials[0].name;
      if (Object.keys(patch).length > 0) await this.updateForm(patch, true);
    }, () => this.loadFactoryFacts(), factory.name);
    this.ensureAccess();
  }

  private async loadDatastores(): Promise<void> {
    await this.guard('data', 'loadDatastores', async () => {
      const azure = await this.env.azure();
      this.facts.datastores = await azure.reads.listDatastores(this.endpoint.workspace);
      const patch: FormPatch = {};
      const input = inputDatastoreChoices(this.facts.datastores).find((d) => !d.disabledReason);
      const output = outputDatastoreChoices(this.facts.datastores).find((d) => !d.disabledReason);
      if (!this.form.inputDatastore && input) patch.inputDatastore = input.name;
      if (!this.form.outputDatastore && output) patch.outputDatastore = output.name;
      if (Object.keys(patch).length > 0) await this.updateForm(patch, true);
    }, () => this.loadDatastores());
  }

  private async loadRepositoryCandidates(): Promise<void> {
    try {
      this.repositoryFolders = await this.env.files.repositoryCandidates();
      this.changed();
    } catch (error) {
      this.env.log.warn(`Could not look for ADF repository folders in the workspace: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async checkRepositoryFolder(folder: string): Promise<void> {
    const looksRight = (await this.env.files.exists(join(folder, 'pipeline'))) || (await this.env.files.exists(join(folder, 'factory')));
    if (this.form.repositoryFolder === folder) {
      this.facts.repositoryLooksRight = looksRight;
      this.changed();
    }
  }

  /** Reads the role assignments of the identity in use, once per principal. */
  private ensureAccess(): void {
    const principal = principalInUse(this.form, this.facts);
    if (!principal || this.facts.access?.principalId === principal.principalId || this.loadingAccess.has(principal.principalId)) return;
    this.track(this.loadAccess(principal.principalId));
  }

  private async loadAccess(principalId: string): Promise<void> {
    this.loadingAccess.add(principalId);
    try {
      await this.guard('auth', 'checkAccess', async () => {
        const azure = await this.env.azure();
        const assignments = await azure.roles.listForPrincipal(sdkScopeOf(this.endpoint.workspace.id), principalId);
        this.facts.access = { principalId, assignments };
      }, () => this.loadAccess(principalId));
    } finally {
      this.loadingAccess.delete(principalId);
      this.changed();
    }
  }

  // ------------------------------------------------------------------------------------------- role grant

  private async grantRole(): Promise<void> {
    const principal = principalInUse(this.form, this.facts);
    const grant = this.roleGrantView();
    if (!principal || this.grantState === 'granting' || (grant.status !== 'offer' && grant.status !== 'failed')) return;
    const scope = this.endpoint.workspace.id;
    const confirmed = await this.env.prompts.confirm({
      message: `Grant "${DATA_SCIENTIST}" to ${principal.who.charAt(0).toLowerCase()}${principal.who.slice(1)}?`,
      detail: `Scope: ${scope}\nPrincipal: ${principal.principalId} (service principal)\n\nThis creates one role assignment on the workspace so the pipeline can run batch jobs. The wizard does not remove it later.`,
      confirmLabel: 'Grant',
    });
    if (!confirmed) {
      this.notice = 'No role was granted.';
      return this.changed();
    }
    this.grantState = 'granting';
    this.busy = `Granting ${DATA_SCIENTIST}...`;
    this.changed();
    const work = (async (): Promise<void> => {
      try {
        await this.guard('auth', 'grantRole', async () => {
          const azure = await this.env.azure();
          const outcome = await grantDataScientistRole(azure.roles, { workspaceId: scope, principalId: principal.principalId });
          this.env.log.info(outcome.kind === 'created'
            ? `Granted ${DATA_SCIENTIST} to ${principal.principalId} on ${scope} (role assignment ${outcome.assignmentName}).`
            : `${principal.principalId} already has ${outcome.roleName} on ${scope}: nothing granted.`);
          this.grantedPrincipals.add(principal.principalId);
          this.facts.access = { principalId: principal.principalId, assignments: await azure.roles.listForPrincipal(sdkScopeOf(scope), principal.principalId) };
          this.grantState = undefined;
          this.notice = outcome.kind === 'created' ? `Granted ${DATA_SCIENTIST} on workspace ${this.endpoint.workspace.name}.` : `The identity already has ${outcome.roleName}.`;
        }, () => this.grantRole(), undefined, principal.principalId);
      } finally {
        if (this.grantState === 'granting') this.grantState = 'failed';
        this.busy = undefined;
        this.changed();
      }
    })();
    this.track(work);
    await work;
  }

  private roleGrantView(): RoleGrantView {
    const base = { roleName: DATA_SCIENTIST, scope: this.endpoint.workspace.id };
    const principal = principalInUse(this.form, this.facts);
    if (!principal) return { ...base, status: 'unknown' };
    const view = { ...base, who: principal.who, principalId: principal.principalId };
    if (this.grantState === 'granting') return { ...view, status: 'granting' };
    if (this.facts.access?.principalId !== principal.principalId) return { ...view, status: 'checking' };
    const check = authChecks(this.form, this.facts, this.endpoint).find((c) => c.id === 'auth.workspaceRole');
    if (check?.status === 'pass') return { ...view, status: this.grantedPrincipals.has(principal.principalId) ? 'granted' : 'notNeeded' };
    return { ...view, status: this.grantState === 'failed' ? 'failed' : 'offer' };
  }

  // ----------------------------------------------------------------------------------------------- review

  private targetKey(): string {
    const f = this.form;
    return f.targetKind === 'factory' ? `factory:${f.factoryId.toLowerCase()}` : f.targetKind === 'repository' ? `repository:${f.repositoryFolder}` : `export:${f.exportFolder}`;
  }

  private destination(): string {
    const f = this.form;
    if (f.targetKind === 'factory') {
      const factory = chosenFactory(f, this.facts);
      return factory ? `Data Factory ${factory.name} (${describeGitMode(factory.repoConfiguration)})` : 'a Data Factory';
    }
    if (f.targetKind === 'repository') return `pipeline/${f.pipelineName}.json in ${f.repositoryFolder}`;
    return `${f.exportFormats.map((x) => exportFileName(f.pipelineName, x)).join(', ')} in ${f.exportFolder}`;
  }

  /** The generated pipeline, JSON, problems and diagram (no Azure call); keeps what was read of the existing one. */
  private buildReviewNow(): void {
    const built = buildReview(pipelineOptionsOf(this.form, this.endpoint, this.env.cloud), this.destination());
    const previous = this.review?.targetKey === this.targetKey() && this.review.document?.name === built.document?.name ? this.review : undefined;
    this.review = { view: built.view, document: built.document, remote: previous?.remote, targetKey: this.targetKey(), loaded: previous?.loaded ?? false };
    if (previous?.loaded) this.applyExisting(previous.remote, undefined);
  }

  /** Reads the pipeline (or file) the publish would replace: its ETag is the If-Match of the publish. */
  private async readExisting(): Promise<void> {
    const document = this.review?.document;
    if (!document) return;
    const targetKey = this.targetKey();
    const stillCurrent = (): boolean => this.review?.document?.name === document.name && this.review.targetKey === targetKey;
    if (this.form.targetKind === 'factory') {
      const factory = chosenFactory(this.form, this.facts);
      if (!factory) return;
      await this.guard('review', 'review', async () => {
        const azure = await this.env.azure();
        const remote = await azure.pipelines.read(factory, document.name);
        if (!stillCurrent()) return;
        this.review!.remote = remote;
        this.review!.loaded = true;
        this.applyExisting(remote, undefined);
      }, () => this.readExisting(), factory.name);
    } else if (this.form.targetKind === 'repository') {
      const text = await this.env.files.readText(this.repositoryFile(document.name));
      if (!stillCurrent()) return;
      this.review!.loaded = true;
      this.applyExisting(undefined, text);
    } else {
      const existing = await this.existingExports(document);
      if (!stillCurrent()) return;
      this.review!.loaded = true;
      this.review!.view = { ...this.review!.view, exists: existing.length > 0 };
    }
    this.changed();
  }

  private applyExisting(remote: RemotePipeline | undefined, fileText: string | undefined): void {
    const review = this.review;
    if (!review?.document) return;
    if (this.form.targetKind === 'factory') {
      review.view = {
        ...review.view,
        exists: remote !== undefined,
        ...(remote?.etag ? { etag: remote.etag } : {}),
        ...(remote ? { diff: toDiffView(`Changes to pipeline ${remote.name} in the factory`, diffPipelines(remote, review.document)) } : {}),
      };
    } else if (fileText !== undefined) {
      review.view = { ...review.view, exists: true, diff: toDiffView(`Changes to pipeline/${review.document.name}.json`, fileDiff(fileText, review.document, review.view.json)) };
    }
  }

  private repositoryFile(pipelineName: string): string {
    return join(this.form.repositoryFolder, 'pipeline', `${pipelineName}.json`);
  }

  private exportFiles(document: PipelineDocument): Array<{ path: string; content: Uint8Array }> {
    const encode = (text: string): Uint8Array => new TextEncoder().encode(`${text}\n`);
    return this.form.exportFormats.map((format) => ({
      path: join(this.form.exportFolder, exportFileName(document.name, format)),
      content: format === 'git' ? encode(toGitJson(document)) : format === 'arm' ? encode(toArmTemplateJson(document)) : toTemplateZip(document),
    }));
  }

  private async existingExports(document: PipelineDocument): Promise<string[]> {
    const existing: string[] = [];
    for (const file of this.exportFiles(document)) if (await this.env.files.exists(file.path)) existing.push(file.path);
    return existing;
  }

  // ---------------------------------------------------------------------------------------------- publish

  private async publish(): Promise<void> {
    if (this.step !== 'review' && this.step !== 'publish') return;
    const reason = this.blockedReason('review');
    if (reason) {
      this.notice = reason;
      return this.changed();
    }
    await this.whenReviewLoaded();
    const review = this.review;
    if (!review?.document) return;
    this.step = 'publish';
    this.visited.add('publish');
    this.notice = undefined;
    const work = this.form.targetKind === 'factory' ? this.publishToFactory(review.document, review.remote?.etag, review.remote !== undefined)
      : this.form.targetKind === 'repository' ? this.saveToRepository(review.document, review.view.json)
        : this.exportToFolder(review.document);
    this.track(work);
    await work;
  }

  private async whenReviewLoaded(): Promise<void> {
    if (!this.review?.loaded) await this.readExisting();
  }

  private async publishToFactory(document: PipelineDocument, reviewedEtag: string | undefined, existed: boolean): Promise<void> {
    const factory = chosenFactory(this.form, this.facts);
    if (!factory) return;
    if (factory.repoConfiguration && !this.gitModeConfirmed.has(factory.id)) {
      this.publishView = {
        status: 'confirmGitMode',
        gitModeWarning: `Data Factory ${factory.name} is connected to ${describeGitMode(factory.repoConfiguration).slice(5)}. Publishing writes to the live factory only: the next publish from the collaboration branch overwrites it. Save the pipeline into your repository folder instead, or publish to live anyway.`,
      };
      return this.changed();
    }
    this.publishView = { status: 'publishing' };
    this.busy = `Publishing ${document.name} to ${factory.name}...`;
    this.changed();
    try {
      await this.guard('publish', 'publish', async () => {
        const azure = await this.env.azure();
        // The review saw no pipeline: create only (If-None-Match); it saw one: replace that one only (If-Match).
        const outcome = await publishPipeline(azure.pipelines, { factory, document, reviewedEtag: existed ? reviewedEtag ?? '*' : undefined });
        if (outcome.kind === 'conflict') {
          this.conflictRemote = outcome.remote;
          this.publishView = {
            status: 'conflict',
            conflict: { reason: outcome.reason, ...(outcome.remote ? { diff: toDiffView('Their version (left) against yours (right)', diffPipelines(outcome.remote, document)) } : {}) },
          };
          this.env.log.warn(`Publish of ${document.name} to ${factory.name} stopped: ${outcome.reason}`);
          return;
        }
        this.env.log.info(`Published pipeline ${document.name} to Data Factory ${factory.name} (${outcome.created ? 'created' : 'replaced'}, ETag ${outcome.etag ?? 'none'}).`);
        this.published = { factory, document };
        if (this.review) this.review.remote = { name: document.name, etag: outcome.etag, properties: document.properties as unknown as Record<string, unknown> };
        this.run = { parameters: runParametersOf(document), values: {}, status: 'idle', activities: [] };
        this.publishView = {
          status: 'done',
          result: {
            message: `Published pipeline ${document.name} to Data Factory ${factory.name}${outcome.created ? '' : ' (replacing the one you reviewed)'}.`,
            ...this.factoryLinks(factory, document.name),
            canRun: true,
          },
        };
      }, () => this.publishToFactory(document, reviewedEtag, existed), factory.name);
    } finally {
      this.busy = undefined;
      if (this.publishView.status === 'publishing') this.publishView = { status: 'idle' };
      this.changed();
    }
  }

  /** ADF Studio for the known clouds; the factory in the portal otherwise (a custom cloud's ADF Studio is unknown). */
  private factoryLinks(factory: FactoryInfo, pipelineName: string): { adfStudioUrl?: string; portalUrl?: string } {
    const studio = adfStudioPipelineUrl(this.env.cloud, factory.id, pipelineName);
    if (studio) return { adfStudioUrl: studio };
    return this.env.cloud.portalUrl ? { portalUrl: `${this.env.cloud.portalUrl}/#@${this.endpoint.workspace.tenantId}/resource${factory.id}` } : {};
  }

  private async confirmGitMode(choice: 'publishLive' | 'saveToRepository'): Promise<void> {
    if (this.publishView.status !== 'confirmGitMode') return;
    const factory = chosenFactory(this.form, this.facts);
    if (choice === 'publishLive' && factory && this.review?.document) {
      this.gitModeConfirmed.add(factory.id);
      const work = this.publishToFactory(this.review.document, this.review.remote?.etag, this.review.remote !== undefined);
      this.track(work);
      return work;
    }
    this.publishView = { status: 'idle' };
    const folder = this.form.repositoryFolder || this.repositoryFolders[0] || '';
    await this.updateForm({ targetKind: 'repository', repositoryFolder: folder }, true);
    this.notice = folder ? `Saving into ${folder} instead: check the review, then save.` : 'Choose the folder of your clone of the factory\'s repository.';
    await this.enter(folder ? 'review' : 'target');
  }

  private async resolveConflict(choice: 'overwrite' | 'backToReview'): Promise<void> {
    if (this.publishView.status !== 'conflict' || !this.review?.document) return;
    if (choice === 'backToReview') {
      this.publishView = { status: 'idle' };
      this.review.loaded = false;
      return this.enter('review');
    }
    const remote = this.conflictRemote;
    const confirmed = await this.env.prompts.confirm({
      message: remote ? `Replace the version of ${remote.name} someone else published?` : `Publish ${this.review.document.name} again?`,
      detail: remote ? 'Their changes (shown on the left of the difference) will be lost. Only that version is replaced: if it changes again, you are asked again.' : 'The pipeline was deleted after your review; publishing creates it again.',
      confirmLabel: 'Replace',
    });
    if (!confirmed) {
      this.notice = 'Nothing was published.';
      return this.changed();
    }
    const work = this.publishToFactory(this.review.document, remote?.etag, remote !== undefined);
    this.track(work);
    await work;
  }

  private async saveToRepository(document: PipelineDocument, json: string): Promise<void> {
    const path = this.repositoryFile(document.name);
    const text = `${json}\n`;
    await this.guardFiles(async () => {
      const existing = await this.env.files.readText(path);
      if (existing !== undefined && existing === text) {
        this.publishView = { status: 'done', result: { message: `pipeline/${document.name}.json is already up to date in ${this.form.repositoryFolder}.`, files: [path], canRun: false } };
        return;
      }
      if (existing !== undefined) {
        const diff = fileDiff(existing, document, json);
        await this.env.openDiff({ title: `pipeline/${document.name}.json (in the repository)`, text: diff.before }, { title: 'generated', text: diff.after }, `${document.name}.json: repository <-> generated`);
        const confirmed = await this.env.prompts.confirm({
          message: `Overwrite pipeline/${document.name}.json?`,
          detail: `${path} exists and differs from the generated pipeline (${diff.removed} lines removed, ${diff.added} added; the difference is open in an editor). Your git history keeps the old version.`,
          confirmLabel: 'Overwrite',
        });
        if (!confirmed) {
          this.publishView = { status: 'idle' };
          this.notice = `Nothing was written: ${path} is unchanged.`;
          return;
        }
      }
      await this.env.files.write(path, new TextEncoder().encode(text));
      this.env.log.info(`Saved pipeline ${document.name} to ${path}.`);
      this.publishView = { status: 'done', result: { message: `Saved pipeline/${document.name}.json in ${this.form.repositoryFolder}: commit it, then publish from ADF Studio.`, files: [path], canRun: false } };
    });
  }

  private async exportToFolder(document: PipelineDocument): Promise<void> {
    await this.guardFiles(async () => {
      const files = this.exportFiles(document);
      const existing = (await Promise.all(files.map(async (f) => (await this.env.files.exists(f.path)) ? f.path : undefined))).filter((p): p is string => p !== undefined);
      if (existing.length > 0) {
        const confirmed = await this.env.prompts.confirm({
          message: `Replace ${existing.length === 1 ? 'a file that exists' : `${existing.length} files that exist`}?`,
          detail: existing.join('\n'),
          confirmLabel: 'Replace',
        });
        if (!confirmed) {
          this.publishView = { status: 'idle' };
          this.notice = 'Nothing was written.';
          return;
        }
      }
      for (const file of files) await this.env.files.write(file.path, file.content);
      this.env.log.info(`Exported pipeline ${document.name}: ${files.map((f) => f.path).join(', ')}.`);
      this.publishView = { status: 'done', result: { message: `Wrote ${files.length} file${files.length === 1 ? '' : 's'} for pipeline ${document.name}.`, files: files.map((f) => f.path), canRun: false } };
    });
  }

  private async guardFiles(work: () => Promise<void>): Promise<void> {
    this.busy = 'Writing files...';
    this.changed();
    try {
      await work();
    } catch (error) {
      this.publishView = { status: 'idle' };
      this.error = { step: 'publish', title: 'Could not write the files', message: error instanceof Error ? error.message : String(error), action: 'Check the folder and its permissions, then retry. Nothing you entered is lost.', canRetry: true, canSignIn: false };
      this.retryAction = () => this.publish();
    } finally {
      this.busy = undefined;
      this.changed();
    }
  }

  private async openDiff(): Promise<void> {
    const document = this.review?.document;
    if (!document) return;
    const mine = diffPipelines(undefined, document).after;
    if (this.publishView.status === 'conflict' && this.conflictRemote) {
      await this.env.openDiff({ title: `${this.conflictRemote.name} (in the factory now)`, text: diffPipelines(this.conflictRemote, document).before }, { title: 'yours', text: mine }, `${document.name}: factory <-> yours`);
    } else if (this.review?.remote) {
      await this.env.openDiff({ title: `${document.name} (in the factory)`, text: diffPipelines(this.review.remote, document).before }, { title: 'generated', text: mine }, `${document.name}: factory <-> generated`);
    } else if (this.form.targetKind === 'repository') {
      const existing = await this.env.files.readText(this.repositoryFile(document.name));
      if (existing !== undefined) {
        const diff = fileDiff(existing, document, this.review!.view.json);
        await this.env.openDiff({ title: `pipeline/${document.name}.json`, text: diff.before }, { title: 'generated', text: diff.after }, `${document.name}.json: repository <-> generated`);
      }
    }
  }

  private async openLink(link: 'adfStudio' | 'portal' | 'job' | 'endpoint'): Promise<void> {
    let url: string | undefined;
    if (link === 'adfStudio') url = this.publishView.result?.adfStudioUrl;
    else if (link === 'portal') url = this.publishView.result?.portalUrl;
    else if (link === 'job') url = this.run.job?.studioUrl;
    else if (this.env.cloud.mlStudioUrl) {
      const query = new URLSearchParams({ wsid: this.endpoint.workspace.id, tid: this.endpoint.workspace.tenantId });
      url = `${this.env.cloud.mlStudioUrl}/endpoints/batch/${encodeURIComponent(this.endpoint.name)}/details?${query.toString()}`;
    }
    if (url) await this.env.openExternal(url);
  }

  // -------------------------------------------------------------------------------------------------- run

  private async runNow(values: Record<string, string>): Promise<void> {
    const published = this.published;
    if (!published || this.run.status === 'starting' || this.run.status === 'running' || this.run.status === 'cancelling') return;
    if (this.step !== 'run') await this.enter('run');
    const parameters = this.run.parameters;
    const typed = Object.fromEntries(Object.entries(values).filter(([name]) => parameters.some((p) => p.name === name && !p.secure)));
    this.run = { ...this.run, values: typed };
    const secure: Record<string, string> = {};
    for (const p of parameters.filter((x) => x.secure)) {
      const value = await this.env.prompts.secret({ title: `Run ${published.document.name}`, prompt: `Value of ${p.name} (SecureString: masked in the run history, never stored by VS Code)` });
      if (value === undefined) {
        this.notice = 'The run was not started.';
        return this.changed();
      }
      if (value) this.env.log.addSecret(value);
      secure[p.name] = value;
    }
    let runParameters: Record<string, unknown>;
    try {
      runParameters = runParameterValues(parameters, typed, secure);
    } catch (error) {
      if (!(error instanceof RunValueError)) throw error;
      this.notice = error.message;
      return this.changed();
    }
    this.run = { parameters, values: typed, status: 'starting', activities: [] };
    this.busy = 'Starting the run...';
    this.changed();
    const factory = published.factory;
    let runId: string | undefined;
    await this.guard('run', 'createRun', async () => {
      const azure = await this.env.azure();
      runId = await azure.runs.createRun(factory, published.document.name, runParameters);
      this.env.log.info(`Started run ${runId} of pipeline ${published.document.name} in ${factory.name} (parameters given: ${Object.keys(runParameters).join(', ') || 'none'}).`);
    }, () => this.runNow(values), factory.name);
    this.busy = undefined;
    if (!runId) {
      this.run = { ...this.run, status: 'idle' };
      return this.changed();
    }
    this.run = { ...this.run, status: 'running', runId, startedAt: new Date().toISOString() };
    this.changed();
    void this.follow(factory, runId);
  }

  private async follow(factory: FactoryInfo, runId: string): Promise<void> {
    this.runAbort?.abort();
    const abort = new AbortController();
    this.runAbort = abort;
    await this.guard('run', 'monitorRun', async () => {
      const azure = await this.env.azure();
      const last = await monitorRun(azure.runs, factory, runId, {
        intervalMs: this.env.monitorIntervalMs,
        signal: abort.signal,
        context: { mlStudioUrl: this.env.cloud.mlStudioUrl, workspaceId: this.endpoint.workspace.id, tenantId: this.endpoint.workspace.tenantId },
        onSnapshot: (snapshot) => {
          if (this.disposed || this.run.runId !== runId) return;
          this.run = {
            ...this.run,
            status: snapshot.done ? 'ended' : this.run.status === 'cancelling' ? 'cancelling' : 'running',
            pipelineStatus: snapshot.status,
            message: snapshot.message,
            activities: snapshot.activities.map((a) => ({ name: a.name, type: a.type, status: a.status, runs: a.runs, ...(a.durationMs !== undefined ? { durationMs: a.durationMs } : {}), ...(a.error ? { error: a.error } : {}) })),
            ...(snapshot.job ? { job: snapshot.job } : {}),
            ...(snapshot.done ? { endedAt: new Date().toISOString() } : {}),
          };
          this.changed();
        },
      });
      if (last.done) this.env.log.info(`Run ${runId} ended: ${last.status}${last.job ? `; batch job ${last.job.name}: ${last.job.status ?? 'unknown'}` : ''}.`);
    }, () => this.follow(factory, runId), factory.name);
    if (this.run.runId === runId && this.run.status !== 'ended' && !abort.signal.aborted) this.run = { ...this.run, status: 'ended' };
    this.changed();
  }

  private async cancelRun(): Promise<void> {
    const runId = this.run.runId;
    const published = this.published;
    if (!runId || !published || (this.run.status !== 'running' && this.run.status !== 'starting')) return;
    this.run = { ...this.run, status: 'cancelling' };
    this.changed();
    await this.guard('run', 'cancelRun', async () => {
      const azure = await this.env.azure();
      await azure.runs.cancelRun(published.factory, runId);
      this.env.log.info(`Asked Data Factory to cancel run ${runId}.`);
    }, () => this.cancelRun(), published.factory.name);
    if (this.error?.step === 'run' && this.run.status === 'cancelling') this.run = { ...this.run, status: 'running' };
    this.changed();
  }

  // ------------------------------------------------------------------------------------------------ errors

  private async retry(): Promise<void> {
    const action = this.retryAction;
    this.error = undefined;
    this.retryAction = undefined;
    this.changed();
    if (action) await action();
  }

  private async signInAgain(): Promise<void> {
    await this.env.signIn();
    await this.retry();
  }

  /** Runs Azure work; a failure becomes the wizard's error banner with what to do, and what was entered stays. */
  private async guard(step: WizardStep, operation: WizardOperation, work: () => Promise<void>, retry: () => Promise<void>, factoryName?: string, principalId?: string): Promise<void> {
    try {
      await work();
    } catch (error) {
      const context: AdviceContext = { operation, workspaceId: this.endpoint.workspace.id, ...(factoryName ? { factoryName } : {}), ...(principalId ? { principalId } : {}) };
      const advice = adviseAzureError(error, context);
      this.env.log.error(`${STEP_TITLES[step]}: ${advice.title}: ${advice.message}`);
      this.error = { step, title: advice.title, message: advice.message, action: advice.action, ...(advice.statusCode ? { statusCode: advice.statusCode } : {}), canRetry: advice.retryable, canSignIn: advice.signIn };
      this.retryAction = retry;
      // A factory that is gone: reload the list so the target step shows what exists now.
      if (advice.statusCode === 404 && factoryName && operation !== 'loadFactories') this.track(this.loadFactories());
      this.changed();
    }
  }

  // -------------------------------------------------------------------------------------------------- view

  view(): WizardViewState {
    const problems = this.problems();
    const checks = this.checks();
    const datastores = this.facts.datastores ?? [];
    const factories = this.facts.factories;
    const review = this.review?.view;
    const canContinue = this.step === 'review' ? this.blockedReason('review') === undefined : this.step === 'publish' ? this.publishView.status === 'done' && this.published !== undefined : this.step === 'run' ? false : this.blockedReason(this.step) === undefined;
    const blockedReason = this.step === 'publish' || this.step === 'run' ? undefined : this.blockedReason(this.step);
    const factoryFacts = this.facts.factoryFacts;
    return {
      step: this.step,
      reachable: this.reachable(),
      formRevision: this.formRevision,
      form: { ...this.form, exportFormats: [...this.form.exportFormats] },
      formProblems: problems,
      endpoint: {
        name: this.endpoint.name,
        id: this.endpoint.id,
        workspaceName: this.endpoint.workspace.name,
        workspaceId: this.endpoint.workspace.id,
        subscriptionId: this.endpoint.workspace.subscriptionId,
        resourceGroup: this.endpoint.workspace.resourceGroup,
        ...(this.endpoint.scoringUri ? { scoringUri: this.endpoint.scoringUri } : {}),
        ...(this.endpoint.authMode ? { authMode: this.endpoint.authMode } : {}),
        ...(this.endpoint.defaultDeployment ? { defaultDeployment: this.endpoint.defaultDeployment } : {}),
        deployments: this.facts.deployments ?? [],
        deploymentsLoaded: this.facts.deployments !== undefined,
      },
      checks: {
        endpoint: toCheckViews(checks.endpoint),
        target: toCheckViews(checks.target),
        auth: toCheckViews(checks.auth),
        data: toCheckViews(checks.data),
      },
      target: {
        factories: factories?.map((f) => ({
          id: f.id, name: f.name, resourceGroup: f.resourceGroup, location: f.location,
          identity: factoryIdentityText(f), hasIdentity: f.identityPrincipalId !== undefined,
          gitMode: describeGitMode(f.repoConfiguration), inGitMode: f.repoConfiguration !== undefined,
        })),
        factoriesLoading: this.loadingFactories,
        repositoryFolders: this.repositoryFolders,
      },
      auth: {
        keyVaultLinkedServices: (factoryFacts?.linkedServices ?? []).filter((l) => l.type.toLowerCase() === 'azurekeyvault').map((l): ChoiceView => ({ name: l.name })),
        credentials: (factoryFacts?.credentials ?? []).map((c): ChoiceView => ({ name: c.name, ...(c.resourceId ? { detail: c.resourceId.split('/').pop() } : {}) })),
        factoryFactsLoaded: factoryFacts !== undefined,
        roleGrant: this.roleGrantView(),
      },
      data: {
        inputDatastores: inputDatastoreChoices(datastores).map(choiceView),
        outputDatastores: outputDatastoreChoices(datastores).map(choiceView),
        datastoresLoaded: this.facts.datastores !== undefined,
        inputPreview: inputUriOf(this.form),
        outputPreview: outputPreview(this.form),
      },
      review: review ? { ...review } : undefined,
      publish: this.publishView,
      run: this.run,
      canContinue,
      ...(blockedReason ? { blockedReason } : {}),
      ...(this.busy ? { busy: this.busy } : {}),
      ...(this.error ? { error: this.error } : {}),
      ...(this.notice ? { notice: this.notice } : {}),
    };
  }

  private problems(): FormProblems {
    return formProblems(this.form, {
      inputDatastores: inputDatastoreChoices(this.facts.datastores ?? []),
      outputDatastores: outputDatastoreChoices(this.facts.datastores ?? []),
      datastoresLoaded: this.facts.datastores !== undefined,
    });
  }

  private checks(): { endpoint: PreflightCheck[]; target: PreflightCheck[]; auth: PreflightCheck[]; data: PreflightCheck[] } {
    return {
      endpoint: endpointChecks(this.endpoint, this.facts, this.form),
      target: targetChecks(this.form, this.facts),
      auth: authChecks(this.form, this.facts, this.endpoint),
      data: dataChecks(this.form),
    };
  }

  /** Why the step cannot be left forward, or undefined when it can. */
  private blockedReason(step: WizardStep): string | undefined {
    const checks = this.checks();
    const problems = this.problems();
    const firstBlocking = (list: readonly PreflightCheck[]): string | undefined => {
      const blocking = list.find((c) => c.blocking);
      return blocking ? `${blocking.title}: ${blocking.message}` : undefined;
    };
    const firstProblem = (fields: readonly (keyof FormProblems)[]): string | undefined => fields.map((f) => problems[f]).find((p) => p !== undefined);
    switch (step) {
      case 'endpoint':
        if (!this.facts.deployments) return 'Reading the endpoint\'s deployments...';
        return firstBlocking(checks.endpoint);
      case 'target':
        return firstProblem(STEP_FIELDS.target) ?? (this.form.targetKind === 'factory' && !chosenFactory(this.form, this.facts) ? (this.facts.factories ? 'Choose a Data Factory.' : 'Reading the data factories...') : undefined) ?? firstBlocking(checks.target);
      case 'auth':
        return firstProblem(STEP_FIELDS.auth) ?? firstBlocking(checks.auth);
      case 'data':
        return firstProblem(STEP_FIELDS.data) ?? firstBlocking(checks.data);
      case 'review': {
        for (const earlier of ['endpoint', 'target', 'auth', 'data'] as const) {
          const reason = this.blockedReason(earlier);
          if (reason) return `${STEP_TITLES[earlier]}: ${reason}`;
        }
        const review = this.review?.view;
        if (!review) return 'The review is not ready yet.';
        const nameProblem = firstProblem(STEP_FIELDS.review);
        if (nameProblem) return nameProblem;
        if (review.optionProblems.length > 0) return review.optionProblems[0];
        if (review.errors > 0) return `The validator found ${review.errors} error${review.errors === 1 ? '' : 's'}: publishing needs none.`;
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /** A step can be opened when it was visited already, or when every step before it is complete. */
  private reachable(): WizardStep[] {
    const steps: WizardStep[] = ['endpoint'];
    for (const step of ['target', 'auth', 'data', 'review'] as const) {
      if (!this.visited.has(step) && this.blockedReason(steps[steps.length - 1]) !== undefined) break;
      steps.push(step);
    }
    if (this.visited.has('publish') && this.publishView.status !== 'idle') steps.push('publish');
    if (this.published) steps.push('run');
    if (!steps.includes(this.step)) steps.push(this.step);
    return WIZARD_STEPS.filter((s) => steps.includes(s));
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch((error: unknown) => {
      this.env.log.error(`Unexpected wizard failure: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  private changed(): void {
    if (this.disposed) return;
    for (const listener of [...this.listeners]) listener();
  }
}

function choiceView(choice: { name: string; type: string; isDefault: boolean; disabledReason?: string }): ChoiceView {
  return { name: choice.name, detail: `${choice.type}${choice.isDefault ? ', default' : ''}`, ...(choice.disabledReason ? { disabledReason: choice.disabledReason } : {}), isDefault: choice.isDefault };
}

/** The role-assignment scope of a resource id, as the SDK wants it (no leading slash). */
function sdkScopeOf(resourceId: string): string {
  return resourceId.replace(/^\/+/, '').replace(/\/+$/, '');
}

export function exportFileName(pipelineName: string, format: 'git' | 'arm' | 'zip'): string {
  return format === 'git' ? `${pipelineName}.json` : format === 'arm' ? `${pipelineName}.arm-template.json` : `${pipelineName}.zip`;
}
