// The control API for tests at /_emulator/... (no token needed; never faulted, delayed or logged).
import { jobStatus } from './batch-jobs';
import { createEngineExecutor } from './engine-executor';
import { succeedingPipelineRunExecutor } from './pipeline-runs';
import { faultProblem, regexProblem, type FaultRule } from './faults';
import { isObject, json, jsonBody, ReplyError, type Reply } from './http';
import type { Route, RouteContext } from './router';
import { checkSeed, SeedError } from './seed';
import { VS_CODE_CLIENT_ID } from './users';

function bad(message: string): ReplyError {
  return new ReplyError(json(400, { error: { code: 'BadRequest', message } }));
}

function body(ctx: RouteContext): Record<string, unknown> {
  const value = jsonBody(ctx.req, (message) => json(400, { error: { code: 'BadRequest', message } }));
  if (!isObject(value)) throw bad('The request body must be a JSON object.');
  return value;
}

function addFault(ctx: RouteContext): Reply {
  const rule = body(ctx) as Partial<FaultRule>;
  const problem = faultProblem(rule);
  if (problem) throw bad(problem);
  return json(201, ctx.emulator.faults.addFault(rule as FaultRule));
}

function addLatency(ctx: RouteContext): Reply {
  const rule = body(ctx);
  if (typeof rule.ms !== 'number' || !Number.isFinite(rule.ms) || rule.ms < 0) throw bad('ms must be a number >= 0');
  const problem = regexProblem(rule.route);
  if (problem) throw bad(problem);
  ctx.emulator.faults.addLatency({
    ms: rule.ms,
    route: rule.route as string | undefined,
    method: typeof rule.method === 'string' ? rule.method : undefined,
  });
  return json(201, { latency: ctx.emulator.faults.listLatency() });
}

function setSeed(ctx: RouteContext): Reply {
  try {
    ctx.emulator.replaceSeed(checkSeed(body(ctx), 'POST /_emulator/seed'));
  } catch (error) {
    if (error instanceof SeedError)
      throw new ReplyError(
        json(400, { error: { code: 'InvalidSeed', message: error.message, problems: error.problems } }),
      );
    throw error;
  }
  return json(200, { ok: true });
}

function requests(ctx: RouteContext): Reply {
  const since = Number(ctx.req.query.get('since') ?? 0);
  if (!Number.isInteger(since) || since < 0) throw bad('since must be a non-negative integer');
  return json(200, { requests: ctx.emulator.log.list(since) });
}

function jobs(ctx: RouteContext): Reply {
  const now = Date.now();
  const all = [...ctx.emulator.world.subscriptions.values()].flatMap((s) =>
    [...s.resourceGroups.values()].flatMap((rg) => [...rg.workspaces.values()].flatMap((ws) => [...ws.jobs.values()])),
  );
  return json(200, {
    jobs: all.map((j) => ({
      name: j.name,
      workspaceId: j.endpoint.workspace.id,
      endpoint: j.endpoint.name,
      deployment: j.deployment.name,
      status: jobStatus(j, now),
      polls: j.polls,
      createdAt: new Date(j.createdAt).toISOString(),
      inputs: j.inputs,
      outputs: j.outputs,
      submittedBy: j.submittedBy,
    })),
  });
}

function pipelineRuns(ctx: RouteContext): Reply {
  const runs = [...ctx.emulator.world.factoriesByName.values()].flatMap((f) => [...f.runs.values()]);
  return json(200, {
    runs: runs.map((r) => ({
      runId: r.runId,
      factoryId: r.factory.id,
      pipelineName: r.pipelineName,
      status: r.status,
      message: r.message,
      runGroupId: r.runGroupId,
      activityRuns: r.activityRuns.map((a) => ({
        activityName: a.activityName,
        activityType: a.activityType,
        status: a.status,
      })),
    })),
  });
}

/** Which executor runs pipeline runs: the local engine (activities really run) or the default (succeeds, no activities). */
function setExecutor(ctx: RouteContext): Reply {
  const b = body(ctx);
  if (b.executor !== 'engine' && b.executor !== 'default') throw bad('executor must be "engine" or "default"');
  ctx.emulator.setPipelineRunExecutor(b.executor === 'engine' ? createEngineExecutor() : succeedingPipelineRunExecutor);
  return json(200, { executor: b.executor });
}

function token(ctx: RouteContext): Reply {
  const b = body(ctx);
  if (typeof b.audience !== 'string' || !b.audience) throw bad('audience is required');
  const sp = ctx.emulator.world.servicePrincipals[0];
  const lifetime = b.lifetimeSeconds === undefined ? undefined : Number(b.lifetimeSeconds);
  if (lifetime !== undefined && !Number.isFinite(lifetime))
    throw bad('lifetimeSeconds must be a number (negative for an expired token)');
  const accessToken = ctx.emulator.issueToken({
    audience: b.audience,
    tenantId:
      typeof b.tenantId === 'string' ? b.tenantId : (sp?.tenantId ?? [...ctx.emulator.world.tenants.keys()][0]!),
    objectId: typeof b.objectId === 'string' ? b.objectId : (sp?.objectId ?? '00000000-0000-0000-0000-000000000000'),
    appId: typeof b.appId === 'string' ? b.appId : (sp?.clientId ?? '00000000-0000-0000-0000-000000000000'),
    version: '2.0',
    lifetimeSeconds: lifetime,
  });
  return json(200, { accessToken });
}

