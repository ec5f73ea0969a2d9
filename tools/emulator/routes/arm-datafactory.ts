// Microsoft.DataFactory: factories, and their pipelines, linked services and credentials
// (stored as raw JSON with an ETag on every write; If-Match / If-None-Match honoured).
import { API_VERSIONS } from '../api-versions';
import { failArm, resourceNotFound } from '../errors';
import { header, isObject, json, jsonBody, type Reply } from '../http';
import { factoryOf, resourceGroupOf, subscriptionOf } from '../lookup';
import { paginate } from '../paging';
import type { Route, RouteContext } from '../router';
import { newEtag } from '../state';
import { factoryRunRoutes } from './arm-datafactory-runs';
import type { FactoryEntity, FactoryState } from '../world-types';

const NS = 'Microsoft.DataFactory';
const FACTORY = `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${NS}/factories/{factoryName}`;
/** ADF entity names: start with a letter, digit or underscore; none of . + ? / < > * % & : \ */
const ENTITY_NAME = /^[A-Za-z0-9_][^.+?/<>*%&:\\]*$/;

function factoryResource(f: FactoryState): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    provisioningState: 'Succeeded',
    createTime: f.createdAt,
    version: '2018-06-01',
    publicNetworkAccess: 'Enabled',
  };
  if (f.repoConfiguration) properties.repoConfiguration = { ...f.repoConfiguration };
  return {
    id: f.id,
    name: f.name,
    type: `${NS}/factories`,
    location: f.location,
    tags: {},
    eTag: f.etag,
    ...(f.identity
      ? { identity: { type: 'SystemAssigned', principalId: f.identity.principalId, tenantId: f.identity.tenantId } }
      : {}),
    properties,
  };
}

interface EntityKind {
  /** URL segment and route id part. */
  segment: 'pipelines' | 'linkedservices' | 'credentials';
  idPart: string;
  param: string;
  type: string;
  label: string;
  entities(f: FactoryState): Map<string, FactoryEntity>;
  /** Extra checks of `properties` on PUT; returns a problem. */
  check?(properties: Record<string, unknown>): string | undefined;
}

function entityResource(f: FactoryState, kind: EntityKind, e: FactoryEntity): Record<string, unknown> {
  return {
    id: `${f.id}/${kind.segment}/${e.name}`,
    name: e.name,
    type: kind.type,
    properties: structuredClone(e.properties),
    etag: e.etag,
  };
}

const unquote = (etag: string): string => etag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');

function checkActivities(properties: Record<string, unknown>): string | undefined {
  const activities = properties.activities;
  if (activities === undefined) return undefined;
  if (!Array.isArray(activities)) return "'properties.activities' must be an array.";
  const seen = new Set<string>();
  for (const [i, activity] of activities.entries()) {
    if (!isObject(activity) || typeof activity.name !== 'string' || activity.name === '')
      return `Activity ${i} has no name.`;
    if (typeof activity.type !== 'string' || activity.type === '') return `Activity '${activity.name}' has no type.`;
    const key = activity.name.toLowerCase();
    if (seen.has(key))
      return `The pipeline has more than one activity named '${activity.name}'. Activity names must be unique (case-insensitively).`;
    seen.add(key);
  }
  return undefined;
}

const KINDS: EntityKind[] = [
  {
    segment: 'pipelines',
    idPart: 'pipelines',
    param: 'pipelineName',
    type: `${NS}/factories/pipelines`,
    label: 'Pipeline',
    entities: (f) => f.pipelines,
    check: checkActivities,
  },
  {
    segment: 'linkedservices',
    idPart: 'linkedServices',
    param: 'linkedServiceName',
    type: `${NS}/factories/linkedservices`,
    label: 'Linked service',
    entities: (f) => f.linkedServices,
    check: (p) =>
      typeof p.type === 'string' && p.type ? undefined : "'properties.type' is required for a linked service.",
  },
  {
    segment: 'credentials',
    idPart: 'credentialOperations',
    param: 'credentialName',
    type: `${NS}/factories/credentials`,
    label: 'Credential',
    entities: (f) => f.credentials,
    check: (p) =>
      typeof p.type === 'string' && p.type ? undefined : "'properties.type' is required for a credential.",
  },
];

