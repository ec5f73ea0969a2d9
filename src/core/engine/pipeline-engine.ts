// The local engine: runs a pipeline definition as ADF would, recording pipeline and activity runs in a RunStore
// (which also streams them to UIs). Cancellation: cancel(runId) or the AbortSignal given to start().
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type {
  ActivityHandler,
  ChildRun,
  ChildRunRequest,
  PipelineResolver,
  RunServices,
  RunState,
  ScopeFrame,
} from './activity-context';
import { defaultActivityHandlers } from './activities';
import { ActivityRunCounter, countActivities, resolveBudgets, type EngineBudgets } from './budgets';
import { createClock } from './clock';
import { ActivityFailure } from './errors';
import type { ExpressionEvaluator } from './expression-port';
import { createNodeHttpClient, type HttpClient } from './http-client';
import { noIdentity, type IdentityResolver } from './identity';
import { initialVariables, parametersForRecord, resolveParameters, RunInputError } from './parameters';
import { SecretRedactor } from './redaction';
import { RunStore } from './run-store';
import { runScope } from './scheduler';
import type { PipelineDefinition, PipelineRunInvokedBy, PipelineRunRecord, PipelineRunStatus } from './types';

export interface PipelineEngineOptions {
  evaluator: ExpressionEvaluator;
  /** Default: Node https trusting only the default roots. Pass createNodeHttpClient({ ca }) for the emulator. */
  http?: HttpClient;
  /** Default: none (Web activities with authentication fail with a clear message). */
  identity?: IdentityResolver;
  /** Finds pipelines for Execute Pipeline. Default: none. */
  pipelines?: PipelineResolver;
  /** Pipeline time runs this many times faster than real time (Wait, Until timeouts, retries). Default 1. */
  timeScale?: number;
  store?: RunStore;
  /** `pipeline().DataFactory`. */
  dataFactoryName?: string;
  /** `pipeline().globalParameters`. */
  globalParameters?: Record<string, unknown>;
  /** Extra or replacement handlers, keyed by activity type (any case). */
  handlers?: ReadonlyMap<string, ActivityHandler>;
  /** Real ms between polls of a Web activity's 202 + Location pattern when no Retry-After is given. Default 1000. */
  webAsyncPollMs?: number;
  /** Limits on activity runs, loops, nesting and records kept (budgets.ts; defaults in docs/engine.md). */
  budgets?: Partial<EngineBudgets>;
}

export interface StartRunOptions {
  pipeline: PipelineDefinition;
  parameters?: Record<string, unknown>;
  runId?: string;
  invokedBy?: PipelineRunInvokedBy;
  signal?: AbortSignal;
  /** Recovery run: top-level activities already done in the referenced run (name -> output), not run again. */
  reusedActivities?: ReadonlyArray<{ activityName: string; output: unknown }>;
}

export interface PipelineRunHandle {
  runId: string;
  /** Resolves with the final record (never rejects). */
  completion: Promise<PipelineRunRecord>;
  cancel(): void;
}

interface ActiveRun {
  controller: AbortController;
  children: Set<string>;
  /** While the run is in progress (dropped when it ends: a long loop of child runs must not keep them all). */
  state?: RunState;
  returnValue?: Record<string, unknown>;
}

export class PipelineEngine {
  readonly store: RunStore;
  private readonly services: RunServices;
  private readonly runs = new Map<string, ActiveRun>();
  private readonly options: PipelineEngineOptions;

  constructor(options: PipelineEngineOptions) {
    this.options = options;
    const budgets = resolveBudgets(options.budgets);
    this.store = options.store ?? new RunStore(budgets.activityRunsKept);
    const handlers = defaultActivityHandlers();
    for (const [type, handler] of options.handlers ?? []) handlers.set(type.toLowerCase(), handler);
    this.services = {
      evaluator: options.evaluator,
      http: options.http ?? createNodeHttpClient(),
      identity: options.identity ?? noIdentity(),
      pipelines: options.pipelines ?? { getPipeline: async () => undefined },
      clock: createClock(options.timeScale ?? 1),
      store: this.store,
      handlers,
      webAsyncPollMs: options.webAsyncPollMs ?? 1000,
      budgets,
      startChildRun: (request) => this.startChild(request),
    };
  }

