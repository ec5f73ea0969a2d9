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
  /** Per pipeline run: ids of ended activity runs in the order they ended (a queue read from `head`). */
  private readonly ended = new Map<string, { ids: string[]; head: number; seen: Set<string> }>();
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
    const known = runs.has(copy.activityRunId);
    runs.set(copy.activityRunId, copy);
    if (copy.status !== 'InProgress' && copy.status !== 'Queued')
      this.noteEnded(copy.pipelineRunId, copy.activityRunId, known);
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

  private noteEnded(pipelineRunId: string, activityRunId: string, known: boolean): void {
    let queue = this.ended.get(pipelineRunId);
    if (!queue) this.ended.set(pipelineRunId, (queue = { ids: [], head: 0, seen: new Set() }));
    if (known && queue.seen.has(activityRunId)) return;
    queue.ids.push(activityRunId);
    queue.seen.add(activityRunId);
  }

  private dropOldestEnded(pipelineRunId: string, runs: Map<string, ActivityRunRecord>): void {
    // Records still in progress (the enclosing containers) are never in the queue, so they stay.
    const queue = this.ended.get(pipelineRunId);
    if (!queue || queue.head >= queue.ids.length) return;
    const id = queue.ids[queue.head++];
    queue.seen.delete(id);
    if (queue.head > 1024 && queue.head * 2 > queue.ids.length) {
      queue.ids = queue.ids.slice(queue.head);
      queue.head = 0;
    }
    const record = runs.get(id);
    if (!record) return;
    runs.delete(id);
    let summary = this.dropped.get(pipelineRunId);
    if (!summary) this.dropped.set(pipelineRunId, (summary = { count: 0, byActivity: {} }));
    summary.count++;
    const counts = (summary.byActivity[record.activityName] ??= {});
    counts[record.status] = (counts[record.status] ?? 0) + 1;
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
