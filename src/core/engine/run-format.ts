// Plain-text rendering of run records, shared by the CLI and the VS Code output channel.
import type { ActivityRunRecord, PipelineRunRecord } from './types';

const MARKERS: Record<string, string> = {
  Succeeded: 'OK       ',
  Failed: 'FAILED   ',
  Skipped: 'SKIPPED  ',
  Cancelled: 'CANCELLED',
  InProgress: 'RUNNING  ',
  Queued: 'QUEUED   ',
};

export interface FormatOptions {
  /** Also print input and output JSON (one line each). */
  showInputOutput?: boolean;
}

/** Lines for one ended activity run, indented by its container depth. */
export function formatActivityRun(run: ActivityRunRecord, options: FormatOptions = {}): string[] {
  const indent = '  '.repeat(run.parentActivityRunIds?.length ?? 0);
  const duration = run.durationInMs !== undefined ? `  ${formatDuration(run.durationInMs)}` : '';
  const lines = [`${indent}${MARKERS[run.status] ?? run.status} ${run.activityName} (${run.activityType})${duration}`];
  if (run.error) lines.push(`${indent}    ${run.error.errorCode}: ${run.error.message}`);
  if (options.showInputOutput) {
    if (run.input !== undefined) lines.push(`${indent}    input:  ${oneLine(run.input)}`);
    if (run.output !== undefined) lines.push(`${indent}    output: ${oneLine(run.output)}`);
  }
  return lines;
}

export function formatPipelineRun(run: PipelineRunRecord): string {
  const duration = run.durationInMs !== undefined ? ` in ${formatDuration(run.durationInMs)}` : '';
  return `Pipeline ${run.pipelineName} run ${run.runId}: ${run.status}${duration}${run.message ? `\n  ${run.message}` : ''}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function oneLine(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 2000 ? `${text.slice(0, 2000)}...` : text;
}
