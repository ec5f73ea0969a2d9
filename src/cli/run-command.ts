// `adf-batch run`: runs a pipeline file with the local engine and prints its activity runs as they end.
// Exit 0 when the run succeeds, 1 when it fails or is cancelled, 2 for bad usage.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  formatActivityRun,
  formatPipelineRun,
  parseRunTargetSettings,
  runPipelineFile,
  runTargetFromUrl,
  type RunTargetSettings,
} from '../core/engine';

/** Structurally the CliIo of src/cli/io.ts (the shared CLI contract). */
interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

/** For tests and embedding: a cancel signal, another environment. */
export interface RunCommandDependencies {
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

const USAGE = `Usage: adf-batch run <pipeline file> [--param name=value ...] [--azure <emulator url | settings file>] [options]

Runs an ADF pipeline (git-integration JSON) with the local engine and prints each activity run as it ends.
Exit code 0 when the run succeeds, 1 when it fails or is cancelled (Ctrl+C), 2 for bad usage.

Options:
  --param name=value        a pipeline parameter (repeat for more); values are converted to the declared
                            type (Int, Float, Bool, Array and Object as JSON); defaults fill the rest
  --azure <url | file>      where Web activities get tokens and secrets: the URL of the Azure emulator
                            (a custom cloud), or a JSON settings file with cloud, customCloud, caCertPath and
                            servicePrincipal {tenantId, clientId} (the extension's settings, with or without
                            the "adfBatchEndpoints." prefix). The service principal's secret is read from the
                            environment (ADF_BATCH_SP_SECRET); it stands in for managed identities and reads
                            Key Vault secrets. Without --azure, authenticated Web activities cannot get tokens.
  --tenant-id <id>          tenant of the stand-in service principal (overrides the settings file)
  --client-id <id>          client id of the stand-in service principal (overrides the settings file)
  --ca <pem file>           an extra CA certificate to trust (e.g. the emulator's)
  --time-scale <n>          run Wait and Until timeouts n times faster (default 1)
  --request-timeout <s>     seconds one token or Key Vault request may take (default 30, as the extension's
                            adfBatchEndpoints.requestTimeoutSeconds); Ctrl+C cancels one at once
  --format text|json        text (default): one line per activity run; json: the pipeline run and all
                            activity runs as one JSON document at the end
  --show-io                 also print each activity's input and output (text format)
  --max-file-size <MB>      a larger pipeline file is refused (default 16)
  --help                    this text

Execute Pipeline finds child pipelines among the JSON files next to the pipeline file; Key Vault linked
services are read from ../linkedService/<name>.json.
`;

export async function runRunCommand(
  args: string[],
  io: CliIo,
  dependencies: RunCommandDependencies = {},
): Promise<number> {
  const usageError = (message: string): number => {
    io.stderr(`adf-batch run: ${message}\n\n${USAGE}`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        param: { type: 'string', multiple: true },
        azure: { type: 'string' },
        'tenant-id': { type: 'string' },
        'client-id': { type: 'string' },
        ca: { type: 'string' },
        'time-scale': { type: 'string' },
        format: { type: 'string' },
        'show-io': { type: 'boolean' },
        'max-file-size': { type: 'string' },
        'request-timeout': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (positionals.length !== 1)
    return usageError(
      positionals.length ? `expected one pipeline file, got ${positionals.length}.` : 'the pipeline file is missing.',
    );
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usageError(`--format must be text or json, not "${format}".`);
  const timeScale = values['time-scale'] === undefined ? 1 : Number(values['time-scale']);
  if (!(timeScale > 0) || !Number.isFinite(timeScale))
    return usageError(`--time-scale must be a positive number, not "${values['time-scale']}".`);

  const requestTimeout = values['request-timeout'] === undefined ? 30 : Number(values['request-timeout']);
  if (!(requestTimeout > 0) || !Number.isFinite(requestTimeout) || requestTimeout > 3600)
    return usageError(
      `--request-timeout must be a positive number of seconds (at most 3600), not "${values['request-timeout']}".`,
    );

  const parameters: Record<string, string> = {};
  for (const entry of values.param ?? []) {
    const at = entry.indexOf('=');
    if (at <= 0) return usageError(`--param must look like name=value, not "${entry}".`);
    parameters[entry.slice(0, at)] = entry.slice(at + 1);
  }

  const maxMegabytes = values['max-file-size'] === undefined ? 16 : Number(values['max-file-size']);
  if (!(maxMegabytes > 0) || !Number.isFinite(maxMegabytes))
    return usageError(`--max-file-size must be a positive number of MB, not "${values['max-file-size']}".`);

  const pipelinePath = resolve(io.cwd, positionals[0]);
  const env = dependencies.env ?? process.env;
  let settings: RunTargetSettings = { cloud: 'AzureCloud' };
  let caPem: string | undefined;
  try {
    if (values.azure !== undefined) settings = await readTarget(values.azure, io.cwd);
    if (values['tenant-id'] || values['client-id']) {
      const tenantId = values['tenant-id'] ?? settings.servicePrincipal?.tenantId;
      const clientId = values['client-id'] ?? settings.servicePrincipal?.clientId;
      if (!tenantId || !clientId)
        return usageError('a stand-in service principal needs both --tenant-id and --client-id.');
      settings.servicePrincipal = { tenantId, clientId };
    }
    const caPath = values.ca ?? settings.caCertPath;
    if (caPath) caPem = await readFile(resolve(io.cwd, caPath), 'utf8');
  } catch (error) {
    return usageError((error as Error).message);
  }
  const spSecret = env.ADF_BATCH_SP_SECRET ?? env.ADF_BATCH_SANDBOX_SP_SECRET;
  const showInputOutput = values['show-io'] === true;
  let spNoteShown = false;
  const onInterrupt = new AbortController();
  const cancelOnInterrupt = (): void => onInterrupt.abort();
  process.once('SIGINT', cancelOnInterrupt);
  let result;
  try {
    result = await runPipelineFile({
      file: pipelinePath,
      target: {
        settings,
        requestTimeoutMs: requestTimeout * 1000,
        ...(caPem ? { caPem } : {}),
        ...(spSecret ? { servicePrincipalSecret: spSecret } : {}),
      },
      parameters,
      rejectUndeclaredParameters: true,
      timeScale,
      dataFactoryName: 'adf-batch-local',
      maxFileBytes: maxMegabytes * 1024 * 1024,
      signal: dependencies.signal ? AbortSignal.any([dependencies.signal, onInterrupt.signal]) : onInterrupt.signal,
      onEvent: (event) => {
        if (!spNoteShown && settings.servicePrincipal && !spSecret) {
          // Said once the pipeline is known to be runnable, before anything else is printed.
          spNoteShown = true;
          io.stderr(
            'note: no ADF_BATCH_SP_SECRET in the environment: the service principal cannot stand in for managed identities.\n',
          );
        }
        if (format !== 'text') return;
        if (event.kind === 'notice') io.stdout(`note: ${event.message}\n`);
        else if (event.kind === 'started') io.stdout(`Running pipeline ${event.pipelineName} (run ${event.runId})\n`);
        else if (event.kind === 'activityRun' && event.run.status !== 'InProgress' && event.run.status !== 'Queued')
          io.stdout(`${formatActivityRun(event.run, { showInputOutput }).join('\n')}\n`);
      },
    });
  } finally {
    process.removeListener('SIGINT', cancelOnInterrupt);
  }
  if (result.outcome === 'refused') return usageError(result.message);
  const final = result.pipelineRun;
  if (format === 'json') {
    if (!writeJsonReport(io, final, result.activityRuns, result.notices)) return 1;
  } else {
    io.stdout(`${formatPipelineRun(final)}\n`);
  }
  return final.status === 'Succeeded' ? 0 : 1;
}

async function readTarget(value: string, cwd: string): Promise<RunTargetSettings> {
  if (/^https?:\/\//i.test(value)) {
    try {
      return runTargetFromUrl(value);
    } catch {
      throw new Error(`--azure: "${value}" is not a valid URL.`);
    }
  }
  const path = resolve(cwd, value);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`--azure: cannot read settings file ${path} (give the emulator's URL or a JSON settings file).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`--azure: ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const settings = parseRunTargetSettings(json, path);
  // A CA path in a settings file is relative to that file.
  if (settings.caCertPath) settings.caCertPath = resolve(dirname(path), settings.caCertPath);
  return settings;
}

/**
 * The JSON report, written one activity run at a time so that a run with many activity runs never needs one
 * giant string; a single record too large to write fails with a clear message (false) instead of a crash.
 */
function writeJsonReport(
  io: CliIo,
  pipelineRun: unknown,
  activityRuns: readonly unknown[],
  notices: readonly string[],
): boolean {
  const indent = (value: unknown, depth: number): string =>
    JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
  try {
    io.stdout(`{\n  "pipelineRun": ${indent(pipelineRun, 1)},\n  "activityRuns": [`);
    activityRuns.forEach((run, i) => io.stdout(`${i === 0 ? '' : ','}\n    ${indent(run, 2)}`));
    io.stdout(`${activityRuns.length ? '\n  ' : ''}],\n  "notices": ${indent(notices, 1)}\n}\n`);
    return true;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    io.stderr(
      `\nadf-batch run: an activity run record is too large to write as JSON (${error.message}); use --format text.\n`,
    );
    return false;
  }
}
