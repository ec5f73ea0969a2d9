// Batch jobs of the emulated endpoints: status moves through the service's values to the seeded
// outcome, either with time (jobSeconds / timeScale) or with status polls (jobPolls).
import { TERMINAL_JOB_STATUSES as JOB_END_STATES } from '../../src/core/pipeline';
import type { BatchJob, JobBehaviour } from './world-types';

export type BatchJobStatus =
  | 'NotStarted'
  | 'Starting'
  | 'Provisioning'
  | 'Preparing'
  | 'Queued'
  | 'Running'
  | 'Finalizing'
  | 'CancelRequested'
  | 'Completed'
  | 'Failed'
  | 'Canceled'
  | 'NotResponding'
  | 'Paused'
  | 'Unknown';

/** The statuses a job ends in: the same list the generated pipeline's loop waits for. */
export const TERMINAL_JOB_STATUSES: readonly BatchJobStatus[] = JOB_END_STATES;

const STATUS_PATHS: Record<JobBehaviour['outcome'], BatchJobStatus[]> = {
  Completed: ['NotStarted', 'Queued', 'Running', 'Finalizing', 'Completed'],
  Failed: ['NotStarted', 'Queued', 'Running', 'Failed'],
  Canceled: ['NotStarted', 'Queued', 'Running', 'CancelRequested', 'Canceled'],
};

/** Status of a job now (after `job.polls` status reads). */
export function jobStatus(job: BatchJob, now: number): BatchJobStatus {
  const path = STATUS_PATHS[job.behaviour.outcome];
  const last = path.length - 1;
  const polls = job.behaviour.polls;
  const fraction =
    polls !== undefined ? job.polls / polls : job.durationMs <= 0 ? 1 : (now - job.createdAt) / job.durationMs;
  if (fraction >= 1) return path[last]!;
  let index = Math.floor(fraction * last);
  // With few polls, show the statuses just before the outcome (Finalizing, CancelRequested) rather than skip them.
  if (polls !== undefined && job.polls > 0) index = Math.max(index, last - (polls - job.polls));
  return path[Math.min(last - 1, Math.max(0, index))]!;
}

/** The job resource as the batch endpoint returns it. */
export function jobResource(job: BatchJob, status: BatchJobStatus, studioUrl: string): Record<string, unknown> {
  const ws = job.endpoint.workspace;
  const properties: Record<string, unknown> = {
    description: null,
    tags: {},
    properties: {
      'azureml.batchrun': 'true',
      'azureml.deploymentname': job.deployment.name,
      'azureml.endpointname': job.endpoint.name,
    },
    displayName: job.name,
    status,
    experimentName: job.endpoint.name,
    services: {
      Studio: { jobServiceType: 'Studio', endpoint: `${studioUrl}/runs/${job.name}?wsid=${encodeURIComponent(ws.id)}` },
    },
    computeId: job.deployment.seed.compute ?? null,
    isArchived: false,
    jobType: 'Pipeline',
    creationContext: { createdAt: new Date(job.createdAt).toISOString(), createdBy: job.submittedBy },
  };
  if (status === 'Failed') properties.error = { code: 'UserError', message: job.behaviour.error };
  // The data plane's BatchJob model (2020-09-01-dataplanepreview) names them inputData / outputData.
  properties.inputData = Object.fromEntries(
    Object.entries(job.inputs).map(([k, v]) => [k, { jobInputType: v.type, uri: v.uri }]),
  );
  properties.outputData = Object.fromEntries(
    Object.entries(job.outputs).map(([k, v]) => [k, { jobOutputType: v.type, uri: v.uri }]),
  );
  const terminal = TERMINAL_JOB_STATUSES.includes(status);
  // lastModifiedAt: when a finished job last changed, i.e. when it ended (the emulator's way to give a duration).
  const modified = terminal && job.behaviour.polls === undefined ? job.createdAt + job.durationMs : Date.now();
  return {
    id: `${ws.id}/jobs/${job.name}`,
    name: job.name,
    type: 'Microsoft.MachineLearningServices/workspaces/jobs',
    properties,
    systemData: {
      createdAt: new Date(job.createdAt).toISOString(),
      createdBy: job.submittedBy,
      createdByType: 'Application',
      lastModifiedAt: new Date(Math.min(modified, Date.now())).toISOString(),
    },
  };
}
