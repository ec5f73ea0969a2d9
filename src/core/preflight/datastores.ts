// The Data step: which datastores may hold the input and the output, and the azureml:// URIs built from them.
// Batch endpoints read inputs from Blob or ADLS Gen2 datastores and write outputs to Blob datastores only.
import * as l10n from '@vscode/l10n';

export interface DatastoreFacts {
  name: string;
  /** AzureBlob, AzureDataLakeGen2, AzureFile, AzureDataLakeGen1, OneLake, ... */
  type: string;
  isDefault?: boolean;
}

export interface DatastoreChoice {
  name: string;
  type: string;
  isDefault: boolean;
  /** Why it cannot be chosen; undefined when it can. */
  disabledReason?: string;
}

const INPUT_TYPES = ['azureblob', 'azuredatalakegen2'];

export function inputDatastoreChoices(datastores: readonly DatastoreFacts[]): DatastoreChoice[] {
  return sortDefaultFirst(datastores).map((d) =>
    choice(
      d,
      INPUT_TYPES.includes(d.type.toLowerCase())
        ? undefined
        : l10n.t('Batch endpoints read inputs from Azure Blob or ADLS Gen2 datastores, not {0}.', d.type),
    ),
  );
}

export function outputDatastoreChoices(datastores: readonly DatastoreFacts[]): DatastoreChoice[] {
  return sortDefaultFirst(datastores).map((d) =>
    choice(
      d,
      d.type.toLowerCase() === 'azureblob'
        ? undefined
        : d.type.toLowerCase() === 'azuredatalakegen2'
          ? l10n.t('ADLS Gen2 datastores are not supported for batch endpoint outputs: choose an Azure Blob datastore.')
          : l10n.t('Batch endpoint outputs go to Azure Blob datastores only, not {0}.', d.type),
    ),
  );
}

/** `azureml://datastores/<name>/paths/<path>`; leading slashes of the path are dropped. */
export function datastoreUri(datastore: string, path: string): string {
  return `azureml://datastores/${datastore.trim()}/paths/${path.trim().replace(/^\/+/, '')}`;
}

/** The datastore and path of an `azureml://datastores/<name>/paths/<path>` URI, or undefined. */
export function parseDatastoreUri(uri: string): { datastore: string; path: string } | undefined {
  const match = /^azureml:\/\/datastores\/([^/]+)\/paths\/(.*)$/.exec(uri.trim());
  return match ? { datastore: match[1], path: match[2] } : undefined;
}

/** A message when a datastore path is unusable, else undefined. */
export function datastorePathProblem(
  path: string,
  kind: 'input' | 'output folder' | 'output file',
): string | undefined {
  const trimmed = path.trim().replace(/^\/+/, '');
  if (!trimmed) return l10n.t('Enter the {0} path inside the datastore.', pathKindLabel(kind));
  if (trimmed.split('/').some((segment) => segment === '..' || segment === '.'))
    return l10n.t('The {0} path must not contain "." or ".." segments.', pathKindLabel(kind));
  if (/[\\?#]/.test(trimmed)) return l10n.t('The {0} path must not contain \\, ? or #.', pathKindLabel(kind));
  if (kind === 'output file' && trimmed.endsWith('/'))
    return l10n.t('The output must be a file, not a folder (it ends with "/").');
  return undefined;
}

function pathKindLabel(kind: 'input' | 'output folder' | 'output file'): string {
  return kind === 'input'
    ? l10n.t('input')
    : kind === 'output folder'
      ? l10n.t('output folder')
      : l10n.t('output file');
}

/**
 * A message when a storage URI cannot be a batch input, else undefined. Accepted: azureml:// datastore URIs,
 * https Blob / ADLS Gen2 URLs, and abfss:// / wasbs:// URIs.
 */
export function inputUriProblem(uri: string): string | undefined {
  const value = uri.trim();
  if (!value) return l10n.t('Enter the input URI.');
  if (value.startsWith('azureml://')) {
    return parseDatastoreUri(value)
      ? undefined
      : l10n.t('An azureml:// input must look like azureml://datastores/<datastore>/paths/<path>.');
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return l10n.t('Not a URI: {0}', value);
  }
  if (!['https:', 'abfss:', 'wasbs:'].includes(url.protocol))
    return l10n.t('Use an azureml://, https://, abfss:// or wasbs:// URI.');
  if (url.protocol === 'https:' && !/\.(blob|dfs)\.core\./i.test(url.hostname)) {
    return l10n.t(
      'An https input must be an Azure Blob or ADLS Gen2 URL (<account>.blob.core... or <account>.dfs.core...).',
    );
  }
  return undefined;
}

/** A gentle hint when the input type and the path disagree (a folder type on a path that looks like a file). */
export function inputTypeHint(uriOrPath: string, inputType: 'UriFolder' | 'UriFile'): string | undefined {
  const last = uriOrPath.trim().split('/').pop() ?? '';
  if (inputType === 'UriFolder' && /\.[A-Za-z0-9]{1,5}$/.test(last))
    return l10n.t('"{0}" looks like a file: choose UriFile to score one file, or give its folder.', last);
  if (inputType === 'UriFile' && uriOrPath.trim().endsWith('/'))
    return l10n.t('A UriFile input must name a file, not a folder ending with "/".');
  return undefined;
}

function choice(d: DatastoreFacts, disabledReason: string | undefined): DatastoreChoice {
  return { name: d.name, type: d.type, isDefault: Boolean(d.isDefault), ...(disabledReason ? { disabledReason } : {}) };
}

function sortDefaultFirst(datastores: readonly DatastoreFacts[]): DatastoreFacts[] {
  return [...datastores].sort(
    (a, b) => Number(Boolean(b.isDefault)) - Number(Boolean(a.isDefault)) || a.name.localeCompare(b.name),
  );
}
