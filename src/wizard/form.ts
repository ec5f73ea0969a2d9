// The wizard's form: its defaults for an endpoint, its per-field problems, and the generator options it gives.
import * as l10n from '@vscode/l10n';
import {
  DEFAULT_LOOP_TIMEOUT,
  DEFAULT_POLL_INTERVAL_SECONDS,
  authOptionsFromFields,
  timespanSeconds,
  validateBatchPipelineOptions,
  type AuthOptions,
  type BatchPipelineOptions,
} from '../core/pipeline';
import type { CloudDefinition } from '../core/clouds';
import {
  datastorePathProblem,
  datastoreUri,
  inputUriProblem,
  secretNameProblem,
  type DatastoreChoice,
} from '../core/preflight';
import type { FormField, FormPatch, WizardForm } from './protocol';
import type { WizardEndpoint } from './endpoint';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function initialForm(endpoint: WizardEndpoint): WizardForm {
  const pipelineName = `Run-${endpoint.name}`.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 140);
  return {
    deployment: '',
    targetKind: 'factory',
    factoryId: '',
    repositoryFolder: '',
    exportFolder: '',
    exportFormats: ['git', 'arm', 'zip'],
    authKind: 'mi',
    credentialName: '',
    keyVaultLinkedService: '',
    secretName: '',
    spTenantId: endpoint.workspace.tenantId,
    spClientId: '',
    inputMode: 'datastore',
    inputDatastore: '',
    inputPath: '',
    inputUri: '',
    inputType: 'UriFolder',
    outputMode: 'perRun',
    outputDatastore: '',
    outputPath: `batch/${pipelineName}`,
    pollIntervalSeconds: DEFAULT_POLL_INTERVAL_SECONDS,
    loopTimeout: DEFAULT_LOOP_TIMEOUT,
    pipelineName,
    folder: 'BatchEndpoints',
    description: '',
  };
}

export interface FormContext {
  inputDatastores: readonly DatastoreChoice[];
  outputDatastores: readonly DatastoreChoice[];
  datastoresLoaded: boolean;
}

export type FormProblems = Partial<Record<FormField, string>>;

/** Problems of the fields shown on each step. */
export const STEP_FIELDS: Readonly<Record<'target' | 'auth' | 'data' | 'review', readonly FormField[]>> = {
  target: ['factoryId', 'repositoryFolder', 'exportFolder', 'exportFormats'],
  auth: ['credentialName', 'keyVaultLinkedService', 'secretName', 'spTenantId', 'spClientId'],
  data: [
    'inputDatastore',
    'inputPath',
    'inputUri',
    'outputDatastore',
    'outputPath',
    'pollIntervalSeconds',
    'loopTimeout',
  ],
  review: ['pipelineName', 'folder', 'description'],
};

/** The form after a patch; `derived` when the patch changed more than it said (the webview must take the form over). */
export function patchedForm(before: WizardForm, patch: FormPatch): { form: WizardForm; derived: boolean } {
  const form: WizardForm = { ...before, ...patch };
  // The output path follows the pipeline name until the user changes it.
  if (
    patch.pipelineName !== undefined &&
    patch.outputPath === undefined &&
    before.outputPath === `batch/${before.pipelineName}`
  ) {
    return { form: { ...form, outputPath: `batch/${patch.pipelineName}` }, derived: true };
  }
  return { form, derived: false };
}