/**
 * A seeded user's token (what the stand-in Microsoft account provider and the stand-in `az` ask for).
 * Refusals answer Entra ID's error body (AADSTS65001 consent_required, 50020 not a member, 50034 no such user).
 */
function userToken(ctx: RouteContext): Reply {
  const b = body(ctx);
  if (typeof b.user !== 'string' || !b.user) throw bad('user (user principal name or object id) is required');
  const audience = typeof b.audience === 'string' ? b.audience : typeof b.scope === 'string' ? b.scope : undefined;
  if (!audience) throw bad('audience (or scope) is required');
  const lifetime = b.lifetimeSeconds === undefined ? undefined : Number(b.lifetimeSeconds);
  if (lifetime !== undefined && !Number.isFinite(lifetime))
    throw bad('lifetimeSeconds must be a number (negative for an expired token)');
  const { token, claims, user } = ctx.emulator.issueUserToken({
    user: b.user,
    tenantId: typeof b.tenantId === 'string' && b.tenantId ? b.tenantId : undefined,
    audience,
    appId: typeof b.appId === 'string' ? b.appId : VS_CODE_CLIENT_ID,
    interactive: b.interactive === true,
    lifetimeSeconds: lifetime,
  });
  return json(200, {
    accessToken: token,
    expiresOn: claims.exp,
    tenantId: claims.tid,
    account: {
      objectId: user.objectId,
      userPrincipalName: user.userPrincipalName,
      displayName: user.displayName,
      homeTenantId: user.tenants[0],
    },
  });
}

function managedIdentityToken(ctx: RouteContext): Reply {
  const b = body(ctx);
  for (const key of ['subscriptionId', 'resourceGroup', 'factory', 'resource'])
    if (typeof b[key] !== 'string') throw bad(`${key} is required`);
  try {
    const accessToken = ctx.emulator.issueManagedIdentityToken(
      {
        subscriptionId: b.subscriptionId as string,
        resourceGroup: b.resourceGroup as string,
        name: b.factory as string,
      },
      b.resource as string,
      typeof b.credential === 'string' ? b.credential : undefined,
    );
    return json(200, { accessToken });
  } catch (error) {
    throw bad((error as Error).message);
  }
}

export function controlRoutes(): Route[] {
  const route = (id: string, method: Route['method'], path: string, handle: Route['handle']): Route => ({
    id: `control.${id}`,
    method,
    pattern: `/_emulator/${path}`,
    kind: 'control',
    handle,
  });
  return [
    route('health', 'GET', 'health', (ctx) =>
      json(200, {
        url: ctx.emulator.url,
        cloud: ctx.emulator.cloud,
        pageSize: ctx.emulator.pageSize,
        timeScale: ctx.emulator.timeScale,
      }),
    ),
    route('reset', 'POST', 'reset', (ctx) => {
      ctx.emulator.reset();
      return json(200, { ok: true });
    }),
    route('seed.get', 'GET', 'seed', (ctx) => json(200, ctx.emulator.seed)),
    route('seed.set', 'POST', 'seed', setSeed),
    route('faults.add', 'POST', 'faults', addFault),
    route('faults.list', 'GET', 'faults', (ctx) => json(200, { faults: ctx.emulator.faults.listFaults() })),
    route('faults.clear', 'DELETE', 'faults', (ctx) => {
      ctx.emulator.faults.clearFaults();
      return json(200, { ok: true });
    }),
    route('latency.add', 'POST', 'latency', addLatency),
    route('latency.list', 'GET', 'latency', (ctx) => json(200, { latency: ctx.emulator.faults.listLatency() })),
    route('latency.clear', 'DELETE', 'latency', (ctx) => {
      ctx.emulator.faults.clearLatency();
      return json(200, { ok: true });
    }),
    route('requests.list', 'GET', 'requests', requests),
    route('requests.clear', 'DELETE', 'requests', (ctx) => {
      ctx.emulator.log.clear();
      return json(200, { ok: true });
    }),
    route('jobs.list', 'GET', 'jobs', jobs),
    route('pipelineRuns.list', 'GET', 'pipeline-runs', pipelineRuns),
    route('pipelineRuns.executor', 'POST', 'pipeline-run-executor', setExecutor),
    route('token', 'POST', 'token', token),
    route('managedIdentityToken', 'POST', 'managed-identity-token', managedIdentityToken),
    route('userToken', 'POST', 'user-token', userToken),
  ];
}
