// The runs the "Pipeline Runs" view follows, kept in workspace state so a window reload keeps them: run ids, their
// factory, pipeline, source and last status; never parameters, tokens or secrets (toStoredRuns keeps known fields).
import type * as vscode from 'vscode';
import { addTrackedRun, readTrackedRuns, toStoredRuns, type TrackedRun } from '../../core/factory';

export const TRACKED_RUNS_KEY = 'adfBatchEndpoints.trackedRuns';

export class RunStore {
  constructor(private readonly memento: vscode.Memento) {}

  all(): TrackedRun[] {
    return readTrackedRuns(this.memento.get<unknown>(TRACKED_RUNS_KEY));
  }

  async add(run: TrackedRun): Promise<void> {
    await this.save(addTrackedRun(this.all(), run));
  }

  /** Records the last status seen (a finished run is not announced again after a reload). */
  async setStatus(runId: string, status: string): Promise<void> {
    const runs = this.all();
    if (!runs.some((r) => r.runId === runId && r.lastStatus !== status)) return;
    await this.save(runs.map((r) => (r.runId === runId ? { ...r, lastStatus: status } : r)));
  }

  async remove(runId: string): Promise<void> {
    await this.save(this.all().filter((r) => r.runId !== runId));
  }

  private async save(runs: readonly TrackedRun[]): Promise<void> {
    await this.memento.update(TRACKED_RUNS_KEY, toStoredRuns(runs));
  }
}
