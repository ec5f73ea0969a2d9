// Seeded history: past pipeline runs of a factory and past batch jobs of an endpoint, so a fresh emulator
// (and `npm start`) already shows recent runs, one failed, and jobs. Times are relative to the emulator's start.
import { TERMINAL_JOB_STATUSES } from '../../src/core/pipeline';

/** How a seeded job ends: one of the statuses the generated pipeline waits for. */
export type JobOutcome = (typeof TERMINAL_JOB_STATUSES)[number];

export interface SeedPastActivityRun {
  activityName: string;
  activityType: string;
  status: 'Succeeded' | 'Failed' | 'Skipped' | 'Cancelled';
  /** Seconds after the run's start. Default: right after the previous activity run. */
  offsetSeconds?: number;
  /** Default 10. */
  durationSeconds?: number;
  output?: unknown;
  /** Error message of a Failed activity run. */
  error?: string;
}

export interface SeedPastRun {
  /** Default: a new GUID. */
  runId?: string;
  pipelineName: string;
  status: 'Succeeded' | 'Failed' | 'Cancelled';
  /** How long before the emulator's start the run began. */
  startedMinutesAgo: number;
  /** Default: the activity runs' span, or 60. */
  durationSeconds?: number;
  parameters?: Record<string, unknown>;
  message?: string;
  activityRuns?: SeedPastActivityRun[];
}

export interface SeedPastJob {
  /** Default `batchjob-<guid>`. */
  name?: string;
  /** Default: the endpoint's default deployment (else its first). */
  deployment?: string;
  status: JobOutcome;
  startedMinutesAgo: number;
  /** Default 60. */
  durationSeconds?: number;
  inputUri?: string;
  outputUri?: string;
  error?: string;
}

type Json = Record<string, unknown>;

/** Problems of a factory's `runs` (pipeline names must exist among the seeded pipelines). */
export function pastRunProblems(runs: unknown, path: string, pipelineNames: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (runs === undefined) return problems;
  if (!Array.isArray(runs)) return [`${path}: expected an array`];
  runs.forEach((r, i) => {
    const at = `${path}[${i}]`;
    if (!isJson(r)) return problems.push(`${at}: expected an object`);
    unknownKeys(
      r,
      at,
      [
        'runId',
        'pipelineName',
        'status',
        'startedMinutesAgo',
        'durationSeconds',
        'parameters',
        'message',
        'activityRuns',
      ],
      problems,
    );
    if (typeof r.pipelineName !== 'string' || !pipelineNames.has(r.pipelineName.toLowerCase()))
      problems.push(
        `${at}.pipelineName: expected the name of a seeded pipeline of this factory, got ${JSON.stringify(r.pipelineName)}`,
      );
    if (!['Succeeded', 'Failed', 'Cancelled'].includes(String(r.status)))
      problems.push(`${at}.status: expected "Succeeded", "Failed" or "Cancelled"`);
    if (!isNonNegative(r.startedMinutesAgo)) problems.push(`${at}.startedMinutesAgo: expected a number >= 0`);
    if (r.durationSeconds !== undefined && !isNonNegative(r.durationSeconds))
      problems.push(`${at}.durationSeconds: expected a number >= 0`);
    if (!Array.isArray(r.activityRuns ?? [])) return problems.push(`${at}.activityRuns: expected an array`);
    ((r.activityRuns ?? []) as unknown[]).forEach((a, j) => {
      const aat = `${at}.activityRuns[${j}]`;
      if (!isJson(a)) return problems.push(`${aat}: expected an object`);
      unknownKeys(
        a,
        aat,
        ['activityName', 'activityType', 'status', 'offsetSeconds', 'durationSeconds', 'output', 'error'],
        problems,
      );
      if (typeof a.activityName !== 'string' || typeof a.activityType !== 'string')
        problems.push(`${aat}: activityName and activityType must be strings`);
      if (!['Succeeded', 'Failed', 'Skipped', 'Cancelled'].includes(String(a.status)))
        problems.push(`${aat}.status: expected "Succeeded", "Failed", "Skipped" or "Cancelled"`);
      return undefined;
    });
    return undefined;
  });
  return problems;
}

/** Problems of an endpoint's `jobs`. */
export function pastJobProblems(jobs: unknown, path: string, deploymentNames: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (jobs === undefined) return problems;
  if (!Array.isArray(jobs)) return [`${path}: expected an array`];
  jobs.forEach((j, i) => {
    const at = `${path}[${i}]`;
    if (!isJson(j)) return problems.push(`${at}: expected an object`);
    unknownKeys(
      j,
      at,
      ['name', 'deployment', 'status', 'startedMinutesAgo', 'durationSeconds', 'inputUri', 'outputUri', 'error'],
      problems,
    );
    if (!(TERMINAL_JOB_STATUSES as readonly string[]).includes(String(j.status)))
      problems.push(`${at}.status: expected ${TERMINAL_JOB_STATUSES.map((s) => `"${s}"`).join(', ')}`);
    if (!isNonNegative(j.startedMinutesAgo)) problems.push(`${at}.startedMinutesAgo: expected a number >= 0`);
    if (
      j.deployment !== undefined &&
      (typeof j.deployment !== 'string' || !deploymentNames.has(j.deployment.toLowerCase()))
    )
      problems.push(`${at}.deployment: not among the endpoint's deployments`);
    return undefined;
  });
  return problems;
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonNegative(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function unknownKeys(obj: Json, path: string, keys: readonly string[], problems: string[]): void {
  for (const key of Object.keys(obj))
    if (!keys.includes(key) && key !== 'description' && !key.startsWith('$') && !key.startsWith('_'))
      problems.push(`${path}.${key}: unknown field (known here: ${keys.join(', ')})`);
}
