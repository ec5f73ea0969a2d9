// What the runs view keeps across window reloads: which runs it follows (ids and their factory), never
// parameters, tokens or secrets. Stored in workspace state; read back defensively (older or edited data).

export type RunSource = 'wizard' | 'tree' | 'dryRun' | 'rerun';

export interface TrackedRun {
  readonly runId: string;
  /** ARM id of the factory (Dry Run: the local file path). */
  readonly factoryId: string;
  readonly pipelineName: string;
  readonly source: RunSource;
  /** ISO time the run was started from VS Code. */
  readonly startedAt: string;
  /** Tenant of the factory's subscription, to pick the credential. */
  readonly tenantId?: string;
  /** Last outcome seen; a run finished before a reload is not announced again. */
  readonly lastStatus?: string;
  /** The run this one reruns (Rerun / Rerun from Failed Activity). */
  readonly referenceRunId?: string;
}

/** A run to follow, as a feature that started it reports it (the view stamps startedAt when absent). */
export type NewTrackedRun = Omit<TrackedRun, 'startedAt'> & { startedAt?: string };

/** Where features report the runs they start: the "Pipeline Runs" view follows them (src/factory-actions/runs-view). */
export interface RunTracker {
  track(run: NewTrackedRun): Promise<void>;
}

const SOURCES: readonly RunSource[] = ['wizard', 'tree', 'dryRun', 'rerun'];
/** Runs kept; older ones drop off. */
export const MAX_TRACKED_RUNS = 50;

/** Reads stored runs, dropping entries that are not well-formed. Never throws. */
export function readTrackedRuns(stored: unknown): TrackedRun[] {
  if (!Array.isArray(stored)) return [];
  const runs: TrackedRun[] = [];
  for (const item of stored) {
    if (!item || typeof item !== 'object') continue;
    const r = item as Record<string, unknown>;
    if (typeof r.runId !== 'string' || typeof r.factoryId !== 'string' || typeof r.pipelineName !== 'string') continue;
    const source = SOURCES.includes(r.source as RunSource) ? (r.source as RunSource) : 'tree';
    runs.push({
      runId: r.runId,
      factoryId: r.factoryId,
      pipelineName: r.pipelineName,
      source,
      startedAt: typeof r.startedAt === 'string' ? r.startedAt : new Date(0).toISOString(),
      ...(typeof r.tenantId === 'string' ? { tenantId: r.tenantId } : {}),
      ...(typeof r.lastStatus === 'string' ? { lastStatus: r.lastStatus } : {}),
      ...(typeof r.referenceRunId === 'string' ? { referenceRunId: r.referenceRunId } : {}),
    });
  }
  return runs.slice(0, MAX_TRACKED_RUNS);
}

/** The list to store: only the known fields (so nothing else, such as parameters, is ever written). */
export function toStoredRuns(runs: readonly TrackedRun[]): TrackedRun[] {
  return readTrackedRuns(runs.map((r) => ({ ...r })));
}

/** Adds a run at the top (replacing an entry with the same id), keeping at most MAX_TRACKED_RUNS. */
export function addTrackedRun(runs: readonly TrackedRun[], run: TrackedRun): TrackedRun[] {
  return [run, ...runs.filter((r) => r.runId.toLowerCase() !== run.runId.toLowerCase())].slice(0, MAX_TRACKED_RUNS);
}
