// What a user chooses when generating the batch endpoint pipeline, the defaults, and the checks that turn
// bad choices into clear messages before anything is generated.
import * as l10n from '@vscode/l10n';
import { CloudDefinition, CloudName, isCloudName } from '../clouds';
import { AUTH_KINDS, authKindDescriptor, type AuthField, type AuthKind } from './auth-kinds';

export type JobInputType = 'UriFolder' | 'UriFile';
export const JOB_INPUT_TYPES: readonly JobInputType[] = ['UriFolder', 'UriFile'];

export type AuthOptions =
  /** The factory's system-assigned managed identity. */
  | { kind: 'mi' }
  /** A user-assigned managed identity, through an ADF credential of that name. */
  | { kind: 'uami'; credentialName: string }
  /** A service principal through the Web activity's own authentication, secret in Azure Key Vault. */
  | { kind: 'sp-keyvault'; keyVaultLinkedService: string; secretName: string; tenantId?: string; clientId?: string }
  /** A service principal with an Authorize step, like the documented template (secret as SecureString parameter). */
  | { kind: 'sp-secret'; tenantId?: string; clientId?: string };

export interface BatchPipelineOptions {
  /** Pipeline name; default `Run-BatchEndpoint`. */
  name?: string;
  folder?: string;
  description?: string;
  /** Scoring URI of the batch endpoint: the default of the `endpoint_uri` parameter. */
  endpointUri: string;
  /** Targets a non-default deployment (header `azureml-model-deployment`). */
  deploymentName?: string;
  /** Default of `endpoint_input_uri`; without it the parameter must be given at run time. */
  inputUri?: string;
  /** Default UriFolder. */
  inputType?: JobInputType;
  /**
   * A fixed output file. Leave it out (recommended): each run then writes to its own file under
   * `outputFolder`, so reruns never fail with "the path already exists".
   */
  outputUri?: string;
  /** Base folder of the per-run output; default `azureml://datastores/workspaceblobstore/paths/batch/<name>`. */
  outputFolder?: string;
  /** Name of the input in the job body; default `input_data`. */
  inputName?: string;
  /** Name of the output in the job body; default `score`. */
  outputName?: string;
  /** Default of the Int parameter `poll_interval`, in seconds; default 120. */
  pollIntervalSeconds?: number;
  /** Timeout of the polling loop, ADF timespan `d.hh:mm:ss`; default `0.12:00:00`. */
  loopTimeout?: string;
  /** Default AzureCloud. */
  cloud?: CloudName | CloudDefinition;
  auth: AuthOptions;
}

export const DEFAULT_PIPELINE_NAME = 'Run-BatchEndpoint';
export const DEFAULT_POLL_INTERVAL_SECONDS = 120;
export const DEFAULT_LOOP_TIMEOUT = '0.12:00:00';
export const DEFAULT_INPUT_NAME = 'input_data';
export const DEFAULT_OUTPUT_NAME = 'score';
export const DEFAULT_OUTPUT_FILE = 'predictions.csv';

