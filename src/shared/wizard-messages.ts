// The one contract between the Create ADF Pipeline wizard's extension side (src/wizard) and its webview
// (src/webview/wizard): the view state the extension pushes, the requests the webview sends, the replies, and a
// runtime validator for every webview->extension message (the webview is untrusted input: nothing is acted on
// before it passes). Modelled on vscode-pull-request-github's request/reply messages with ids.
//
// No secret ever travels in these messages: SecureString run parameters are asked by the extension in a password
// input box, Key Vault secrets are named, never read.

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
export const EXPORT_FORMATS = ['git', 'arm', 'zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const WIZARD_AUTH_KINDS = ['mi', 'uami', 'sp-keyvault', 'sp-secret'] as const;
export type WizardAuthKind = (typeof WIZARD_AUTH_KINDS)[number];
export const INPUT_MODES = ['datastore', 'uri'] as const;
export type InputMode = (typeof INPUT_MODES)[number];
export const INPUT_TYPES = ['UriFolder', 'UriFile'] as const;
export type InputType = (typeof INPUT_TYPES)[number];
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
  chooseFolder: { purpose: 'repository' | 'export' };
  publish: Record<string, never>;
  confirmGitMode: { choice: 'publishLive' | 'saveToRepository' };
  resolveConflict: { choice: 'overwrite' | 'backToReview' };
  openDiff: Record<string, never>;
  openLink: { link: 'adfStudio' | 'portal' | 'job' | 'endpoint' };
  runNow: { values: Record<string, string> };
  cancelRun: Record<string, never>;
  retry: Record<string, never>;
  dismissError: Record<string, never>;
  signIn: Record<string, never>;
  cspViolation: { directive: string; blockedUri: string };
}

export type RequestMethod = keyof RequestParams;

export type WebviewRequest = { [M in RequestMethod]: { type: 'request'; id: number; method: M; params: RequestParams[M] } }[RequestMethod];

// Extension -> webview

export interface ReplyMessage {
  type: 'reply';
  id: number;
  ok: boolean;
  error?: string;
}

export interface StateMessage {
  type: 'state';
  state: WizardViewState;
}

export type ExtensionMessage = ReplyMessage | StateMessage;

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

// ---------------------------------------------------------------------------------------------------------
// Validation of webview -> extension messages

export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

type Check<T> = (value: unknown, path: string) => T;

class InvalidMessage extends Error {}

const MAX_TEXT = 4096;

const text = (max = MAX_TEXT): Check<string> => (value, path) => {
  if (typeof value !== 'string') throw new InvalidMessage(`${path} must be a string`);
  if (value.length > max) throw new InvalidMessage(`${path} is longer than ${max} characters`);
  return value;
};

const oneOf = <T extends string>(values: readonly T[]): Check<T> => (value, path) => {
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) throw new InvalidMessage(`${path} must be one of ${values.join(', ')}`);
  return value as T;
};

const integer = (min: number, max: number): Check<number> => (value, path) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new InvalidMessage(`${path} must be a whole number from ${min} to ${max}`);
  return value;
};

const listOf = <T>(item: Check<T>, maxItems: number): Check<T[]> => (value, path) => {
  if (!Array.isArray(value)) throw new InvalidMessage(`${path} must be an array`);
  if (value.length > maxItems) throw new InvalidMessage(`${path} has more than ${maxItems} items`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
};

function plainObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidMessage(`${path} must be an object`);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new InvalidMessage(`${path} must be a plain object`);
  return value as Record<string, unknown>;
}

/** An object with exactly these keys (each required), nothing else. */
const shape = <T>(fields: { [K in keyof T]: Check<T[K]> }): Check<T> => (value, path) => {
  const object = plainObject(value, path);
  const allowed = Object.keys(fields);
  const extra = Object.keys(object).filter((k) => !allowed.includes(k));
  if (extra.length > 0) throw new InvalidMessage(`${path} has unknown field ${extra[0]}`);
  const result = {} as T;
  for (const key of allowed as Array<keyof T & string>) {
    if (!(key in object)) throw new InvalidMessage(`${path}.${key} is missing`);
    result[key] = fields[key](object[key], `${path}.${key}`);
  }
  return result;
};

const empty: Check<Record<string, never>> = (value, path) => {
  if (value === undefined) return {};
  const object = plainObject(value, path);
  if (Object.keys(object).length > 0) throw new InvalidMessage(`${path} must be empty`);
  return {};
};

const stringRecord = (maxEntries: number): Check<Record<string, string>> => (value, path) => {
  const object = plainObject(value, path);
  const entries = Object.entries(object);
  if (entries.length > maxEntries) throw new InvalidMessage(`${path} has more than ${maxEntries} entries`);
  const result: Record<string, string> = {};
  for (const [key, v] of entries) {
    if (key.length > 140 || key === '__proto__') throw new InvalidMessage(`${path} has an invalid key`);
    result[key] = text()(v, `${path}.${key}`);
  }
  return result;
};

