// The engine's one entry point for running a pipeline file: `adf-batch run` and the Dry Run both call it.
// Its request and result are plain data (structured-cloneable) apart from the hooks `onEvent`, `signal` and the
// optional `standIn` token source, so a host can run it in a worker thread and relay those three as messages.
import { dirname } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from '../json';
import { defaultExpressionEvaluator } from './expression-adapter';
import type { TokenSource } from './identity-providers';
import { RunInputError } from './parameters';
import { PipelineEngine } from './pipeline-engine';
import { createRunEnvironment, type RunTargetSettings } from './run-target';
import type { ActivityRunRecord, EngineEvent, PipelineDefinition, PipelineRunRecord } from './types';
import { folderLinkedServiceLookup, folderPipelineResolver, loadPipelineFile, pipelineFromJsonText } from './workspace';

/** Where Web activities, tokens and secrets go. */
export interface RunPipelineTarget {
  settings: RunTargetSettings;
  /** PEM text of extra CAs to trust (e.g. the emulator's). */
  caPem?: string;
  /** Client secret of settings.servicePrincipal (from the environment or a secret store). */
  servicePrincipalSecret?: string;
  /** Per token or Key Vault request (the extension's request timeout setting); default 30 s. */
  requestTimeoutMs?: number;
}

/** Everything `runPipelineFile` reports while a run goes: notices, the start, and every run record change. */
export type RunPipelineEvent =
  EngineEvent | { kind: 'notice'; message: string } | { kind: 'started'; runId: string; pipelineName: string };

export interface RunPipelineFileRequest {
  /** The pipeline file; Execute Pipeline children are found next to it, Key Vault linked services in ../linkedService. */
  file: string;
  /** The file's text when the caller already has it (an editor's unsaved edits); read from `file` otherwise. */
  text?: string;
  target: RunPipelineTarget;
  /** Given values (text from a CLI or a form), converted to the declared types; defaults fill the rest. */
  parameters: Record<string, unknown>;
  /** Refuse parameters the pipeline does not declare, as ADF does (the CLI). Default false. */
  rejectUndeclaredParameters?: boolean;
  /** Pipeline time runs this many times faster (Wait, Until timeouts). Default 1. */
  timeScale?: number;
  /** The data factory name expressions see (`pipeline().DataFactory`). */
  dataFactoryName?: string;
  /** A larger pipeline file is refused. Default 16 MB. */
  maxFileBytes?: number;
  onEvent?: (event: RunPipelineEvent) => void;
  /** Aborting cancels the run (and the child runs it started), as ADF's Cancel does. */
  signal?: AbortSignal;
  /** Answers for managed identities (the signed-in account), instead of target.settings.servicePrincipal. */
  standIn?: { name: string; tokens: TokenSource };
}

export type RunPipelineFileResult =
  | {
      outcome: 'completed';
      pipelineRun: PipelineRunRecord;
      activityRuns: ActivityRunRecord[];
      /** The notices also sent as events (e.g. who stands in for managed identities). */
      notices: string[];
    }
  /** The run did not start: the file is not a readable pipeline, or a parameter is missing or wrong. */
  | { outcome: 'refused'; message: string };

export async function runPipelineFile(request: RunPipelineFileRequest): Promise<RunPipelineFileResult> {
  let pipeline: PipelineDefinition;
  try {
    pipeline =
      request.text === undefined
        ? await loadPipelineFile(request.file, request.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)
        : pipelineFromJsonText(request.text, request.file);
  } catch (error) {
    return { outcome: 'refused', message: (error as Error).message };
  }
  if (request.rejectUndeclaredParameters) {
    const undeclared = undeclaredParameters(request.parameters, pipeline);
    if (undeclared) return { outcome: 'refused', message: undeclared };
  }

  const emit = request.onEvent ?? ((): void => undefined);
  const notices: string[] = [];
  const folder = dirname(request.file);
  const { settings, caPem, servicePrincipalSecret, requestTimeoutMs } = request.target;
  const environment = createRunEnvironment(settings, {
    ...(caPem ? { caPem } : {}),
    ...(servicePrincipalSecret ? { servicePrincipalSecret } : {}),
    ...(requestTimeoutMs ? { requestTimeoutMs } : {}),
    ...(request.standIn ? { standIn: request.standIn.tokens, standInName: request.standIn.name } : {}),
    linkedServices: folderLinkedServiceLookup(folder),
    onNotice: (message) => {
      notices.push(message);
      emit({ kind: 'notice', message });
    },
  });
  const engine = new PipelineEngine({
    evaluator: defaultExpressionEvaluator(),
    http: environment.http,
    identity: environment.identity,
    pipelines: folderPipelineResolver(folder),
    timeScale: request.timeScale ?? 1,
    ...(request.dataFactoryName ? { dataFactoryName: request.dataFactoryName } : {}),
  });
  // Listening before the start: the first activities start synchronously.
  const detach = engine.store.onEvent(emit);
  let handle;
  try {
    handle = engine.start({ pipeline, parameters: request.parameters });
  } catch (error) {
    detach();
    if (error instanceof RunInputError) return { outcome: 'refused', message: error.message };
    throw error;
  }
  emit({ kind: 'started', runId: handle.runId, pipelineName: pipeline.name });
  const { signal } = request;
  const cancel = handle.cancel;
  if (signal?.aborted) cancel();
  else signal?.addEventListener('abort', cancel, { once: true });
  try {
    const pipelineRun = await handle.completion;
    return { outcome: 'completed', pipelineRun, activityRuns: engine.store.activityRunsOf(pipelineRun.runId), notices };
  } finally {
    signal?.removeEventListener('abort', cancel);
    detach();
  }
}

/** A message naming parameters the pipeline does not declare (ADF refuses them too), or undefined. */
function undeclaredParameters(given: Record<string, unknown>, pipeline: PipelineDefinition): string | undefined {
  const declared = Object.keys(pipeline.properties.parameters ?? {});
  const known = new Set(declared.map((name) => name.toLowerCase()));
  const unknown = Object.keys(given).filter((name) => !known.has(name.toLowerCase()));
  if (unknown.length === 0) return undefined;
  const list = declared.length ? `it declares ${declared.join(', ')}` : 'it declares no parameters';
  return `pipeline ${pipeline.name} has no parameter ${unknown.map((n) => `"${n}"`).join(', ')} (${list}).`;
}