export function entityOf(ctx: RouteContext, kind: EntityKind, factory: FactoryState): FactoryEntity {
  const name = ctx.params[kind.param]!;
  const entity = kind.entities(factory).get(name.toLowerCase());
  if (!entity) resourceNotFound(`${NS}/factories/${factory.name}/${kind.segment}`, name, factory.resourceGroup.name);
  return entity;
}

function putEntity(ctx: RouteContext, kind: EntityKind): Reply {
  const factory = factoryOf(ctx);
  const name = ctx.params[kind.param]!;
  if (name.length > 260 || !ENTITY_NAME.test(name)) {
    failArm(
      400,
      'BadRequest',
      `${kind.label} name '${name}' is invalid. Names must start with a letter, a number or an underscore, and cannot contain: . + ? / < > * % & : \\`,
    );
  }
  const body = jsonBody(ctx.req, (message) => ({ status: 400, body: { error: { code: 'BadRequest', message } } }));
  if (!isObject(body) || !isObject(body.properties))
    failArm(400, 'BadRequest', `The request body must be a JSON object with a 'properties' object.`);
  const problem = kind.check?.(body.properties);
  if (problem) failArm(400, 'BadRequest', problem);
  const entities = kind.entities(factory);
  const existing = entities.get(name.toLowerCase());
  const ifMatch = header(ctx.req, 'if-match');
  if (ifMatch !== undefined) {
    if (!existing)
      failArm(
        412,
        'PreconditionFailed',
        `The specified precondition 'If-Match = ${ifMatch}' failed: ${kind.label.toLowerCase()} '${name}' does not exist.`,
      );
    if (ifMatch.trim() !== '*' && unquote(ifMatch) !== unquote(existing.etag)) {
      failArm(
        412,
        'PreconditionFailed',
        `The specified precondition 'If-Match = ${ifMatch}' failed: ${kind.label.toLowerCase()} '${name}' was changed since (its ETag is ${existing.etag}).`,
      );
    }
  }
  const ifNoneMatch = header(ctx.req, 'if-none-match');
  if (ifNoneMatch?.trim() === '*' && existing)
    failArm(
      412,
      'PreconditionFailed',
      `The specified precondition 'If-None-Match = *' failed: ${kind.label.toLowerCase()} '${name}' already exists.`,
    );
  const entity: FactoryEntity = {
    name: existing?.name ?? name,
    properties: structuredClone(body.properties),
    etag: newEtag(),
  };
  entities.set(name.toLowerCase(), entity);
  return json(200, entityResource(factory, kind, entity), { ETag: entity.etag });
}

/**
 * factories.update (PATCH): tags and the identity. Per the ADF docs a system-assigned identity can be added to an
 * existing factory this way ("Generate system-assigned managed identity", PATCH with `identity.type =
 * SystemAssigned`); it cannot be removed, and user-assigned identities are not emulated.
 */
function updateFactory(ctx: RouteContext): Reply {
  const factory = factoryOf(ctx);
  const body = jsonBody(ctx.req, (message) => ({ status: 400, body: { error: { code: 'BadRequest', message } } }));
  if (!isObject(body)) failArm(400, 'BadRequest', 'The request body must be a JSON object (FactoryUpdateParameters).');
  if (body.identity !== undefined) {
    const type = isObject(body.identity) ? body.identity.type : undefined;
    if (typeof type !== 'string' || !/^SystemAssigned(,\s*UserAssigned)?$/i.test(type))
      failArm(
        400,
        'BadRequest',
        `'identity.type' must be 'SystemAssigned' (the emulator does not remove identities or add user-assigned ones); got ${JSON.stringify(type)}.`,
      );
    ctx.emulator.world.enableFactoryIdentity(factory, factory.resourceGroup.subscription.tenantId);
  }
  factory.etag = newEtag();
  return json(200, factoryResource(factory), { ETag: factory.etag });
}

