// The Create ADF Pipeline wizard's extension side for one endpoint: the coordinator. It owns the state and the step
// machine, answers the webview's (validated) requests by running the flows (flows/), and publishes the view state
// (view-model.ts) after every change. It never imports `vscode`: its surroundings come in as a WizardEnvironment.
import * as l10n from '@vscode/l10n';
import type { FlowContext, FlowOutcome, GuardedWork } from './flows/context';
import * as facts from './flows/facts';
import { runGuarded, type GuardFailure } from './flows/guard';
import * as publishing from './flows/publish';
import { buildReviewNow, openDiff, readExisting } from './flows/review';
import { createKeyVaultLinkedService } from './flows/key-vault-link';
import { enableFactoryIdentity } from './flows/factory-identity';
import { grantRole } from './flows/role-grant';
import { applyFormPatch } from './flows/form-change';
import { loadFacts, reloadFacts, type FactsKind } from './flows/loads';
import { canStartRun, cancelRun, linkUrl, runNow, whenRunEnded } from './flows/run-monitor';
import { BackgroundWork } from './background';
import type { WizardEndpoint } from './endpoint';
import {
  STEP_TITLES,
  WIZARD_STEPS,
  type ErrorView,
  type FormPatch,
  type WebviewRequest,
  type WizardStep,
  type WizardViewState,
} from './protocol';
import type { WizardEnvironment } from './services';
import { initialState, type WizardState } from './state';
import { blockedReason, reachable, viewOf } from './view-model';

export class WizardController {
  private readonly state: WizardState;
  private readonly ctx: FlowContext;
  private retryAction: (() => Promise<void>) | undefined;
  private readonly background: BackgroundWork;
  private readonly listeners = new Set<() => void>();
  private disposed = false;
  /** CSP violations the webview reported (there should be none). */
  readonly cspViolations: Array<{ directive: string; blockedUri: string }> = [];

  constructor(
    readonly endpoint: WizardEndpoint,
    private readonly env: WizardEnvironment,
  ) {
    this.state = initialState(endpoint);
    this.background = new BackgroundWork(env.log);
    this.ctx = {
      state: this.state,
      env,
      changed: () => this.changed(),
      track: (work) => this.background.track(work),
      guard: (work) => this.guard(work),
      showError: (error, retry) => this.showError(error, retry),
      isDisposed: () => this.disposed,
    };
  }