/** Thrown by generateBatchPipeline() when options are invalid; `problems` are user-facing messages. */
export class BatchPipelineOptionsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid pipeline options:\n- ${problems.join('\n- ')}`);
    this.name = 'BatchPipelineOptionsError';
  }
}

// ADF names: start with a letter, none of . + ? / < > * % & : \ (reference section 7); 140 characters at most.
const ILLEGAL_NAME_CHARACTERS = /[.+?/<>*%&:\\]/;
const TIMESPAN = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})$/;
const MAX_LOOP_TIMEOUT_SECONDS = 7 * 24 * 3600;
const BODY_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Every problem with the options, as messages fit to show a user; empty when the options are usable. */
export function validateBatchPipelineOptions(options: BatchPipelineOptions): string[] {
  const problems: string[] = [];
  if (typeof options !== 'object' || options === null) return [l10n.t('Options are required.')];
  const name = options.name ?? DEFAULT_PIPELINE_NAME;
  if (typeof name !== 'string' || name.trim() === '') problems.push(l10n.t('The pipeline name must not be empty.'));
  else if (!/^[A-Za-z]/.test(name)) problems.push(l10n.t('The pipeline name "{0}" must start with a letter.', name));
  else if (ILLEGAL_NAME_CHARACTERS.test(name))
    problems.push(
      l10n.t('The pipeline name "{0}" contains a character ADF does not allow (. + ? / < > * % & : \\).', name),
    );
  else if (name.length > 140) problems.push(l10n.t('The pipeline name must be at most 140 characters.'));

  const endpointProblem = endpointUriProblem(l10n.t('The endpoint URI'), options.endpointUri);
  if (endpointProblem) problems.push(endpointProblem);
  checkOptionalText(problems, options.folder, () => l10n.t('The folder must not be empty when given.'));
  checkOptionalText(problems, options.deploymentName, () =>
    l10n.t('The deployment name must not be empty when given.'),
  );
  checkOptionalText(problems, options.inputUri, () => l10n.t('The input URI must not be empty when given.'));
  if (options.inputType !== undefined && !JOB_INPUT_TYPES.includes(options.inputType)) {
    problems.push(l10n.t('The input type must be UriFolder or UriFile, not "{0}".', String(options.inputType)));
  }
  if (options.outputUri !== undefined) {
    if (!isDatastoreUri(options.outputUri))
      problems.push(
        l10n.t(
          'The output URI must be a file on a registered datastore (azureml://datastores/<name>/paths/...), not "{0}".',
          String(options.outputUri),
        ),
      );
    else if (options.outputUri.endsWith('/'))
      problems.push(l10n.t('The output URI must name a file, not a folder (it ends with "/").'));
  }
  if (options.outputFolder !== undefined && !isDatastoreUri(options.outputFolder)) {
    problems.push(
      l10n.t(
        'The output folder must be on a registered datastore (azureml://datastores/<name>/paths/...), not "{0}".',
        String(options.outputFolder),
      ),
    );
  }
  const badKey = (value: unknown): boolean =>
    value !== undefined && (typeof value !== 'string' || !BODY_KEY.test(value));
  if (badKey(options.inputName))
    problems.push(
      l10n.t(
        'The input name "{0}" must be letters, digits, "_" or "-", starting with a letter.',
        String(options.inputName),
      ),
    );
  if (badKey(options.outputName))
    problems.push(
      l10n.t(
        'The output name "{0}" must be letters, digits, "_" or "-", starting with a letter.',
        String(options.outputName),
      ),
    );
  const poll = options.pollIntervalSeconds;
  if (poll !== undefined && (!Number.isInteger(poll) || poll < 1 || poll > 86400)) {
    problems.push(
      l10n.t('The poll interval must be a whole number of seconds between 1 and 86400, not {0}.', String(poll)),
    );
  }
  if (options.loopTimeout !== undefined) {
    const seconds = timespanSeconds(options.loopTimeout);
    if (seconds === undefined)
      problems.push(
        l10n.t(
          'The loop timeout must be an ADF timespan like 0.12:00:00 (d.hh:mm:ss), not "{0}".',
          String(options.loopTimeout),
        ),
      );
    else if (seconds < 60 || seconds > MAX_LOOP_TIMEOUT_SECONDS)
      problems.push(l10n.t('The loop timeout must be between 1 minute and 7 days.'));
  }
  if (options.cloud !== undefined && typeof options.cloud === 'string' && !isCloudName(options.cloud)) {
    problems.push(l10n.t('Unknown cloud "{0}": use AzureCloud, AzureChinaCloud or AzureUSGovernment.', options.cloud));
  }
  problems.push(...validateAuth(options.auth));
  return problems;
}

function validateAuth(auth: AuthOptions | undefined): string[] {
  if (typeof auth !== 'object' || auth === null || !AUTH_KINDS.includes(auth.kind)) {
    return [l10n.t('The authentication must be one of {0}.', AUTH_KINDS.join(', '))];
  }
  const problems: string[] = [];
  const servicePrincipalIds = (tenantId: unknown, clientId: unknown): void => {
    checkOptionalText(problems, tenantId, () => l10n.t('The tenant id must not be empty when given.'));
    checkOptionalText(problems, clientId, () => l10n.t('The client id must not be empty when given.'));
  };
  switch (auth.kind) {
    case 'mi':
      break;
    case 'uami':
      checkRequiredText(problems, auth.credentialName, () =>
        l10n.t('The ADF credential name (user-assigned managed identity) is required.'),
      );
      break;
    case 'sp-keyvault':
      checkRequiredText(problems, auth.keyVaultLinkedService, () =>
        l10n.t('The Key Vault linked service name is required.'),
      );
      checkRequiredText(problems, auth.secretName, () => l10n.t('The Key Vault secret name is required.'));
      servicePrincipalIds(auth.tenantId, auth.clientId);
      break;
    case 'sp-secret':
      servicePrincipalIds(auth.tenantId, auth.clientId);
      break;
  }
  return problems;
}

/** Longest endpoint URI accepted (the common limit of browsers, proxies and ARM). */
export const MAX_ENDPOINT_URI_LENGTH = 2048;

/**
 * What is wrong with an endpoint URI, phrased after its label ("The endpoint URI" or "--endpoint-uri"), or
 * undefined when it is usable. The pipeline sends an Entra ID bearer token to it: https only.
 */
export function endpointUriProblem(label: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return l10n.t('{0} is required.', label);
  if (value.length > MAX_ENDPOINT_URI_LENGTH)
    return l10n.t(
      '{0} is {1} characters long; at most {2} are allowed.',
      label,
      String(value.length),
      String(MAX_ENDPOINT_URI_LENGTH),
    );
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value))
    return l10n.t(
      '{0} contains a control character (a line break, tab or similar); paste the scoring URI again.',
      label,
    );
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return l10n.t('{0} is not a valid URL: "{1}".', label, value);
  }
  if (url.protocol !== 'https:')
    return l10n.t('{0} must be an https URL (the pipeline sends an Entra ID token to it), not "{1}".', label, value);
  return undefined;
}

/** `message` is a function so that a message is only looked up when there is a problem. */
function checkRequiredText(problems: string[], value: unknown, message: () => string): void {
  if (typeof value !== 'string' || value.trim() === '') problems.push(message());
}

function checkOptionalText(problems: string[], value: unknown, message: () => string): void {
  if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) problems.push(message());
}

function isDatastoreUri(value: unknown): value is string {
  return typeof value === 'string' && /^azureml:\/\/datastores\/[^/]+\/paths\/.+/.test(value);
}

/** Seconds in an ADF timespan `d.hh:mm:ss` (day part optional), or undefined when it is not one. */
export function timespanSeconds(value: string): number | undefined {
  const match = typeof value === 'string' ? TIMESPAN.exec(value) : null;
  if (!match) return undefined;
  const [days, hours, minutes, seconds] = [match[1] ?? '0', match[2], match[3], match[4]].map(Number);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return ((days * 24 + hours) * 60 + minutes) * 60 + seconds;
}

/** Required fields of the kind that are missing or blank in flat values. */
export function missingAuthFields(kind: AuthKind, values: Partial<Record<AuthField, string>>): AuthField[] {
  return authKindDescriptor(kind).required.filter((field) => !values[field]?.trim());
}

/**
 * Authentication options from flat values (a form, command-line flags): the kind's fields only, trimmed; blank
 * optional values are left out, blank required ones kept as '' for the options' validation to report.
 */
export function authOptionsFromFields(kind: AuthKind, values: Partial<Record<AuthField, string>>): AuthOptions {
  const descriptor = authKindDescriptor(kind);
  const options: Record<string, string> = { kind };
  for (const field of descriptor.required) options[field] = values[field]?.trim() ?? '';
  for (const field of descriptor.optional) {
    const value = values[field]?.trim();
    if (value) options[field] = value;
  }
  return options as unknown as AuthOptions;
}
