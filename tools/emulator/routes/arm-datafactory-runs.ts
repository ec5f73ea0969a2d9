// Microsoft.DataFactory runs: createRun, pipeline run get/cancel/query, activity run query.
import { failArm, resourceNotFound } from '../errors';
import { isObject, json, jsonBody, type Reply } from '../http';
import { factoryOf } from '../lookup';
import { readRecoveryQuery, recoveryPlan } from '../recovery';
import type { Route, RouteContext } from '../router';
import type { ActivityRunRecord, PipelineRunState } from '../world-types';

type MakeRoute = (id: string, method: Route['method'], pattern: string, handle: Route['handle']) => Route;

const MASK = '**********';

function badRequest(message: string): Reply {
  return { status: 400, body: { error: { code: 'BadRequest', message } } };
}

function createRun(ctx: RouteContext): Reply {
  const factory = factoryOf(ctx);
  const name = ctx.params.pipelineName!;
  const pipeline = factory.pipelines.get(name.toLowerCase());
  if (!pipeline)
    resourceNotFound(`Microsoft.DataFactory/factories/${factory.name}/pipelines`, name, factory.resourceGroup.name);
  const body = jsonBody(ctx.req, badRequest) ?? {};
  if (!isObject(body)) failArm(400, 'BadRequest', 'The request body must be a JSON object of parameter values.');
  let given: Record<string, unknown> = body;
  const recoveryQuery = readRecoveryQuery(ctx.req.query);
  const recovery = recoveryPlan(factory, pipeline, recoveryQuery);
  const reference = recoveryQuery.referencePipelineRunId;
  if (reference && Object.keys(given).length === 0) {
    // A rerun without parameters reuses the referenced run's values.
    given = factory.runs.get(reference.toLowerCase())?.parameters ?? {};
  }
  const declared = isObject(pipeline.properties.parameters) ? pipeline.properties.parameters : {};
  const parameters: Record<string, unknown> = {};
  const secure: string[] = [];
  for (const [param, spec] of Object.entries(declared)) {
    const definition = isObject(spec) ? spec : {};
    if (String(definition.type ?? '').toLowerCase() === 'securestring') secure.push(param);
    if (param in given) parameters[param] = given[param];
    else if ('defaultValue' in definition) parameters[param] = definition.defaultValue;
    else
      failArm(
        400,
        'BadRequest',
        `The required pipeline parameter '${param}' of pipeline '${pipeline.name}' has no value and no default value.`,
      );
  }
  for (const [param, value] of Object.entries(given)) if (!(param in parameters)) parameters[param] = value;
  const run = ctx.emulator.runs.create(factory, pipeline, parameters, secure, recovery);
  return json(200, { runId: run.runId });
}

function runOf(ctx: RouteContext): PipelineRunState {
  const factory = factoryOf(ctx);
  const runId = ctx.params.runId!;
  const run = factory.runs.get(runId.toLowerCase());
  if (!run)
    resourceNotFound(`Microsoft.DataFactory/factories/${factory.name}/pipelineruns`, runId, factory.resourceGroup.name);
  return run;
}

function duration(start: Date, end: Date | undefined): number | undefined {
  return end ? end.getTime() - start.getTime() : undefined;
}

function runResource(run: PipelineRunState): Record<string, unknown> {
  const parameters = Object.fromEntries(
    Object.entries(run.parameters).map(([k, v]) => [
      k,
      run.secureParameters.includes(k) ? MASK : typeof v === 'string' ? v : JSON.stringify(v),
    ]),
  );
  return {
    id: `${run.factory.id}/pipelineruns/${run.runId}`,
    runId: run.runId,
    debugRunId: null,
    runGroupId: run.runGroupId,
    pipelineName: run.pipelineName,
    parameters,
    runDimensions: {},
    invokedBy: run.invokedBy,
    runStart: run.runStart.toISOString(),
    runEnd: run.runEnd?.toISOString() ?? null,
    durationInMs: duration(run.runStart, run.runEnd) ?? null,
    status: run.status,
    message: run.message,
    lastUpdated: run.lastUpdated.toISOString(),
    annotations: [],
    isLatest: run.isLatest,
  };
}

function activityRunResource(a: ActivityRunRecord): Record<string, unknown> {
  return {
    activityRunEnd: a.activityRunEnd?.toISOString() ?? null,
    activityName: a.activityName,
    activityRunStart: a.activityRunStart.toISOString(),
    activityType: a.activityType,
    durationInMs: duration(a.activityRunStart, a.activityRunEnd) ?? null,
    retryAttempt: null,
    error: a.error
      ? { ...a.error, details: '' }
      : { errorCode: '', message: '', failureType: '', target: a.activityName, details: '' },
    activityRunId: a.activityRunId,
    iterationHash: '',
    input: a.input,
    linkedServiceName: a.linkedServiceName ?? '',
    output: a.output,
    userProperties: {},
    pipelineName: a.pipelineName,
    pipelineRunId: a.pipelineRunId,
    status: a.status,
    recoveryStatus: 'None',
    integrationRuntimeNames: ['defaultintegrationruntime'],
    executionDetails: {
      integrationRuntime: [{ name: 'DefaultIntegrationRuntime', type: 'Managed', location: 'East US' }],
    },
  };
}

interface RunFilter {
  after: number;
  before: number;
  filters: Array<{ operand: string; operator: string; values: string[] }>;
  orderBy: Array<{ orderBy: string; order: string }>;
  offset: number;
}

