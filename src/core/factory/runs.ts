// Pipeline runs as the sidebar and the runs view show them: statuses, durations, polling back-off.

export type PipelineRunStatusName =
  'Queued' | 'InProgress' | 'Succeeded' | 'Failed' | 'Canceling' | 'Cancelled' | string;

/** ADF pipeline run statuses that can still change. */
export function isActiveRunStatus(status: string | undefined): boolean {
  return status === 'Queued' || status === 'InProgress' || status === 'Canceling' || status === undefined;
}

/** Azure ML job statuses that are final (the data plane's terminal set). */
export function isTerminalJobStatus(status: string | undefined): boolean {
  return status === 'Completed' || status === 'Failed' || status === 'Canceled';
}

/** "850 ms", "42 s", "3 min 5 s", "2 h 4 min". */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** Duration of a run or activity run: the service's figure, or start to end, or start to now when active. */
export function runDurationMs(
  run: { durationInMs?: number | null; runStart?: Date | string | null; runEnd?: Date | string | null },
  now: Date = new Date(),
): number | undefined {
  if (typeof run.durationInMs === 'number') return run.durationInMs;
  const start = toTime(run.runStart);
  if (start === undefined) return undefined;
  return (toTime(run.runEnd) ?? now.getTime()) - start;
}

function toTime(value: Date | string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Codicon id for a status (pipeline runs, activity runs and batch jobs). */
export function statusIcon(status: string | undefined): string {
  switch (status) {
    case 'Succeeded':
    case 'Completed':
      return 'pass';
    case 'Failed':
      return 'error';
    case 'Cancelled':
    case 'Canceled':
      return 'circle-slash';
    case 'Skipped':
      return 'debug-step-over';
    case 'Queued':
    case 'NotStarted':
      return 'clock';
    default:
      return 'sync~spin';
  }
}

/**
 * Delay before the next status poll of an active run: 2 s, doubling, capped at 30 s. `attempt` counts
 * polls that saw no change; a change resets it (the caller passes 0).
 */
export function nextPollDelayMs(attempt: number, options: { firstMs?: number; maxMs?: number } = {}): number {
  const first = options.firstMs ?? 2000;
  const max = options.maxMs ?? 30_000;
  return Math.min(max, first * 2 ** Math.max(0, Math.min(attempt, 16)));
}