  /** Starts reading what every step needs, in the background. */
  start(): void {
    this.background.track(this.load('deployments'));
    this.background.track(this.load('factories'));
    this.background.track(this.load('datastores'));
    this.background.track(facts.loadRepositoryCandidates(this.ctx));
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Resolves once no background work (loads, publish, grant) is running; a run being followed does not count. */
  whenIdle(): Promise<void> {
    return this.background.whenIdle();
  }

  /** Resolves when the run being followed has ended (or immediately when none is). */
  whenRunEnded(): Promise<void> {
    return whenRunEnded(this.state, (listener) => this.onDidChange(listener));
  }

  dispose(): void {
    this.disposed = true;
    this.state.runAbort?.abort();
    this.state.operationAbort?.abort();
    this.state.loads.abortAll();
    this.listeners.clear();
  }

  view(): WizardViewState {
    return viewOf(this.state);
  }

  async handle(request: WebviewRequest): Promise<void> {
    const ctx = this.ctx;
    switch (request.method) {
      case 'ready':
        return this.changed();
      case 'updateForm':
        return this.updateForm(request.params.patch, false);
      case 'goTo':
        return this.goTo(request.params.step);
      case 'next':
        return this.next();
      case 'back':
        return this.back();
      case 'reload':
        return reloadFacts(ctx, (outcome) => this.apply(outcome), request.params.what);
      case 'grantRole':
        return grantRole(ctx);
      case 'createKeyVaultLinkedService':
        return this.createKeyVaultLinkedService();
      case 'enableIdentity':
        return enableFactoryIdentity(ctx);
      case 'chooseFolder':
        return this.apply(await facts.chooseFolder(ctx, request.params.purpose));
      case 'publish':
        return publishing.publishFromReview(this.ctx);
      case 'confirmGitMode':
        return this.apply(await publishing.confirmGitMode(ctx, request.params.choice));
      case 'resolveConflict':
        return this.apply(await publishing.resolveConflict(ctx, request.params.choice));
      case 'openDiff':
        return openDiff(ctx);
      case 'openLink': {
        const url = linkUrl(ctx, request.params.link);
        return url ? this.env.openExternal(url) : undefined;
      }
      case 'runNow':
        if (canStartRun(this.state) && this.state.step !== 'run') this.enter('run');
        return runNow(ctx, request.params.values);
      case 'cancelRun':
        return cancelRun(ctx);
      case 'cancelOperation':
        return this.state.operationAbort?.abort();
      case 'retry':
        return this.retry();
      case 'dismissError':
        this.state.error = undefined;
        this.retryAction = undefined;
        return this.changed();
      case 'signIn':
        return this.signInAgain();
      case 'cspViolation':
        this.cspViolations.push(request.params);
        return this.env.log.warn(
          `The wizard's webview blocked ${request.params.blockedUri || 'something'} (${request.params.directive}).`,
        );
    }
  }

  private async updateForm(patch: FormPatch, fromExtension: boolean): Promise<void> {
    applyFormPatch(this.ctx, (outcome) => this.apply(outcome), patch, fromExtension);
  }

  private async goTo(step: WizardStep): Promise<void> {
    if (!reachable(this.state).includes(step)) {
      this.state.notice = l10n.t('{0} is not available yet: finish the steps before it.', l10n.t(STEP_TITLES[step]));
      return this.changed();
    }
    this.enter(step);
  }

  private async next(): Promise<void> {
    const state = this.state;
    if (state.step === 'review') return publishing.publishFromReview(this.ctx);
    if (state.step === 'publish') {
      if (state.published && state.publishView.status === 'done') this.enter('run');
      return;
    }
    const reason = blockedReason(state, state.step);
    if (reason) {
      state.notice = reason;
      return this.changed();
    }
    this.enter(WIZARD_STEPS[WIZARD_STEPS.indexOf(state.step) + 1]);
  }

  private async back(): Promise<void> {
    const index = WIZARD_STEPS.indexOf(this.state.step);
    if (index > 0)
      this.enter(
        WIZARD_STEPS[index - 1] === 'publish' && this.state.publishView.status === 'idle'
          ? 'review'
          : WIZARD_STEPS[index - 1],
      );
  }

  /** Opens a step and starts reading what it needs. */
  private enter(step: WizardStep): void {
    const { state, ctx } = this;
    state.step = step;
    state.visited.add(step);
    state.notice = undefined;
    // The review read is only wanted on the Review step (entering it again reads again).
    if (step !== 'review') state.loads.abort('review');
    if (step === 'target' && !state.facts.factories && !state.loadingFactories)
      this.background.track(this.load('factories'));
    if (step === 'auth') {
      if (state.form.targetKind === 'factory' && state.form.factoryId && !state.facts.factoryFacts)
        this.background.track(this.load('factoryFacts'));
      facts.ensureAccess(ctx);
    }
    if (step === 'data' && !state.facts.datastores) this.background.track(this.load('datastores'));
    if (step === 'review') {
      buildReviewNow(ctx);
      this.background.track(readExisting(ctx));
    }
    this.changed();
  }

  /** Applies what a flow asked for: a form change, then a step, then a notice. */
  private async apply(outcome: FlowOutcome | undefined): Promise<void> {
    if (!outcome) return;
    if (outcome.patch) await this.updateForm(outcome.patch, true);
    if (outcome.enter) this.enter(outcome.enter);
    if (outcome.notice) {
      this.state.notice = outcome.notice;
      this.changed();
    }
  }

  /** Reads facts from Azure; what a loader fills into the form is applied like any other form change. */
  private load(what: FactsKind): Promise<void> {
    return loadFacts(this.ctx, (outcome) => this.apply(outcome), what);
  }

  private async createKeyVaultLinkedService(): Promise<void> {
    await this.apply(await createKeyVaultLinkedService(this.ctx, () => this.createKeyVaultLinkedService()));
  }

  private async retry(): Promise<void> {
    const action = this.retryAction;
    this.state.error = undefined;
    this.retryAction = undefined;
    this.changed();
    if (action) await action();
  }

  private async signInAgain(): Promise<void> {
    await this.env.signIn();
    await this.retry();
  }

  /** Runs Azure work; a failure becomes the error banner with what to do, and what was entered stays. */
  private async guard(work: GuardedWork): Promise<void> {
    const loads = this.state.loads;
    const signal = work.load ? loads.start(work.load) : work.signal;
    let failure: GuardFailure | undefined;
    try {
      failure = await runGuarded({ ...work, ...(signal ? { signal } : {}) }, this.endpoint.workspace.id, this.env.log);
    } finally {
      if (work.load && signal) loads.ended(work.load, signal);
    }
    if (!failure) return;
    this.showError(failure.error, work.retry);
    // A factory that is gone: reload the list so the target step shows what exists now.
    if (failure.factoryGone) this.background.track(this.load('factories'));
  }

  private showError(error: ErrorView, retry: () => Promise<void>): void {
    this.state.error = error;
    this.retryAction = retry;
    this.changed();
  }

  private changed(): void {
    if (this.disposed) return;
    for (const listener of [...this.listeners]) listener();
  }
}
