// Seeded history turned into records: the finished pipeline runs and batch jobs a fresh emulator starts with.
import { randomUUID } from 'node:crypto';
import { SecretRedactor } from '../../src/core/engine';
import type { SeedPastJob, SeedPastRun } from './seed-history';
import type {
  ActivityRunRecord,
  ActivityRunStatus,
  BatchJob,
  EndpointState,
  FactoryState,
  JobDataEntry,
  PipelineRunState,
} from './world-types';

/** A finished run as the run store keeps it. */
export function pastRun(factory: FactoryState, seed: SeedPastRun, now: number): PipelineRunState {
  const runId = (seed.runId ?? randomUUID()).toLowerCase();
  const start = now - seed.startedMinutesAgo * 60_000;
  const activityRuns: ActivityRunRecord[] = [];
  let cursor = start + 1000;
  for (const a of seed.activityRuns ?? []) {
    const begin = a.offsetSeconds !== undefined ? start + a.offsetSeconds * 1000 : cursor;
    const end = begin + (a.durationSeconds ?? 10) * 1000;
    cursor = end + 500;
    activityRuns.push({
      activityRunId: randomUUID(),
      pipelineRunId: runId,
      pipelineName: seed.pipelineName,
      activityName: a.activityName,
      activityType: a.activityType,
      status: a.status as ActivityRunStatus,
      activityRunStart: new Date(begin),
      activityRunEnd: new Date(end),
      input: {},
      output: a.output ?? {},
      ...(a.status === 'Failed'
        ? {
            error: {
              errorCode: '2011',
              message: a.error ?? 'The activity failed.',
              failureType: 'UserError' as const,
              target: a.activityName,
            },
          }
        : {}),
    });
  }
  const end =
    seed.durationSeconds !== undefined ? start + seed.durationSeconds * 1000 : Math.max(cursor, start + 60_000);
  const failed = activityRuns.find((a) => a.status === 'Failed');
  return {
    runId,
    runGroupId: runId,
    pipelineName: factory.pipelines.get(seed.pipelineName.toLowerCase())?.name ?? seed.pipelineName,
    parameters: seed.parameters ?? {},
    secureParameters: [],
    status: seed.status,
    message:
      seed.message ??
      (seed.status === 'Failed' && failed
        ? `Operation on target ${failed.activityName} failed: ${failed.error?.message}`
        : ''),
    runStart: new Date(start),
    runEnd: new Date(end),
    lastUpdated: new Date(end),
    invokedBy: { name: 'Nightly', id: randomUUID().replace(/-/g, ''), invokedByType: 'ScheduleTrigger' },
    activityRuns,
    factory,
    redactor: new SecretRedactor(),
    controller: new AbortController(),
    isLatest: true,
  };
}

/** A finished batch job as the job store keeps it. */
export function pastJob(endpoint: EndpointState, seed: SeedPastJob, now: number): BatchJob {
  const deploymentName = (
    seed.deployment ??
    endpoint.defaultDeployment ??
    [...endpoint.deployments.values()][0]?.name ??
    ''
  ).toLowerCase();
  const deployment = endpoint.deployments.get(deploymentName)!;
  const name = seed.name ?? `batchjob-${randomUUID()}`;
  const entry = (type: string, uri: string | undefined): Record<string, JobDataEntry> =>
    uri ? { [type === 'UriFile' ? 'score' : 'input_data']: { type, uri } } : {};
  return {
    name,
    id: `${endpoint.workspace.id}/jobs/${name}`,
    endpoint,
    deployment,
    createdAt: now - seed.startedMinutesAgo * 60_000,
    behaviour: { outcome: seed.status, error: seed.error ?? 'Execution failed.', seconds: seed.durationSeconds ?? 60 },
    durationMs: (seed.durationSeconds ?? 60) * 1000,
    polls: 0,
    inputs: entry('UriFolder', seed.inputUri),
    outputs: entry('UriFile', seed.outputUri),
    submittedBy: 'seed',
  };
}