  /**
   * Starts a run and returns at once. Throws RunInputError (before anything is recorded) when the pipeline
   * is malformed or a parameter is missing or of the wrong type.
   */
  start(options: StartRunOptions): PipelineRunHandle {
    const pipeline = checkPipeline(options.pipeline, this.services.budgets.activitiesPerPipeline);
    const declared = pipeline.properties.parameters;
    const parameters = resolveParameters(declared, options.parameters);
    const runId = options.runId ?? randomUUID();
    const controller = new AbortController();
    // Every running activity (up to 50 per ForEach, nested) listens to the run's signal: not a leak.
    setMaxListeners(0, controller.signal);
    if (options.signal) {
      if (options.signal.aborted) controller.abort(options.signal.reason);
      else options.signal.addEventListener('abort', () => controller.abort(options.signal?.reason), { once: true });
    }
    const active: ActiveRun = { controller, children: new Set() };
    this.runs.set(runId, active);

    // A child run (Execute Pipeline) also masks what its parent knows to be secret: values passed down as String.
    const parent = options.invokedBy?.pipelineRunId ? this.runs.get(options.invokedBy.pipelineRunId)?.state : undefined;
    const redactor = new SecretRedactor(parent?.redactor);
    for (const secret of parameters.secrets) redactor.add(secret);

    const started = this.services.clock.now();
    const invokedBy = options.invokedBy ?? { name: 'Manual', id: randomUUID(), invokedByType: 'Manual' };
    const record: PipelineRunRecord = {
      runId,
      runGroupId: runId,
      isLatest: true,
      pipelineName: pipeline.name,
      parameters: redactor.redact(parametersForRecord(declared, parameters.values)),
      invokedBy,
      lastUpdated: started.toISOString(),
      runStart: started.toISOString(),
      status: 'InProgress',
      message: '',
    };
    this.store.putPipelineRun(record);

    const state: RunState = {
      services: this.services,
      runId,
      pipeline,
      pipelineContext: {
        DataFactory: this.options.dataFactoryName ?? 'local-engine',
        Pipeline: pipeline.name,
        RunId: runId,
        GroupId: runId,
        TriggerId: invokedBy.id,
        TriggerName:
          invokedBy.invokedByType === 'PipelineActivity' ? (invokedBy.pipelineName ?? invokedBy.name) : invokedBy.name,
        TriggerType: invokedBy.invokedByType,
        TriggerTime: started.toISOString(),
        ...(invokedBy.pipelineRunId
          ? { TriggeredByPipelineName: invokedBy.pipelineName, TriggeredByPipelineRunId: invokedBy.pipelineRunId }
          : {}),
        parameters: parameters.values,
        globalParameters: this.options.globalParameters ?? {},
      },
      variables: initialVariables(pipeline.properties.variables),
      redactor,
      lineage: [...(parent?.lineage ?? []), pipeline.name],
      activityRuns: parent?.activityRuns ?? new ActivityRunCounter(this.services.budgets.activityRunsPerRun),
      ...(options.reusedActivities?.length
        ? { reused: new Map(options.reusedActivities.map((a) => [a.activityName.toLowerCase(), { output: a.output }])) }
        : {}),
    };
    active.state = state;

    const completion = this.execute(state, record, controller.signal);
    return { runId, completion, cancel: () => this.cancel(runId) };
  }

  /** Starts a run and waits for its final record. */
  async run(options: StartRunOptions): Promise<PipelineRunRecord> {
    return this.start(options).completion;
  }

