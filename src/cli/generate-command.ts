// `adf-batch generate`: writes the batch endpoint pipeline as an ADF git file, an ARM template or a template zip.
import { lstat, mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CLOUD_NAMES, isCloudName } from '../core/clouds';
import {
  AUTH_FIELDS,
  AUTH_KIND_TABLE,
  AUTH_KINDS,
  AuthField,
  AuthKind,
  AuthOptions,
  BatchPipelineOptions,
  BatchPipelineOptionsError,
  endpointUriProblem,
  EXPORT_FORMATS,
  ExportFormat,
  JOB_INPUT_TYPES,
  JobInputType,
  PipelineDocument,
  exportFiles,
  generateBatchPipeline,
  authKindsTaking,
  authOptionsFromFields,
  missingAuthFields,
} from '../core/pipeline';

/** Structurally the CliIo of src/cli/io.ts (the shared CLI contract). */
interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

const FORMATS = EXPORT_FORMATS;
type Format = ExportFormat;

const USAGE = `Usage: adf-batch generate --endpoint-uri <scoring uri> --auth ${AUTH_KINDS.join('|')} --format git|arm|zip --out <path> [options]

Writes the Azure Data Factory pipeline that runs an Azure ML batch endpoint job and waits for it.

Required:
  --endpoint-uri <uri>              scoring URI of the batch endpoint (default of the endpoint_uri parameter)
  --auth <kind>                     ${wrapHelp(AUTH_KIND_TABLE.map((d) => `${d.kind} (${d.summary})`).join(', '))}
  --format <format>                 git (ADF git-integration JSON), arm (ARM template), zip (pipeline template
                                    for ADF Studio's "Import from pipeline template")
  --out <path>                      file to write, or an existing folder (the file is named after the pipeline);
                                    "-" prints git or arm output; an existing file is kept unless --force
  --force                           replace an existing file given as --out

Pipeline:
  --name <name>                     pipeline name (default Run-BatchEndpoint)
  --folder <folder>                 ADF folder
  --description <text>
  --deployment <name>               non-default deployment (header azureml-model-deployment)
  --input-uri <uri>                 default input, e.g. azureml://datastores/<ds>/paths/<dir>/
  --input-type UriFolder|UriFile    default UriFolder
  --output-uri <uri>                a FIXED output file (reruns then fail: "the path already exists");
                                    leave it out to write each run to <output folder>/<run id>/predictions.csv
  --output-folder <uri>             base of the per-run output (default azureml://datastores/workspaceblobstore/paths/batch/<name>)
  --poll-interval <seconds>         default 120
  --loop-timeout <d.hh:mm:ss>       default 0.12:00:00
  --cloud <cloud>                   ${CLOUD_NAMES.join(', ')} (default AzureCloud)
  --factory-name <name>             default factoryName of the ARM template (--format arm)

Authentication:
${Object.values(AUTH_FIELDS)
  .map(
    ({ field, flag, description }) =>
      `  ${`--${flag} <${field.endsWith('Id') ? 'id' : 'name'}>`.padEnd(34)}${description} (${authKindsTaking(field).join(', ')})\n`,
  )
  .join('')}`;

/** Help text wrapped to the width of the usage's description column. */
function wrapHelp(text: string): string {
  const lines: string[] = [''];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (lines[last] && lines[last].length + word.length + 1 > 72) lines.push(word);
    else lines[last] = lines[last] ? `${lines[last]} ${word}` : word;
  }
  return lines.join(`\n${' '.repeat(36)}`);
}

const OPTION_NAMES = [
  'endpoint-uri',
  'auth',
  'format',
  'out',
  'name',
  'folder',
  'description',
  'deployment',
  'input-uri',
  'input-type',
  'output-uri',
  'output-folder',
  'poll-interval',
  'loop-timeout',
  'cloud',
  'factory-name',
  'credential',
  'key-vault-linked-service',
  'secret-name',
  'tenant-id',
  'client-id',
] as const;
type OptionName = (typeof OPTION_NAMES)[number];
type Values = Partial<Record<OptionName, string>>;

class UsageError extends Error {}

