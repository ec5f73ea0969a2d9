// Batch endpoint data plane at each scoring URI: POST a job (InputData/OutputData), GET its status.
import { randomUUID } from 'node:crypto';
import { JOB_INPUT_TYPES } from '../../../src/core/pipeline';
import { jobResource, jobStatus } from '../batch-jobs';
import { mlError } from '../errors';
import { header, isObject, jsonBody, ReplyError, type Reply } from '../http';
import type { Route, RouteContext } from '../router';
import { scopeCovers } from '../scopes';
import { outputKey } from '../state';
import type { BatchJob, DeploymentState, EndpointState, JobDataEntry, WorkspaceState } from '../world-types';

const INPUT_TYPES: readonly string[] = JOB_INPUT_TYPES;
const OUTPUT_TYPES = ['UriFile'];

function userError(status: number, message: string): ReplyError {
  return new ReplyError(mlError(status, 'UserError', message));
}

/** `azureml://datastores/<ds>/paths/<p>` or the long form with subscriptions/.../workspaces/<ws>/datastores/... */
function parseDatastoreUri(uri: string): { datastore: string; path: string } | undefined {
  const match =
    /^azureml:\/\/(?:subscriptions\/[^/]+\/resource[gG]roups\/[^/]+\/(?:providers\/Microsoft\.MachineLearningServices\/)?workspaces\/[^/]+\/)?datastores\/([^/]+)\/paths\/(.*)$/i.exec(
      uri,
    );
  return match ? { datastore: match[1]!, path: match[2]! } : undefined;
}

function dataEntries(
  value: unknown,
  field: 'InputData' | 'OutputData',
  typeKey: 'JobInputType' | 'JobOutputType',
  allowed: readonly string[],
): Record<string, JobDataEntry> {
  if (!isObject(value) || Object.keys(value).length === 0)
    throw userError(
      400,
      `properties.${field} must be an object with at least one named entry, e.g. {"${field === 'InputData' ? 'heart_dataset' : 'score'}": {"${typeKey}": "${allowed[0]}", "Uri": "..."}}.`,
    );
  const entries: Record<string, JobDataEntry> = {};
  for (const [name, entry] of Object.entries(value)) {
    if (!isObject(entry))
      throw userError(400, `properties.${field}.${name} must be an object with ${typeKey} and Uri.`);
    const type = entry[typeKey];
    if (typeof type !== 'string' || !allowed.includes(type)) {
      throw userError(
        400,
        `properties.${field}.${name}.${typeKey} is ${JSON.stringify(type)}; supported values: ${allowed.join(', ')}.`,
      );
    }
    const uri = entry.Uri;
    if (typeof uri !== 'string' || uri.trim() === '')
      throw userError(400, `properties.${field}.${name}.Uri must be a non-empty string.`);
    entries[name] = { type, uri };
  }
  return entries;
}

function checkInput(ws: WorkspaceState, name: string, entry: JobDataEntry): void {
  if (entry.uri.toLowerCase().startsWith('azureml://')) {
    const parsed = parseDatastoreUri(entry.uri);
    if (!parsed)
      throw userError(
        400,
        `Input '${name}': '${entry.uri}' is not a datastore path; expected azureml://datastores/<datastore>/paths/<path>.`,
      );
    if (!ws.datastores.has(parsed.datastore.toLowerCase()))
      throw userError(
        400,
        `Input '${name}': datastore '${parsed.datastore}' does not exist in workspace '${ws.name}'.`,
      );
    return;
  }
  if (!/^(https|abfss|wasbs):\/\//i.test(entry.uri)) {
    throw userError(
      400,
      `Input '${name}': unsupported URI '${entry.uri}'. Use azureml://datastores/<datastore>/paths/<path>, or an https/abfss storage URL.`,
    );
  }
}

/** Validates an output and returns its key in the workspace's set of existing paths. */
function checkOutput(ws: WorkspaceState, name: string, entry: JobDataEntry): string {
  const parsed = parseDatastoreUri(entry.uri);
  if (!parsed)
    throw userError(
      400,
      `Output '${name}': '${entry.uri}' must be a file on a registered datastore: azureml://datastores/<datastore>/paths/<path>/<file>.`,
    );
  const datastore = ws.datastores.get(parsed.datastore.toLowerCase());
  if (!datastore)
    throw userError(400, `Output '${name}': datastore '${parsed.datastore}' does not exist in workspace '${ws.name}'.`);
  if (datastore.seed.type !== 'AzureBlob')
    throw userError(
      400,
      `Output '${name}': datastore '${datastore.name}' is of type ${datastore.seed.type}; batch job outputs support Azure Blob datastores only.`,
    );
  if (parsed.path === '' || parsed.path.endsWith('/'))
    throw userError(400, `Output '${name}': '${entry.uri}' names a folder; JobOutputType UriFile needs a file path.`);
  const key = outputKey(datastore.name, parsed.path);
  if (ws.existingOutputs.has(key)) {
    throw userError(
      400,
      `Output '${name}': the path already exists: ${entry.uri}. Batch jobs do not overwrite outputs; use a new output path for every job.`,
    );
  }
  return key;
}

