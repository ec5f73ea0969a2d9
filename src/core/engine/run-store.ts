// Keeps the pipeline and activity run records of an engine and tells listeners about every change.
// Records are copied in and out, so nobody can change history behind the store's back.
import type { ActivityRunRecord, EngineEvent, PipelineRunRecord } from './types';

export type EngineEventListener = (event: EngineEvent) => void;

export class RunStore {
  private readonly pipelineRuns = new Map<string, PipelineRunRecord>();
  private readonly activityRuns = new Map<string, Map<string, ActivityRunRecord>>();
  private readonly listeners = new Set<EngineEventListener>();

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
    this.emit({ kind: 'activityRun', run: structuredClone(copy) });
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
