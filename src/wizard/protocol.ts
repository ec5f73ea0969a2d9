// The contract between the Create ADF Pipeline wizard's extension side (src/wizard) and its webview
// (src/webview/wizard): the view state the extension pushes and the requests the webview sends, in the generic
// envelope of src/webview-host/protocol.ts. The runtime checks of every request are in protocol-checks.ts.
//
// No secret ever travels in these messages: SecureString run parameters are asked by the extension in a password
// input box, Key Vault secrets are named, never read.

import type { HostMessage, ReplyMessage, RequestOf } from '../webview-host/protocol';
import {
  AUTH_KIND_TABLE,
  AUTH_KINDS,
  EXPORT_FORMATS,
  JOB_INPUT_TYPES,
  type AuthKind,
  type AuthKindDescriptor,
  type ExportFormat,
  type JobInputType,
} from '../core/pipeline';

export const WIZARD_STEPS = ['endpoint', 'target', 'auth', 'data', 'review', 'publish', 'run'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const STEP_TITLES: Readonly<Record<WizardStep, string>> = {
  endpoint: 'Endpoint',
  target: 'Target',
  auth: 'Authentication',
  data: 'Data',
  review: 'Review',
  publish: 'Publish',
  run: 'Run and monitor',
};

export const TARGET_KINDS = ['factory', 'repository', 'export'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export { EXPORT_FORMATS, type ExportFormat };
export const WIZARD_AUTH_KINDS: readonly AuthKind[] = AUTH_KINDS;
export type WizardAuthKind = AuthKind;
/** The authentication choices and their labels, from the one table in core/pipeline. */
export const WIZARD_AUTH_CHOICES: readonly AuthKindDescriptor[] = AUTH_KIND_TABLE;
export const INPUT_MODES = ['datastore', 'uri'] as const;
export type InputMode = (typeof INPUT_MODES)[number];
export const INPUT_TYPES: readonly JobInputType[] = JOB_INPUT_TYPES;
export type InputType = JobInputType;
export const OUTPUT_MODES = ['perRun', 'fixed'] as const;
export type OutputMode = (typeof OUTPUT_MODES)[number];

/** Everything the user enters. Never a secret. */
export interface WizardForm {
  /** '' runs the endpoint's default deployment. */
  deployment: string;
  targetKind: TargetKind;
  /** ARM id of the chosen Data Factory. */
  factoryId: string;
  /** Folder of an ADF git-integration repository (the one holding pipeline/). */
  repositoryFolder: string;
  exportFolder: string;
  exportFormats: ExportFormat[];
  authKind: WizardAuthKind;
  credentialName: string;
  keyVaultLinkedService: string;
  /** The NAME of the Key Vault secret, not its value. */
  secretName: string;
  spTenantId: string;
  spClientId: string;
  inputMode: InputMode;
  inputDatastore: string;
  inputPath: string;
  inputUri: string;
  inputType: InputType;
  outputMode: OutputMode;
  outputDatastore: string;
  outputPath: string;
  pollIntervalSeconds: number;
  loopTimeout: string;
  pipelineName: string;
  folder: string;
  description: string;
}

export type FormField = keyof WizardForm;
export type FormPatch = Partial<WizardForm>;

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'info';

export interface CheckView {
  id: string;
  status: CheckStatus;
  title: string;
  message: string;
  action?: string;
  blocking: boolean;
}

export interface EndpointView {
  name: string;
  id: string;
  workspaceName: string;
  workspaceId: string;
  subscriptionId: string;
  resourceGroup: string;
  scoringUri?: string;
  authMode?: string;
  defaultDeployment?: string;
  deployments: Array<{ name: string; provisioningState?: string }>;
  deploymentsLoaded: boolean;
}

export interface FactoryView {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  /** "system-assigned (principal ...)" or "none". */
  identity: string;
  hasIdentity: boolean;
  /** "live mode (no git)" or "git: GitHub ...". */
  gitMode: string;
  inGitMode: boolean;
}

export interface ChoiceView {
  name: string;
  detail?: string;
  disabledReason?: string;
  isDefault?: boolean;
}

export type RoleGrantStatus = 'notNeeded' | 'unknown' | 'checking' | 'offer' | 'granting' | 'granted' | 'failed';

/** The "Enable managed identity" action, for a factory without a system-assigned identity and the `mi` option. */
export interface FactoryIdentityView {
  status: 'notNeeded' | 'offer' | 'enabling' | 'failed';
  factoryName?: string;
}

export interface RoleGrantView {
  status: RoleGrantStatus;
  /** Who would get the role ("the factory's managed identity", "identity uami-batch"). */
  who?: string;
  principalId?: string;
  /** The workspace's ARM id: the scope the role is granted at. */
  scope?: string;
  roleName: string;
}

export interface DiffLineView {
  kind: 'context' | 'added' | 'removed';
  text: string;
}

export interface DiffView {
  title: string;
  identical: boolean;
  added: number;
  removed: number;
  hunks: Array<{ header: string; lines: DiffLineView[] }>;
}

export interface DiagramActivity {
  name: string;
  type: string;
  /** Names of the activities it waits for, with the condition when not Succeeded. */
  dependsOn: string[];
  /** Inner activities of containers (Until, IfCondition's branches). */
  children?: Array<{ label: string; activities: DiagramActivity[] }>;
}

export interface ProblemView {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  line: number;
  column: number;
}

export interface ReviewView {
  /** Where it goes ("Data Factory adf-mi (live mode)", "pipeline/X.json in /repo", "files in /out"). */
  destination: string;
  json: string;
  diagram: DiagramActivity[];
  problems: ProblemView[];
  errors: number;
  warnings: number;
  /** A pipeline (or file) of that name exists: publishing replaces it. */
  exists: boolean;
  /** Its ETag, when read from a factory. */
  etag?: string;
  diff?: DiffView;
  /** Why the generator refused the options (then json is empty). */
  optionProblems: string[];
}

export type PublishStatus = 'idle' | 'confirmGitMode' | 'publishing' | 'conflict' | 'done';

export interface PublishView {
  status: PublishStatus;
  /** The git-mode warning to confirm before publishing to the live factory. */
  gitModeWarning?: string;
  conflict?: { reason: string; diff?: DiffView };
  result?: {
    message: string;
    /** Files written (repository folder or export). */
    files?: string[];
    adfStudioUrl?: string;
    /** The factory in the Azure portal, for clouds without a known ADF Studio (custom clouds). */
    portalUrl?: string;
    canRun: boolean;
  };
}

export interface RunParameterView {
  name: string;
  type: string;
  /** The default as text ('' when none). */
  defaultValue: string;
  /** SecureString: asked in a password box when the run starts, never shown or kept. */
  secure: boolean;
  required: boolean;
}

export interface ActivityRowView {
  name: string;
  type: string;
  status: string;
  runs: number;
  durationMs?: number;
  error?: string;
}

export interface RunView {
  parameters: RunParameterView[];
  /** Values the user typed (non-secure parameters only). */
  values: Record<string, string>;
  status: 'idle' | 'starting' | 'running' | 'cancelling' | 'ended';
  runId?: string;
  pipelineStatus?: string;
  message?: string;
  activities: ActivityRowView[];
  job?: { name: string; status?: string; error?: string; studioUrl?: string };
  startedAt?: string;
  endedAt?: string;
}

export interface ErrorView {
  step: WizardStep;
  title: string;
  message: string;
  action: string;
  statusCode?: number;
  canRetry: boolean;
  canSignIn: boolean;
}

export interface WizardViewState {
  step: WizardStep;
  /** Steps the user can go to now (visited, or next when the current one is complete). */
  reachable: WizardStep[];
  /** Bumped when the extension itself changes the form, so the webview takes the form over its own copy. */
  formRevision: number;
  form: WizardForm;
  /** Per-field problems of the current values. */
  formProblems: Partial<Record<FormField, string>>;
  endpoint: EndpointView;
  checks: { endpoint: CheckView[]; target: CheckView[]; auth: CheckView[]; data: CheckView[] };
  target: {
    factories: FactoryView[] | undefined;
    factoriesLoading: boolean;
    repositoryFolders: string[];
  };
  auth: {
    keyVaultLinkedServices: ChoiceView[];
    credentials: ChoiceView[];
    factoryFactsLoaded: boolean;
    factoryIdentity: FactoryIdentityView;
    roleGrant: RoleGrantView;
  };
  data: {
    inputDatastores: ChoiceView[];
    outputDatastores: ChoiceView[];
    datastoresLoaded: boolean;
    /** The input and output as they will be sent (azureml:// URIs). */
    inputPreview: string;
    outputPreview: string;
  };
  review: ReviewView | undefined;
  publish: PublishView;
  run: RunView;
  /** Can Next be pressed on the current step. */
  canContinue: boolean;
  /** Why not (shown next to the Next button). */
  blockedReason?: string;
  busy?: string;
  error?: ErrorView;
  notice?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Webview -> extension

export interface RequestParams {
  ready: Record<string, never>;
  updateForm: { patch: FormPatch };
  goTo: { step: WizardStep };
  next: Record<string, never>;
  back: Record<string, never>;
  reload: { what: 'endpoint' | 'factories' | 'checks' | 'datastores' };
  grantRole: Record<string, never>;
  createKeyVaultLinkedService: Record<string, never>;
  enableIdentity: Record<string, never>;
  chooseFolder: { purpose: 'repository' | 'export' };
  publish: Record<string, never>;
  confirmGitMode: { choice: 'publishLive' | 'saveToRepository' };
  resolveConflict: { choice: 'overwrite' | 'backToReview' };
  openDiff: Record<string, never>;
  openLink: { link: 'adfStudio' | 'portal' | 'job' | 'endpoint' };
  runNow: { values: Record<string, string> };
  cancelRun: Record<string, never>;
  /** Stops the publish or the role grant in progress (its Azure request is aborted). */
  cancelOperation: Record<string, never>;
  retry: Record<string, never>;
  dismissError: Record<string, never>;
  signIn: Record<string, never>;
  cspViolation: { directive: string; blockedUri: string };
}

export type RequestMethod = keyof RequestParams;

export type WebviewRequest = RequestOf<RequestParams>;

// Extension -> webview

export type { ReplyMessage };
export type ExtensionMessage = HostMessage<WizardViewState>;

/** What the webview keeps with setState (restored after a reload): the step and the form, no secret. */
export interface PersistedWebviewState {
  step: WizardStep;
  formRevision: number;
  form: WizardForm;
  runValues: Record<string, string>;
}

export function persistedWebviewState(state: WizardViewState): PersistedWebviewState {
  return { step: state.step, formRevision: state.formRevision, form: state.form, runValues: state.run.values };
}
