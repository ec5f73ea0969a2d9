// What the webview shows, computed from the wizard's state alone: the view state, why a step cannot be left
// forward, and which steps can be opened. Pure: no Azure, no files, no `vscode`.
import * as l10n from '@vscode/l10n';
import type { PreflightCheck } from '../core/preflight';
import { inputDatastoreChoices, outputDatastoreChoices } from '../core/preflight';
import {
  authChecks,
  chosenFactory,
  dataChecks,
  describeGitMode,
  endpointChecks,
  factoryIdentityText,
  principalInUse,
  targetChecks,
  toCheckViews,
} from './checks';
import { STEP_FIELDS, formProblems, inputUriOf, outputPreview, type FormProblems } from './form';
import {
  STEP_TITLES,
  WIZARD_STEPS,
  type ChoiceView,
  type FactoryIdentityView,
  type RoleGrantView,
  type WizardStep,
  type WizardViewState,
} from './protocol';
import { DATA_SCIENTIST, type WizardState } from './state';

interface StepChecks {
  endpoint: PreflightCheck[];
  target: PreflightCheck[];
  auth: PreflightCheck[];
  data: PreflightCheck[];
}

export function viewOf(state: WizardState): WizardViewState {
  const { endpoint, facts, form, step } = state;
  const checks = checksOf(state);
  const datastores = facts.datastores ?? [];
  const factoryFacts = facts.factoryFacts;
  const review = state.review?.view;
  const canContinue =
    step === 'review'
      ? blockedReason(state, 'review') === undefined
      : step === 'publish'
        ? state.publishView.status === 'done' && state.published !== undefined
        : step === 'run'
          ? false
          : blockedReason(state, step) === undefined;
  const blocked = step === 'publish' || step === 'run' ? undefined : blockedReason(state, step);
  return {
    step,
    reachable: reachable(state),
    formRevision: state.formRevision,
    form: { ...form, exportFormats: [...form.exportFormats] },
    formProblems: problemsOf(state),
    endpoint: {
      name: endpoint.name,
      id: endpoint.id,
      workspaceName: endpoint.workspace.name,
      workspaceId: endpoint.workspace.id,
      subscriptionId: endpoint.workspace.subscriptionId,
      resourceGroup: endpoint.workspace.resourceGroup,
      ...(endpoint.scoringUri ? { scoringUri: endpoint.scoringUri } : {}),
      ...(endpoint.authMode ? { authMode: endpoint.authMode } : {}),
      ...(endpoint.defaultDeployment ? { defaultDeployment: endpoint.defaultDeployment } : {}),
      deployments: facts.deployments ?? [],
      deploymentsLoaded: facts.deployments !== undefined,
    },
    checks: {
      endpoint: toCheckViews(checks.endpoint),
      target: toCheckViews(checks.target),
      auth: toCheckViews(checks.auth),
      data: toCheckViews(checks.data),
    },
    target: {
      factories: facts.factories?.map((f) => ({
        id: f.id,
        name: f.name,
        resourceGroup: f.resourceGroup,
        location: f.location,
        identity: factoryIdentityText(f),
        hasIdentity: f.identityPrincipalId !== undefined,
        gitMode: describeGitMode(f.repoConfiguration),
        inGitMode: f.repoConfiguration !== undefined,
      })),
      factoriesLoading: state.loadingFactories,
      repositoryFolders: state.repositoryFolders,
    },
    auth: {
      keyVaultLinkedServices: (factoryFacts?.linkedServices ?? [])
        .filter((l) => l.type.toLowerCase() === 'azurekeyvault')
        .map((l): ChoiceView => ({ name: l.name })),
      credentials: (factoryFacts?.credentials ?? []).map((c): ChoiceView => ({
        name: c.name,
        ...(c.resourceId ? { detail: c.resourceId.split('/').pop() } : {}),
      })),
      factoryFactsLoaded: factoryFacts !== undefined,
      factoryIdentity: factoryIdentityView(state),
      roleGrant: roleGrantView(state),
    },
    data: {
      inputDatastores: inputDatastoreChoices(datastores).map(choiceView),
      outputDatastores: outputDatastoreChoices(datastores).map(choiceView),
      datastoresLoaded: facts.datastores !== undefined,
      inputPreview: inputUriOf(form),
      outputPreview: outputPreview(form),
    },
    review: review ? { ...review } : undefined,
    publish: state.publishView,
    run: state.run,
    canContinue,
    ...(blocked ? { blockedReason: blocked } : {}),
    ...(state.busy ? { busy: state.busy } : {}),
    ...(state.error ? { error: state.error } : {}),
    ...(state.notice ? { notice: state.notice } : {}),
  };
}