function getEntity(ctx: RouteContext, kind: EntityKind): Reply {
  const factory = factoryOf(ctx);
  const entity = entityOf(ctx, kind, factory);
  const ifNoneMatch = header(ctx.req, 'if-none-match');
  if (ifNoneMatch && (ifNoneMatch.trim() === '*' || unquote(ifNoneMatch) === unquote(entity.etag)))
    return { status: 304, headers: { ETag: entity.etag } };
  return json(200, entityResource(factory, kind, entity), { ETag: entity.etag });
}

function deleteEntity(ctx: RouteContext, kind: EntityKind): Reply {
  const factory = factoryOf(ctx);
  const name = ctx.params[kind.param]!;
  // If-Match: the delete of one version only (changed since: 412), as on PUT.
  const ifMatch = header(ctx.req, 'if-match');
  const existing = kind.entities(factory).get(name.toLowerCase());
  if (ifMatch !== undefined && ifMatch.trim() !== '*' && existing && unquote(ifMatch) !== unquote(existing.etag))
    failArm(
      412,
      'PreconditionFailed',
      `The specified precondition 'If-Match = ${ifMatch}' failed: ${kind.label.toLowerCase()} '${name}' was changed since (its ETag is ${existing.etag}).`,
    );
  const removed = kind.entities(factory).delete(name.toLowerCase());
  return { status: removed ? 200 : 204 };
}

export function dataFactoryRoutes(): Route[] {
  const route = (
    id: string,
    method: Route['method'],
    pattern: string,
    resourceType: string,
    handle: Route['handle'],
  ): Route => ({
    id: `adf.${id}`,
    method,
    pattern,
    kind: 'arm',
    apiVersions: API_VERSIONS.dataFactory,
    resourceType: `${NS}/${resourceType}`,
    handle,
  });
  const page = (ctx: RouteContext, items: unknown[]): Reply =>
    json(200, paginate(ctx.req, ctx.emulator.url, ctx.emulator.pageSize, items));
  const routes: Route[] = [
    route('factories.list', 'GET', `/subscriptions/{subscriptionId}/providers/${NS}/factories`, 'factories', (ctx) =>
      page(
        ctx,
        [...subscriptionOf(ctx).resourceGroups.values()]
          .flatMap((rg) => [...rg.factories.values()])
          .map(factoryResource),
      ),
    ),
    route(
      'factories.listByResourceGroup',
      'GET',
      `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${NS}/factories`,
      'factories',
      (ctx) => page(ctx, [...resourceGroupOf(ctx).factories.values()].map(factoryResource)),
    ),
    route('factories.get', 'GET', FACTORY, 'factories', (ctx) =>
      json(200, factoryResource(factoryOf(ctx)), { ETag: factoryOf(ctx).etag }),
    ),
    route('factories.update', 'PATCH', FACTORY, 'factories', updateFactory),
  ];
  for (const kind of KINDS) {
    const base = `${FACTORY}/${kind.segment}`;
    const type = `factories/${kind.segment}`;
    routes.push(
      route(`${kind.idPart}.listByFactory`, 'GET', base, type, (ctx) => {
        const factory = factoryOf(ctx);
        return page(
          ctx,
          [...kind.entities(factory).values()].map((e) => entityResource(factory, kind, e)),
        );
      }),
      route(`${kind.idPart}.get`, 'GET', `${base}/{${kind.param}}`, type, (ctx) => getEntity(ctx, kind)),
      route(`${kind.idPart}.createOrUpdate`, 'PUT', `${base}/{${kind.param}}`, type, (ctx) => putEntity(ctx, kind)),
      route(`${kind.idPart}.delete`, 'DELETE', `${base}/{${kind.param}}`, type, (ctx) => deleteEntity(ctx, kind)),
    );
  }
  return [
    ...routes,
    ...factoryRunRoutes(FACTORY, (id, method, pattern, handle) =>
      route(id, method, pattern, 'factories/pipelineruns', handle),
    ),
  ];
}