export async function runGenerateCommand(args: string[], io: CliIo): Promise<number> {
  let values: Values;
  // --force is the only flag without a value; the other options all take one.
  const force = args.includes('--force');
  try {
    const parsed = parseCommandLine(args.filter((arg) => arg !== '--force'));
    if (parsed === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    values = parsed;
  } catch (error) {
    return usageFailure(io, error);
  }

  let format: Format;
  let pipeline: PipelineDocument;
  try {
    format = oneOf(values.format, FORMATS, '--format');
    if (values['factory-name'] !== undefined && format !== 'arm')
      throw new UsageError('--factory-name applies to --format arm');
    pipeline = generateBatchPipeline(pipelineOptions(values));
  } catch (error) {
    return usageFailure(io, error);
  }

  const out = values.out as string;
  const [file] = exportFiles(pipeline, [format], { factoryName: values['factory-name'] });
  if (out === '-') {
    if (file.text === undefined)
      return usageFailure(io, new UsageError('--out - prints text: use a file or folder for --format zip.'));
    io.stdout(`${file.text}\n`);
  } else {
    if (out.trim() === '')
      return usageFailure(
        io,
        new UsageError('--out needs a path (a file, an existing folder, or - for standard output)'),
      );
    let target: string;
    try {
      target = await targetPath(resolve(io.cwd, out), file.fileName);
      await writeOutput(target, file.content, force);
    } catch (error) {
      if (error instanceof UsageError) return usageFailure(io, error);
      io.stderr(`adf-batch generate: cannot write ${out}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    io.stdout(`Wrote ${target}\n`);
  }
  if (values['output-uri'] !== undefined) {
    io.stderr(
      'warning: the output file is fixed (--output-uri): a rerun fails with "the path already exists" unless the file is removed first.\n',
    );
  }
  return 0;
}

function parseCommandLine(args: string[]): Values | 'help' {
  if (args.includes('--help') || args.includes('-h')) return 'help';
  const secretFlag = args.find((a) => /^--client-secret(=|$)/.test(a));
  if (secretFlag) {
    throw new UsageError(
      'there is no --client-secret: a secret is never written into a pipeline. Use --auth sp-keyvault (secret in Key Vault), or --auth sp-secret and give client_secret when the pipeline runs.',
    );
  }
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: Object.fromEntries(OPTION_NAMES.map((name) => [name, { type: 'string' as const }])),
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    // parseArgs messages are clear ("Unknown option '--x'"); drop its hint about "--" separators.
    throw new UsageError(error instanceof Error ? error.message.split('. To specify')[0] : String(error));
  }
  const values = parsed.values as Values;
  const missing = (['endpoint-uri', 'auth', 'format', 'out'] as const).filter((name) => values[name] === undefined);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(', ')}`);
  return values;
}

function pipelineOptions(values: Values): BatchPipelineOptions {
  const kind = oneOf(values.auth, AUTH_KINDS, '--auth');
  for (const { field, flag } of Object.values(AUTH_FIELDS)) {
    const owners = authKindsTaking(field);
    if (values[flag as OptionName] !== undefined && !owners.includes(kind)) {
      throw new UsageError(`--${flag} applies to --auth ${owners.join(' or ')}, not ${kind}`);
    }
  }
  const auth = authOptions(kind, values);
  const uriProblem = endpointUriProblem('--endpoint-uri', values['endpoint-uri']);
  if (uriProblem) throw new UsageError(uriProblem);
  const options: BatchPipelineOptions = { endpointUri: values['endpoint-uri'] as string, auth };
  if (values.name !== undefined) options.name = values.name;
  if (values.folder !== undefined) options.folder = values.folder;
  if (values.description !== undefined) options.description = values.description;
  if (values.deployment !== undefined) options.deploymentName = values.deployment;
  if (values['input-uri'] !== undefined) options.inputUri = values['input-uri'];
  if (values['input-type'] !== undefined)
    options.inputType = oneOf<JobInputType>(values['input-type'], JOB_INPUT_TYPES, '--input-type');
  if (values['output-uri'] !== undefined) options.outputUri = values['output-uri'];
  if (values['output-folder'] !== undefined) options.outputFolder = values['output-folder'];
  if (values['output-uri'] !== undefined && values['output-folder'] !== undefined) {
    throw new UsageError('give either --output-uri (a fixed file) or --output-folder (per-run files), not both');
  }
  if (values['poll-interval'] !== undefined) {
    if (!/^\d+$/.test(values['poll-interval']))
      throw new UsageError(`--poll-interval must be a whole number of seconds, not "${values['poll-interval']}"`);
    options.pollIntervalSeconds = Number(values['poll-interval']);
  }
  if (values['loop-timeout'] !== undefined) options.loopTimeout = values['loop-timeout'];
  if (values.cloud !== undefined) {
    if (!isCloudName(values.cloud))
      throw new UsageError(`--cloud must be one of ${CLOUD_NAMES.join(', ')}, not "${values.cloud}"`);
    options.cloud = values.cloud;
  }
  return options;
}

function authOptions(kind: AuthKind, values: Values): AuthOptions {
  const flat = Object.fromEntries(
    Object.values(AUTH_FIELDS).map(({ field, flag }) => [field, values[flag as OptionName]]),
  ) as Partial<Record<AuthField, string>>;
  const missing = missingAuthFields(kind, flat)[0];
  if (missing) throw new UsageError(`--auth ${kind} needs --${AUTH_FIELDS[missing].flag}`);
  return authOptionsFromFields(kind, flat);
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T {
  if (value === undefined || !(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${option} must be one of ${allowed.join(', ')}, not "${value ?? ''}"`);
  }
  return value as T;
}

/** The file itself, or `<folder>/<file name>` when the path is an existing folder. */
async function targetPath(path: string, fileName: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  return info?.isDirectory() ? join(path, fileName) : path;
}

/**
 * Writes the output without ever following it into something that is not a plain file: a new file is created
 * exclusively (an existing one is kept unless --force, and then it must be a regular file), so a path such as
 * /proc/... or a pipe fails at once instead of blocking.
 */
async function writeOutput(target: string, bytes: string | Uint8Array, force: boolean): Promise<void> {
  const existing = await lstat(target).catch(() => undefined);
  if (existing && !force) throw new UsageError(`${target} already exists; add --force to replace it`);
  if (existing && !existing.isFile())
    throw new UsageError(`${target} is not a regular file; give a file or a folder for --out`);
  await makeFolders(dirname(target));
  await writeFile(target, bytes, { flag: existing ? 'w' : 'wx' });
}

/** Creates missing folders one level at a time (recursive mkdir can spin for ever under /proc). */
async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  let current = folder;
  while (!(await lstat(current).catch(() => undefined))) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const path of missing) await mkdir(path);
}

function usageFailure(io: CliIo, error: unknown): number {
  if (!(error instanceof UsageError || error instanceof BatchPipelineOptionsError)) {
    io.stderr(
      `adf-batch generate: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
  const problems =
    error instanceof BatchPipelineOptionsError
      ? error.problems
      : [error instanceof Error ? error.message : String(error)];
  io.stderr(
    `adf-batch generate: ${problems.join('\nadf-batch generate: ')}\nRun "adf-batch generate --help" for the options.\n`,
  );
  return 2;
}
