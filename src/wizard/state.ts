// Everything the wizard knows for one endpoint: what the user entered, what was read from Azure, and where each
// flow stands. The coordinator (controller.ts) owns one WizardState; the flows change it, view-model.ts reads it.
import type { PipelineDocument } from '../core/pipeline';
import type { FactoryInfo, RemotePipeline } from '../core/publish';
import type { ErrorView, PublishView, ReviewView, RunView, WizardForm, WizardStep } from './protocol';
import type { WizardFacts } from './checks';
import type { WizardEndpoint } from './endpoint';
import { initialForm } from './form';
import { LoadAborts } from './load-aborts';

export const DATA_SCIENTIST = 'AzureML Data Scientist';

export interface ReviewState {
  view: ReviewView;
  document: PipelineDocument | undefined;
  /** What the factory held at review time (its ETag is the publish's If-Match). */
  remote: RemotePipeline | undefined;
  /** The target the review was read for; a different target needs a new review. */
  targetKey: string;
  loaded: boolean;
}

export interface WizardState {
  readonly endpoint: WizardEndpoint;
  form: WizardForm;
  formRevision: number;
  step: WizardStep;
  readonly visited: Set<WizardStep>;
  readonly facts: WizardFacts;
  repositoryFolders: string[];
  review: ReviewState | undefined;
  publishView: PublishView;
  conflictRemote: RemotePipeline | undefined;
  readonly gitModeConfirmed: Set<string>;
  /** Folders the extension's folder picker returned: the wizard may write into them (see write-folder.ts). */
  readonly pickedFolders: Set<string>;
  published: { factory: FactoryInfo; document: PipelineDocument } | undefined;
  run: RunView;
  /** Stops following the current run. */
  runAbort: AbortController | undefined;
  /** Aborts the publish or role grant in progress (the Cancel button of Publishing... and Granting...). */
  operationAbort: AbortController | undefined;
  /** The background reads in flight (deployments, factories, the review read...): aborted when no longer wanted. */
  readonly loads: LoadAborts;
  grantState: 'granting' | 'failed' | undefined;
  /** Enabling the chosen factory's system-assigned identity. */
  identityState: 'enabling' | 'failed' | undefined;
  readonly grantedPrincipals: Set<string>;
  loadingFactories: boolean;
  readonly loadingAccess: Set<string>;
  busy: string | undefined;
  error: ErrorView | undefined;
  notice: string | undefined;
}

export function initialState(endpoint: WizardEndpoint): WizardState {
  return {
    endpoint,
    form: initialForm(endpoint),
    formRevision: 0,
    step: 'endpoint',
    visited: new Set<WizardStep>(['endpoint']),
    facts: {},
    repositoryFolders: [],
    review: undefined,
    publishView: { status: 'idle' },
    conflictRemote: undefined,
    gitModeConfirmed: new Set<string>(),
    pickedFolders: new Set<string>(),
    published: undefined,
    run: idleRun(),
    runAbort: undefined,
    operationAbort: undefined,
    loads: new LoadAborts(),
    grantState: undefined,
    identityState: undefined,
    grantedPrincipals: new Set<string>(),
    loadingFactories: false,
    loadingAccess: new Set<string>(),
    busy: undefined,
    error: undefined,
    notice: undefined,
  };
}

export function idleRun(): RunView {
  return { parameters: [], values: {}, status: 'idle', activities: [] };
}

/** Where the pipeline goes, as a key: a different key needs a new review. */
export function targetKey(form: WizardForm): string {
  return form.targetKind === 'factory'
    ? `factory:${form.factoryId.toLowerCase()}`
    : form.targetKind === 'repository'
      ? `repository:${form.repositoryFolder}`
      : `export:${form.exportFolder}`;
}

/** The role-assignment scope of a resource id, as the SDK wants it (no leading slash). */
export function sdkScopeOf(resourceId: string): string {
  return resourceId.replace(/^\/+/, '').replace(/\/+$/, '');
}
