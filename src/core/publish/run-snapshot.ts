// What a pipeline run looks like at one moment: its status, its activity runs (a loop's iterations folded into
// one row per activity), and the batch job it started (name from the invoke, status from the latest status check).
import { ACTIVITY } from '../pipeline';
import { mlStudioJobUrl } from './links';

export interface PipelineRunFacts {
  runId: string;
  status: string;
  message?: string;
  runStart?: string;
  runEnd?: string;
  durationInMs?: number;
}

export interface ActivityRunFacts {
  activityName: string;
  activityType: string;
  status: string;
  activityRunStart?: string;
  activityRunEnd?: string;
  durationInMs?: number;
  output?: unknown;
  error?: { message?: string; errorCode?: string };
}

export interface ActivityRow {
  name: string;
  type: string;
  status: string;
  /** How many times it ran (iterations of the polling loop). */
  runs: number;
  start?: string;
  end?: string;
  durationMs?: number;
  error?: string;
}

export interface BatchJobView {
  name: string;
  status?: string;
  error?: string;
  /** The job in Azure ML Studio, when the cloud has a Studio. */
  studioUrl?: string;
}

export interface RunSnapshot {
  runId: string;
  status: string;
  message: string;
  done: boolean;
  start?: string;
  end?: string;
  durationMs?: number;
  activities: ActivityRow[];
  job?: BatchJobView;
}

export interface SnapshotContext {
  /** For the Studio link of the job. */
  mlStudioUrl?: string;
  workspaceId?: string;
  tenantId?: string;
}

/** Pipeline run statuses after which nothing changes any more. */
export const TERMINAL_RUN_STATUSES: readonly string[] = ['Succeeded', 'Failed', 'Cancelled'];

export function snapshotRun(
  run: PipelineRunFacts,
  activityRuns: readonly ActivityRunFacts[],
  context: SnapshotContext = {},
): RunSnapshot {
  const ordered = [...activityRuns].sort((a, b) => (a.activityRunStart ?? '').localeCompare(b.activityRunStart ?? ''));
  const rows = new Map<string, ActivityRow>();
  for (const a of ordered) {
    const previous = rows.get(a.activityName);
    const error = a.error?.message?.trim() || undefined;
    rows.set(a.activityName, {
      name: a.activityName,
      type: a.activityType,
      status: a.status,
      runs: (previous?.runs ?? 0) + 1,
      start: previous?.start ?? a.activityRunStart,
      end: a.activityRunEnd ?? undefined,
      durationMs: a.durationInMs ?? undefined,
      ...(error ? { error } : {}),
    });
  }
  const snapshot: RunSnapshot = {
    runId: run.runId,
    status: run.status,
    message: run.message ?? '',
    done: TERMINAL_RUN_STATUSES.includes(run.status),
    start: run.runStart,
    end: run.runEnd,
    durationMs: run.durationInMs,
    activities: [...rows.values()],
  };
  const job = batchJob(ordered, context);
  if (job) snapshot.job = job;
  return snapshot;
}

function batchJob(ordered: readonly ActivityRunFacts[], context: SnapshotContext): BatchJobView | undefined {
  const invoke = [...ordered].reverse().find((a) => a.activityName === ACTIVITY.invoke && isObject(a.output));
  if (!invoke) return undefined;
  const output = invoke.output as { name?: unknown; id?: unknown; properties?: { status?: unknown } };
  const name =
    typeof output.name === 'string'
      ? output.name
      : typeof output.id === 'string'
        ? (output.id.split('/').pop() ?? '')
        : '';
  if (!name) return undefined;
  const check = [...ordered].reverse().find((a) => a.activityName === ACTIVITY.checkStatus && isObject(a.output));
  const source = (check?.output ?? output) as {
    properties?: { status?: unknown; error?: { message?: unknown } };
    error?: { message?: unknown };
  };
  const status = typeof source.properties?.status === 'string' ? source.properties.status : undefined;
  const errorMessage = source.properties?.error?.message ?? source.error?.message;
  const job: BatchJobView = {
    name,
    ...(status ? { status } : {}),
    ...(typeof errorMessage === 'string' && errorMessage ? { error: errorMessage } : {}),
  };
  if (context.mlStudioUrl && context.workspaceId) {
    job.studioUrl = mlStudioJobUrl(context.mlStudioUrl, name, context.workspaceId, context.tenantId);
  }
  return job;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