/** Why the step cannot be left forward, or undefined when it can. */
export function blockedReason(state: WizardState, step: WizardStep): string | undefined {
  const { facts, form } = state;
  const checks = checksOf(state);
  const problems = problemsOf(state);
  const firstBlocking = (list: readonly PreflightCheck[]): string | undefined => {
    const blocking = list.find((c) => c.blocking);
    return blocking ? `${blocking.title}: ${blocking.message}` : undefined;
  };
  const firstProblem = (fields: readonly (keyof FormProblems)[]): string | undefined =>
    fields.map((f) => problems[f]).find((p) => p !== undefined);
  switch (step) {
    case 'endpoint':
      if (!facts.deployments) return l10n.t("Reading the endpoint's deployments...");
      return firstBlocking(checks.endpoint);
    case 'target':
      return (
        firstProblem(STEP_FIELDS.target) ??
        (form.targetKind === 'factory' && !chosenFactory(form, facts)
          ? facts.factories
            ? l10n.t('Choose a Data Factory.')
            : l10n.t('Reading the data factories...')
          : undefined) ??
        firstBlocking(checks.target)
      );
    case 'auth':
      return firstProblem(STEP_FIELDS.auth) ?? firstBlocking(checks.auth);
    case 'data':
      return firstProblem(STEP_FIELDS.data) ?? firstBlocking(checks.data);
    case 'review':
      return reviewBlockedReason(state, firstProblem(STEP_FIELDS.review));
    default:
      return undefined;
  }
}

function reviewBlockedReason(state: WizardState, nameProblem: string | undefined): string | undefined {
  for (const earlier of ['endpoint', 'target', 'auth', 'data'] as const) {
    const reason = blockedReason(state, earlier);
    if (reason) return l10n.t('{0}: {1}', l10n.t(STEP_TITLES[earlier]), reason);
  }
  const review = state.review?.view;
  if (!review) return l10n.t('The review is not ready yet.');
  if (nameProblem) return nameProblem;
  if (review.optionProblems.length > 0) return review.optionProblems[0];
  if (review.errors > 0)
    return review.errors === 1
      ? l10n.t('The validator found 1 error: publishing needs none.')
      : l10n.t('The validator found {0} errors: publishing needs none.', review.errors);
  return undefined;
}

/** A step can be opened when it was visited already, or when every step before it is complete. */
export function reachable(state: WizardState): WizardStep[] {
  const steps: WizardStep[] = ['endpoint'];
  for (const step of ['target', 'auth', 'data', 'review'] as const) {
    if (!state.visited.has(step) && blockedReason(state, steps[steps.length - 1]) !== undefined) break;
    steps.push(step);
  }
  if (state.visited.has('publish') && state.publishView.status !== 'idle') steps.push('publish');
  if (state.published) steps.push('run');
  if (!steps.includes(state.step)) steps.push(state.step);
  return WIZARD_STEPS.filter((s) => steps.includes(s));
}

/** Whether the chosen factory needs its system-assigned identity enabled (the `mi` option), and where that stands. */
export function factoryIdentityView(state: WizardState): FactoryIdentityView {
  const factory = chosenFactory(state.form, state.facts);
  if (state.form.authKind !== 'mi' || !factory || factory.identityPrincipalId) return { status: 'notNeeded' };
  const status =
    state.identityState === 'enabling' ? 'enabling' : state.identityState === 'failed' ? 'failed' : 'offer';
  return { status, factoryName: factory.name };
}

/** Whether the identity in use needs AzureML Data Scientist, and where a grant stands. */
export function roleGrantView(state: WizardState): RoleGrantView {
  const { endpoint, facts, form } = state;
  const base = { roleName: DATA_SCIENTIST, scope: endpoint.workspace.id };
  const principal = principalInUse(form, facts);
  if (!principal) return { ...base, status: 'unknown' };
  const view = { ...base, who: principal.who, principalId: principal.principalId };
  if (state.grantState === 'granting') return { ...view, status: 'granting' };
  if (facts.access?.principalId !== principal.principalId) return { ...view, status: 'checking' };
  const check = authChecks(form, facts, endpoint).find((c) => c.id === 'auth.workspaceRole');
  if (check?.status === 'pass')
    return { ...view, status: state.grantedPrincipals.has(principal.principalId) ? 'granted' : 'notNeeded' };
  return { ...view, status: state.grantState === 'failed' ? 'failed' : 'offer' };
}

function problemsOf(state: WizardState): FormProblems {
  const datastores = state.facts.datastores;
  return formProblems(state.form, {
    inputDatastores: inputDatastoreChoices(datastores ?? []),
    outputDatastores: outputDatastoreChoices(datastores ?? []),
    datastoresLoaded: datastores !== undefined,
  });
}

function checksOf(state: WizardState): StepChecks {
  const { endpoint, facts, form } = state;
  return {
    endpoint: endpointChecks(endpoint, facts, form),
    target: targetChecks(form, facts),
    auth: authChecks(form, facts, endpoint),
    data: dataChecks(form),
  };
}

function choiceView(choice: { name: string; type: string; isDefault: boolean; disabledReason?: string }): ChoiceView {
  return {
    name: choice.name,
    detail: choice.isDefault ? l10n.t('{0}, default', choice.type) : choice.type,
    ...(choice.disabledReason ? { disabledReason: choice.disabledReason } : {}),
    isDefault: choice.isDefault,
  };
}