  /** Cancels a run in progress (and, when recursive, the child runs it started). False when it is not running. */
  cancel(runId: string, recursive = true): boolean {
    const active = this.runs.get(runId);
    if (!active || active.controller.signal.aborted) return false;
    const current = this.store.getPipelineRun(runId);
    if (current && current.status === 'InProgress')
      this.store.putPipelineRun({ ...current, status: 'Canceling', lastUpdated: new Date().toISOString() });
    if (recursive) for (const child of active.children) this.cancel(child, true);
    active.controller.abort(new Error('The pipeline run was cancelled.'));
    return true;
  }

  /** The pipelineReturnValue a run set, if any. */
  returnValueOf(runId: string): Record<string, unknown> | undefined {
    const active = this.runs.get(runId);
    return active?.state?.returnValue ?? active?.returnValue;
  }

  private startChild(request: ChildRunRequest): ChildRun {
    const handle = this.start({
      pipeline: request.pipeline,
      parameters: request.parameters,
      invokedBy: request.invokedBy,
      ...(request.signal ? { signal: request.signal } : {}),
    });
    const parentRunId = request.invokedBy.pipelineRunId;
    if (parentRunId) this.runs.get(parentRunId)?.children.add(handle.runId);
    return { runId: handle.runId, completion: handle.completion, returnValue: () => this.returnValueOf(handle.runId) };
  }

  private async execute(state: RunState, record: PipelineRunRecord, signal: AbortSignal): Promise<PipelineRunRecord> {
    const frame: ScopeFrame = { results: new Map(), containerRunIds: [] };
    let status: PipelineRunStatus;
    let message = '';
    try {
      const result = await runScope(state, frame, state.pipeline.properties.activities ?? [], signal);
      status = result.status;
      if (result.status === 'Failed' && result.failure)
        message = `Operation on target ${result.failure.activityName} failed: ${result.failure.message}`;
      if (result.status === 'Cancelled') message = 'The pipeline run was cancelled.';
    } catch (error) {
      status = signal.aborted ? 'Cancelled' : 'Failed';
      message =
        error instanceof ActivityFailure
          ? error.message
          : `The engine failed: ${(error as Error)?.message ?? String(error)}`;
    }
    const ended = this.services.clock.now();
    const final: PipelineRunRecord = {
      ...record,
      status,
      message: state.redactor.redact(message),
      runEnd: ended.toISOString(),
      lastUpdated: ended.toISOString(),
      durationInMs: ended.getTime() - new Date(record.runStart).getTime(),
    };
    this.store.putPipelineRun(final);
    const active = this.runs.get(state.runId);
    if (active) {
      active.children.clear();
      if (state.returnValue !== undefined) active.returnValue = state.returnValue;
      delete active.state;
    }
    return final;
  }
}

function checkPipeline(pipeline: PipelineDefinition, maxActivities: number): PipelineDefinition {
  if (!pipeline || typeof pipeline !== 'object') throw new RunInputError('The pipeline definition is not an object.');
  if (typeof pipeline.name !== 'string' || !pipeline.name)
    throw new RunInputError('The pipeline definition has no name.');
  const properties = pipeline.properties;
  if (!properties || typeof properties !== 'object')
    throw new RunInputError(`Pipeline '${pipeline.name}' has no properties.`);
  if (properties.activities !== undefined && !Array.isArray(properties.activities))
    throw new RunInputError(`Pipeline '${pipeline.name}': properties.activities must be an array.`);
  for (const activity of properties.activities ?? []) {
    if (!activity || typeof activity.name !== 'string' || typeof activity.type !== 'string') {
      throw new RunInputError(`Pipeline '${pipeline.name}': every activity needs a name and a type.`);
    }
  }
  if (countActivities(properties.activities, maxActivities) > maxActivities)
    throw new RunInputError(
      `Pipeline '${pipeline.name}' has more than ${maxActivities.toLocaleString('en-US')} activities (inner activities of containers included), the engine's limit (ADF allows 80).`,
    );
  return pipeline;
}