export function formProblems(form: WizardForm, context: FormContext): FormProblems {
  const problems: FormProblems = {};
  if (form.targetKind === 'factory' && !form.factoryId) problems.factoryId = l10n.t('Choose a Data Factory.');
  if (form.targetKind === 'repository' && !form.repositoryFolder.trim())
    problems.repositoryFolder = l10n.t('Choose the folder of your ADF git repository (the one holding pipeline/).');
  if (form.targetKind === 'export') {
    if (!form.exportFolder.trim()) problems.exportFolder = l10n.t('Choose a folder for the files.');
    if (form.exportFormats.length === 0) problems.exportFormats = l10n.t('Choose at least one format.');
  }
  switch (form.authKind) {
    case 'uami':
      if (!form.credentialName.trim())
        problems.credentialName = l10n.t('Choose the ADF credential of the user-assigned identity.');
      break;
    case 'sp-keyvault':
      if (!form.keyVaultLinkedService.trim())
        problems.keyVaultLinkedService = l10n.t('Choose the Key Vault linked service.');
      if (secretNameProblem(form.secretName)) problems.secretName = secretNameProblem(form.secretName);
      servicePrincipalProblems(form, problems);
      break;
    case 'sp-secret':
      servicePrincipalProblems(form, problems);
      break;
    case 'mi':
      break;
  }
  if (form.inputMode === 'datastore') {
    if (!form.inputDatastore)
      problems.inputDatastore = context.datastoresLoaded
        ? l10n.t('Choose the datastore of the input.')
        : l10n.t('Loading the datastores...');
    else if (
      context.datastoresLoaded &&
      context.inputDatastores.find((d) => d.name === form.inputDatastore)?.disabledReason
    )
      problems.inputDatastore = context.inputDatastores.find((d) => d.name === form.inputDatastore)?.disabledReason;
    const path = datastorePathProblem(form.inputPath, 'input');
    if (path) problems.inputPath = path;
  } else {
    const uri = inputUriProblem(form.inputUri);
    if (uri) problems.inputUri = uri;
  }
  const output = context.outputDatastores.find((d) => d.name === form.outputDatastore);
  if (!form.outputDatastore)
    problems.outputDatastore = context.datastoresLoaded
      ? l10n.t('Choose an Azure Blob datastore for the output.')
      : l10n.t('Loading the datastores...');
  else if (context.datastoresLoaded && !output)
    problems.outputDatastore = l10n.t('The workspace has no datastore named {0}.', form.outputDatastore);
  else if (output?.disabledReason) problems.outputDatastore = output.disabledReason;
  const outputPath = datastorePathProblem(
    form.outputPath,
    form.outputMode === 'perRun' ? 'output folder' : 'output file',
  );
  if (outputPath) problems.outputPath = outputPath;
  if (!Number.isInteger(form.pollIntervalSeconds) || form.pollIntervalSeconds < 1 || form.pollIntervalSeconds > 86400)
    problems.pollIntervalSeconds = l10n.t('A whole number of seconds from 1 to 86400.');
  const timeout = timespanSeconds(form.loopTimeout);
  if (timeout === undefined) problems.loopTimeout = l10n.t('An ADF timespan d.hh:mm:ss, e.g. 0.12:00:00 for 12 hours.');
  else if (timeout < 60 || timeout > 7 * 24 * 3600)
    problems.loopTimeout = l10n.t('Between 1 minute (0.00:01:00) and 7 days (7.00:00:00).');
  const nameProblem = pipelineNameProblem(form.pipelineName);
  if (nameProblem) problems.pipelineName = nameProblem;
  if (/[\\]/.test(form.folder)) problems.folder = l10n.t('Use "/" to nest folders, not "\\".');
  return problems;
}

/** Why ADF would refuse this pipeline name (it also names the files the wizard writes), or undefined. */
export function pipelineNameProblem(name: string): string | undefined {
  return validateBatchPipelineOptions({
    name,
    endpointUri: 'https://placeholder.invalid/jobs',
    auth: { kind: 'mi' },
  })[0];
}

function servicePrincipalProblems(form: WizardForm, problems: FormProblems): void {
  if (!form.spTenantId.trim()) problems.spTenantId = l10n.t('Enter the tenant ID of the service principal.');
  if (!GUID.test(form.spClientId.trim()))
    problems.spClientId = l10n.t('Enter the application (client) ID of the service principal, a GUID.');
}

export function inputUriOf(form: WizardForm): string {
  return form.inputMode === 'datastore'
    ? form.inputDatastore
      ? datastoreUri(form.inputDatastore, form.inputPath)
      : ''
    : form.inputUri.trim();
}

export function outputUriOf(form: WizardForm): string {
  return form.outputDatastore ? datastoreUri(form.outputDatastore, form.outputPath) : '';
}

/** How the output looks at run time ("…/<run id>/predictions.csv" for a per-run folder). */
export function outputPreview(form: WizardForm): string {
  const base = outputUriOf(form);
  if (!base) return '';
  return form.outputMode === 'perRun' ? `${base.replace(/\/+$/, '')}/<run id>/predictions.csv` : base;
}

export function authOptionsOf(form: WizardForm): AuthOptions {
  return authOptionsFromFields(form.authKind, {
    credentialName: form.credentialName,
    keyVaultLinkedService: form.keyVaultLinkedService,
    secretName: form.secretName,
    tenantId: form.spTenantId,
    clientId: form.spClientId,
  });
}

export function pipelineOptionsOf(
  form: WizardForm,
  endpoint: WizardEndpoint,
  cloud: CloudDefinition,
): BatchPipelineOptions {
  const output = outputUriOf(form);
  return {
    name: form.pipelineName,
    ...(form.folder.trim() ? { folder: form.folder.trim() } : {}),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    endpointUri: endpoint.scoringUri ?? '',
    ...(form.deployment ? { deploymentName: form.deployment } : {}),
    ...(inputUriOf(form) ? { inputUri: inputUriOf(form) } : {}),
    inputType: form.inputType,
    ...(form.outputMode === 'perRun' ? { outputFolder: output.replace(/\/+$/, '') } : { outputUri: output }),
    pollIntervalSeconds: form.pollIntervalSeconds,
    loopTimeout: form.loopTimeout,
    cloud,
    auth: authOptionsOf(form),
  };
}