function runFilter(ctx: RouteContext): RunFilter {
  const body = jsonBody(ctx.req, badRequest);
  if (!isObject(body)) failArm(400, 'BadRequest', 'The request body must be a RunFilterParameters object.');
  const time = (key: string): number => {
    const value = body[key];
    const ms = typeof value === 'string' ? Date.parse(value) : NaN;
    if (Number.isNaN(ms)) failArm(400, 'BadRequest', `'${key}' is required and must be a date-time.`);
    return ms;
  };
  const offset =
    body.continuationToken === undefined || body.continuationToken === null ? 0 : Number(body.continuationToken);
  if (!Number.isInteger(offset) || offset < 0)
    failArm(400, 'BadRequest', `The continuationToken '${String(body.continuationToken)}' is not valid.`);
  const filters = Array.isArray(body.filters)
    ? body.filters.filter(isObject).map((f) => ({
        operand: String(f.operand),
        operator: String(f.operator),
        values: Array.isArray(f.values) ? f.values.map(String) : [],
      }))
    : [];
  const orderBy = Array.isArray(body.orderBy)
    ? body.orderBy.filter(isObject).map((o) => ({ orderBy: String(o.orderBy), order: String(o.order ?? 'ASC') }))
    : [];
  return { after: time('lastUpdatedAfter'), before: time('lastUpdatedBefore'), filters, orderBy, offset };
}

function passes(filter: RunFilter['filters'][number], value: string | undefined): boolean {
  const hit = filter.values.some((v) => v.toLowerCase() === (value ?? '').toLowerCase());
  switch (filter.operator) {
    case 'Equals':
    case 'In':
      return hit;
    case 'NotEquals':
    case 'NotIn':
      return !hit;
    default:
      return failArm(400, 'BadRequest', `Unsupported filter operator '${filter.operator}'.`);
  }
}

function query<T>(
  ctx: RouteContext,
  filter: RunFilter,
  items: T[],
  fields: Record<string, (item: T) => string | undefined>,
  updated: (item: T) => number,
): Reply {
  let selected = items.filter((item) => updated(item) >= filter.after && updated(item) <= filter.before);
  for (const f of filter.filters) {
    const field = fields[f.operand];
    if (!field)
      failArm(
        400,
        'BadRequest',
        `Unsupported filter operand '${f.operand}'. Supported: ${Object.keys(fields).join(', ')}.`,
      );
    selected = selected.filter((item) => passes(f, field(item)));
  }
  const order = filter.orderBy[0];
  if (order) {
    const field = fields[order.orderBy];
    if (field)
      selected.sort(
        (a, b) => (field(a) ?? '').localeCompare(field(b) ?? '') * (order.order.toUpperCase() === 'DESC' ? -1 : 1),
      );
  }
  const size = ctx.emulator.pageSize;
  const value = selected.slice(filter.offset, filter.offset + size);
  const more = filter.offset + size < selected.length;
  return { status: 200, body: { value, ...(more ? { continuationToken: String(filter.offset + size) } : {}) } };
}

function queryActivityRuns(ctx: RouteContext): Reply {
  const run = runOf(ctx);
  const filter = runFilter(ctx);
  const reply = query(
    ctx,
    filter,
    [...run.activityRuns].sort((a, b) => a.activityRunStart.getTime() - b.activityRunStart.getTime()),
    {
      ActivityName: (a) => a.activityName,
      ActivityType: (a) => a.activityType,
      Status: (a) => a.status,
      ActivityRunStart: (a) => a.activityRunStart.toISOString(),
      ActivityRunEnd: (a) => a.activityRunEnd?.toISOString(),
    },
    (a) => (a.activityRunEnd ?? a.activityRunStart).getTime(),
  );
  const body = reply.body as { value: ActivityRunRecord[] };
  return { ...reply, body: { ...body, value: body.value.map(activityRunResource) } };
}

function queryPipelineRuns(ctx: RouteContext): Reply {
  const factory = factoryOf(ctx);
  const filter = runFilter(ctx);
  const reply = query(
    ctx,
    filter,
    [...factory.runs.values()].sort((a, b) => a.runStart.getTime() - b.runStart.getTime()),
    {
      PipelineName: (r) => r.pipelineName,
      Status: (r) => r.status,
      RunGroupId: (r) => r.runGroupId,
      RunStart: (r) => r.runStart.toISOString(),
      RunEnd: (r) => r.runEnd?.toISOString(),
    },
    (r) => r.lastUpdated.getTime(),
  );
  const body = reply.body as { value: PipelineRunState[] };
  return { ...reply, body: { ...body, value: body.value.map(runResource) } };
}

export function factoryRunRoutes(factory: string, route: MakeRoute): Route[] {
  return [
    route('pipelines.createRun', 'POST', `${factory}/pipelines/{pipelineName}/createRun`, createRun),
    route('pipelineRuns.get', 'GET', `${factory}/pipelineruns/{runId}`, (ctx) => json(200, runResource(runOf(ctx)))),
    route('pipelineRuns.cancel', 'POST', `${factory}/pipelineruns/{runId}/cancel`, (ctx) => {
      ctx.emulator.runs.cancel(runOf(ctx));
      return { status: 200 };
    }),
    route('pipelineRuns.queryByFactory', 'POST', `${factory}/queryPipelineRuns`, queryPipelineRuns),
    route(
      'activityRuns.queryByPipelineRun',
      'POST',
      `${factory}/pipelineruns/{runId}/queryActivityruns`,
      queryActivityRuns,
    ),
  ];
}
