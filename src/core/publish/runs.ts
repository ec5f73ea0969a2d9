// Runs a published pipeline and follows it: createRun, then pipelineRuns.get and activityRuns.queryByPipelineRun
// until the run ends, reporting a snapshot each time; cancel asks ADF to stop it (and its child runs).
import type { FactoryRef } from './factory-ref';
import {
  snapshotRun,
  type ActivityRunFacts,
  type PipelineRunFacts,
  type RunSnapshot,
  type SnapshotContext,
} from './run-snapshot';

/** Pipeline runs of a factory (SDK-backed in src/azure/sdk/wizard-azure.ts). */
/** Pipeline runs of a factory; `signal` aborts the request in flight (the user's Cancel). */
export interface RunStore {
  createRun(
    factory: FactoryRef,
    pipelineName: string,
    parameters: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<string>;
  getRun(factory: FactoryRef, runId: string, signal?: AbortSignal): Promise<PipelineRunFacts>;
  /** Every activity run updated in the window (all continuation pages). */
  queryActivityRuns(
    factory: FactoryRef,
    runId: string,
    updatedAfter: Date,
    updatedBefore: Date,
    signal?: AbortSignal,
  ): Promise<ActivityRunFacts[]>;
  cancelRun(factory: FactoryRef, runId: string, signal?: AbortSignal): Promise<void>;
}

export interface MonitorOptions {
  /** Time between polls (ms). */
  intervalMs: number;
  onSnapshot(snapshot: RunSnapshot): void;
  /** Stops following (not the run). */
  signal?: AbortSignal;
  context?: SnapshotContext;
  /** For tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => Date;
}

/** One look at the run. */
export async function readRunSnapshot(
  store: RunStore,
  factory: FactoryRef,
  runId: string,
  context: SnapshotContext = {},
  now: Date = new Date(),
  signal?: AbortSignal,
): Promise<RunSnapshot> {
  const run = await store.getRun(factory, runId, signal);
  const started = run.runStart ? new Date(run.runStart) : now;
  // A generous window: activity runs are filtered by their last update, and clocks differ.
  const after = new Date(started.getTime() - 60 * 60_000);
  const before = new Date(now.getTime() + 60 * 60_000);
  const activities = await store.queryActivityRuns(factory, runId, after, before, signal);
  return snapshotRun(run, activities, context);
}

/** Polls until the run ends (or the signal stops following) and returns the last snapshot. */
export async function monitorRun(
  store: RunStore,
  factory: FactoryRef,
  runId: string,
  options: MonitorOptions,
): Promise<RunSnapshot> {
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? ((): Date => new Date());
  for (;;) {
    // The signal also aborts a read in flight (the panel closed): the caller treats that as the end of following.
    const snapshot = await readRunSnapshot(store, factory, runId, options.context, now(), options.signal);
    options.onSnapshot(snapshot);
    if (snapshot.done || options.signal?.aborted) return snapshot;
    await sleep(options.intervalMs, options.signal);
    if (options.signal?.aborted) return snapshot;
  }
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
