// Keeps the pipeline and activity run records of an engine and tells listeners about every change.
// Records are copied in and out, so nobody can change history behind the store's back. A pipeline run keeps at
// most `activityRunsKept` activity-run records (a long loop would otherwise keep every iteration for ever): the
// oldest ended ones are dropped and counted in a summary. Listeners still see every change as it happens.
import { DEFAULT_BUDGETS } from './budgets';
import type { ActivityRunRecord, ActivityRunStatus, EngineEvent, PipelineRunRecord } from './types';

export type EngineEventListener = (event: EngineEvent) => void;

/** What a pipeline run's dropped activity-run records were: how many, per activity name and status. */
export interface DroppedActivityRuns {
  count: number;
  byActivity: Record<string, Partial<Record<ActivityRunStatus, number>>>;
}

export class RunStore {
  private readonly pipelineRuns = new Map<string, PipelineRunRecord>();
  private readonly activityRuns = new Map<string, Map<string, ActivityRunRecord>>();
  private readonly dropped = new Map<string, DroppedActivityRuns>();
  private readonly listeners = new Set<EngineEventListener>();

  constructor(private readonly activityRunsKept: number = DEFAULT_BUDGETS.activityRunsKept) {}

  /** Returns a function that removes the listener. */
  onEvent(listener: EngineEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  putPipelineRun(record: PipelineRunRecord): void {
    const copy = structuredClone(record);
    this.pipelineRuns.set(copy.runId, copy);
    this.emit({ kind: 'pipelineRun', run: structuredClone(copy) });
  }

  putActivityRun(record: ActivityRunRecord): void {
    const copy = structuredClone(record);
    let runs = this.activityRuns.get(copy.pipelineRunId);
    if (!runs) this.activityRuns.set(copy.pipelineRunId, (runs = new Map()));
    runs.set(copy.activityRunId, copy);
    if (runs.size > this.activityRunsKept) this.dropOldestEnded(copy.pipelineRunId, runs);
    this.emit({ kind: 'activityRun', run: structuredClone(copy) });
  }

  /** The activity-run records of a pipeline run that were dropped to stay within the budget (none: undefined). */
  droppedActivityRuns(pipelineRunId: string): DroppedActivityRuns | undefined {
    const summary = this.dropped.get(pipelineRunId);
    return summary && structuredClone(summary);
  }

  getPipelineRun(runId: string): PipelineRunRecord | undefined {
    const run = this.pipelineRuns.get(runId);
    return run && structuredClone(run);
  }

  listPipelineRuns(): PipelineRunRecord[] {
    return [...this.pipelineRuns.values()].map((r) => structuredClone(r));
  }

  /** Activity runs of one pipeline run, in the order they started. */
  activityRunsOf(pipelineRunId: string): ActivityRunRecord[] {
    return [...(this.activityRuns.get(pipelineRunId)?.values() ?? [])].map((r) => structuredClone(r));
  }

  private dropOldestEnded(pipelineRunId: string, runs: Map<string, ActivityRunRecord>): void {
    // Insertion order is start order; records still in progress (the enclosing containers) stay.
    for (const [id, record] of runs) {
      if (record.status === 'InProgress' || record.status === 'Queued') continue;
      runs.delete(id);
      let summary = this.dropped.get(pipelineRunId);
      if (!summary) this.dropped.set(pipelineRunId, (summary = { count: 0, byActivity: {} }));
      summary.count++;
      const counts = (summary.byActivity[record.activityName] ??= {});
      counts[record.status] = (counts[record.status] ?? 0) + 1;
      return;
    }
  }

  private emit(event: EngineEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener must not break the run.
      }
    }
  }
}