/** One validator per form field: the patch may hold any subset of them, nothing else. */
const FORM_FIELDS: { [K in FormField]: Check<WizardForm[K]> } = {
  deployment: text(260),
  targetKind: oneOf(TARGET_KINDS),
  factoryId: text(1024),
  repositoryFolder: text(),
  exportFolder: text(),
  exportFormats: listOf(oneOf(EXPORT_FORMATS), EXPORT_FORMATS.length),
  authKind: oneOf(WIZARD_AUTH_KINDS),
  credentialName: text(260),
  keyVaultLinkedService: text(260),
  secretName: text(260),
  spTenantId: text(260),
  spClientId: text(260),
  inputMode: oneOf(INPUT_MODES),
  inputDatastore: text(260),
  inputPath: text(1024),
  inputUri: text(2048),
  inputType: oneOf(INPUT_TYPES),
  outputMode: oneOf(OUTPUT_MODES),
  outputDatastore: text(260),
  outputPath: text(1024),
  pollIntervalSeconds: integer(1, 86400),
  loopTimeout: text(32),
  pipelineName: text(260),
  folder: text(1024),
  description: text(),
};

const formPatch: Check<FormPatch> = (value, path) => {
  const object = plainObject(value, path);
  const patch: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(object)) {
    const check = (FORM_FIELDS as Record<string, Check<unknown> | undefined>)[key];
    if (!check || !Object.prototype.hasOwnProperty.call(FORM_FIELDS, key)) throw new InvalidMessage(`${path} has unknown field ${key}`);
    patch[key] = check(v, `${path}.${key}`);
  }
  return patch as FormPatch;
};

const PARAMS: { [M in RequestMethod]: Check<RequestParams[M]> } = {
  ready: empty,
  updateForm: shape<RequestParams['updateForm']>({ patch: formPatch }),
  goTo: shape<RequestParams['goTo']>({ step: oneOf(WIZARD_STEPS) }),
  next: empty,
  back: empty,
  reload: shape<RequestParams['reload']>({ what: oneOf(['endpoint', 'factories', 'checks', 'datastores'] as const) }),
  grantRole: empty,
  chooseFolder: shape<RequestParams['chooseFolder']>({ purpose: oneOf(['repository', 'export'] as const) }),
  publish: empty,
  confirmGitMode: shape<RequestParams['confirmGitMode']>({ choice: oneOf(['publishLive', 'saveToRepository'] as const) }),
  resolveConflict: shape<RequestParams['resolveConflict']>({ choice: oneOf(['overwrite', 'backToReview'] as const) }),
  openDiff: empty,
  openLink: shape<RequestParams['openLink']>({ link: oneOf(['adfStudio', 'portal', 'job', 'endpoint'] as const) }),
  runNow: shape<RequestParams['runNow']>({ values: stringRecord(50) }),
  cancelRun: empty,
  retry: empty,
  dismissError: empty,
  signIn: empty,
  cspViolation: shape<RequestParams['cspViolation']>({ directive: text(256), blockedUri: text(1024) }),
};

export const REQUEST_METHODS: readonly RequestMethod[] = Object.keys(PARAMS) as RequestMethod[];

/** Validates a message from the webview; the extension acts only on `ok` results. Never throws. */
export function validateWebviewMessage(message: unknown): Validation<WebviewRequest> {
  try {
    const object = plainObject(message, 'message');
    if (object.type !== 'request') throw new InvalidMessage('message.type must be "request"');
    const id = integer(0, Number.MAX_SAFE_INTEGER)(object.id, 'message.id');
    const method = oneOf(REQUEST_METHODS)(object.method, 'message.method');
    const extra = Object.keys(object).filter((k) => !['type', 'id', 'method', 'params'].includes(k));
    if (extra.length > 0) throw new InvalidMessage(`message has unknown field ${extra[0]}`);
    const params = (PARAMS[method] as Check<unknown>)(object.params, 'message.params');
    return { ok: true, value: { type: 'request', id, method, params } as WebviewRequest };
  } catch (error) {
    if (error instanceof InvalidMessage) return { ok: false, error: error.message };
    return { ok: false, error: `message could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The id of a message that failed validation, when it has a usable one (to send the error reply). */
export function messageIdOf(message: unknown): number | undefined {
  const id = (message as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : undefined;
}

/** Validates a message from the extension (the webview's side of the contract). */
export function isExtensionMessage(message: unknown): message is ExtensionMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as { type?: unknown; id?: unknown; ok?: unknown; state?: unknown };
  if (m.type === 'reply') return typeof m.id === 'number' && typeof m.ok === 'boolean';
  if (m.type === 'state') return typeof m.state === 'object' && m.state !== null;
  return false;
}