function pickDeployment(ctx: RouteContext, endpoint: EndpointState): DeploymentState {
  const requested = header(ctx.req, 'azureml-model-deployment');
  if (requested) {
    const deployment = endpoint.deployments.get(requested.toLowerCase());
    if (!deployment)
      throw new ReplyError(
        mlError(404, 'NotFound', `Deployment '${requested}' not found in batch endpoint '${endpoint.name}'.`),
      );
    return deployment;
  }
  const name = endpoint.defaultDeployment;
  if (!name) {
    throw userError(
      400,
      `Batch endpoint '${endpoint.name}' has no default deployment, and the request names none in the 'azureml-model-deployment' header. Set a default deployment or pass the header.`,
    );
  }
  return endpoint.deployments.get(name.toLowerCase())!;
}

/** Roles that may submit batch jobs when the seed enforces data plane RBAC. */
const JOB_ROLES = new Set([
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  'b24988ac-6180-42a0-ab88-20f7382dd24c',
  'f6c7c914-8db3-469d-8ca1-694a8f32e121',
]);

function checkJobPermission(ctx: RouteContext, ws: WorkspaceState): void {
  const world = ctx.emulator.world;
  if (!world.seed.dataPlaneRbac) return;
  const oid = ctx.caller.oid.toLowerCase();
  const allowed = world.roleAssignments.some(
    (ra) => ra.principalId === oid && JOB_ROLES.has(ra.roleDefinitionGuid) && scopeCovers(ra.scope, ws.id),
  );
  if (!allowed) {
    throw new ReplyError(
      mlError(
        403,
        'AuthorizationFailed',
        `The principal '${ctx.caller.oid}' has no role on workspace '${ws.name}' that allows submitting batch jobs (Microsoft.MachineLearningServices/workspaces/jobs/write). Grant it AzureML Data Scientist (or Contributor/Owner) on the workspace.`,
      ),
    );
  }
}

function invoke(ctx: RouteContext, endpoint: EndpointState): Reply {
  const ws = endpoint.workspace;
  checkJobPermission(ctx, ws);
  const body = jsonBody(ctx.req, (message) => mlError(400, 'UserError', message));
  if (!isObject(body) || !isObject(body.properties)) {
    throw userError(400, 'The request body must be {"properties": {"InputData": {...}, "OutputData": {...}}}.');
  }
  const inputs = dataEntries(body.properties.InputData, 'InputData', 'JobInputType', INPUT_TYPES);
  const outputs =
    body.properties.OutputData === undefined
      ? {}
      : dataEntries(body.properties.OutputData, 'OutputData', 'JobOutputType', OUTPUT_TYPES);
  const deployment = pickDeployment(ctx, endpoint);
  if ((deployment.seed.provisioningState ?? 'Succeeded') !== 'Succeeded') {
    throw userError(
      400,
      `Deployment '${deployment.name}' of batch endpoint '${endpoint.name}' is in state ${deployment.seed.provisioningState}; only Succeeded deployments run jobs.`,
    );
  }
  for (const [name, entry] of Object.entries(inputs)) checkInput(ws, name, entry);
  const outputKeys = Object.entries(outputs).map(([name, entry]) => checkOutput(ws, name, entry));
  for (const key of outputKeys) ws.existingOutputs.add(key);
  const behaviour = ctx.emulator.world.jobBehaviour(endpoint, deployment);
  const job: BatchJob = {
    name: `batchjob-${randomUUID()}`,
    id: '',
    endpoint,
    deployment,
    createdAt: Date.now(),
    behaviour,
    durationMs: (behaviour.seconds * 1000) / ctx.emulator.timeScale,
    polls: 0,
    inputs,
    outputs,
    submittedBy: ctx.caller.oid,
  };
  job.id = `${ws.id}/jobs/${job.name}`;
  ws.jobs.set(job.name.toLowerCase(), job);
  return { status: 200, body: jobResource(job, jobStatus(job, Date.now()), ctx.emulator.cloud.mlStudioUrl) };
}

function getJob(ctx: RouteContext, endpoint: EndpointState, jobName: string): Reply {
  const job = endpoint.workspace.jobs.get(jobName.toLowerCase());
  if (!job || job.endpoint !== endpoint)
    throw new ReplyError(mlError(404, 'NotFound', `Job '${jobName}' not found in batch endpoint '${endpoint.name}'.`));
  job.polls += 1;
  return { status: 200, body: jobResource(job, jobStatus(job, Date.now()), ctx.emulator.cloud.mlStudioUrl) };
}

export type DataPlaneMatch = { route: Route; params: Record<string, string> };

/** Resolves a path under a scoring URI: the URI itself (invoke) or URI/<job> (status). */
export function matchDataPlane(
  endpoints: Map<string, EndpointState>,
  path: string,
  method: string,
): DataPlaneMatch | undefined {
  const normalized = path.replace(/\/+$/, '').toLowerCase();
  const endpoint = endpoints.get(normalized);
  if (endpoint && method === 'POST') {
    return {
      route: {
        id: 'ml.batchJobs.invoke',
        method: 'POST',
        pattern: endpoint.scoringUri,
        kind: 'ml',
        handle: (ctx) => invoke(ctx, endpoint),
      },
      params: {},
    };
  }
  const slash = normalized.lastIndexOf('/');
  const parent = endpoints.get(normalized.slice(0, slash));
  if (parent && method === 'GET') {
    const jobName = decodeURIComponent(path.replace(/\/+$/, '').slice(slash + 1));
    return {
      route: {
        id: 'ml.batchJobs.get',
        method: 'GET',
        pattern: `${parent.scoringUri}/{jobName}`,
        kind: 'ml',
        handle: (ctx) => getJob(ctx, parent, jobName),
      },
      params: { jobName },
    };
  }
  return undefined;
}
