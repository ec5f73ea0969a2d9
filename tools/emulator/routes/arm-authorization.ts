// Microsoft.Authorization: role definitions (built-in) and role assignments at any scope.
import { API_VERSIONS } from '../api-versions';
import { failArm } from '../errors';
import { isObject, json, jsonBody, type Reply } from '../http';
import { resourceGroupOf, subscriptionOf } from '../lookup';
import { paginate } from '../paging';
import { BUILT_IN_ROLES, findBuiltInRole, type BuiltInRole } from '../role-definitions';
import type { Route, RouteContext } from '../router';
import { normalizeScope, scopeCovers } from '../scopes';
import type { RoleAssignmentState } from '../world-types';

const NS = 'Microsoft.Authorization';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const norm = normalizeScope;
const covers = scopeCovers;

/** Checks that the scope names existing things (subscription, resource group, known resources). */
function checkScope(ctx: RouteContext): string {
  const scope = ctx.params.scope!;
  const parts = scope.split('/').filter(Boolean);
  if (parts.length === 0) return '/';
  if (parts[0]!.toLowerCase() !== 'subscriptions' || parts.length < 2)
    failArm(400, 'InvalidScope', `The scope '${scope}' is not valid for role assignments or definitions.`);
  if (parts.length === 2) {
    subscriptionOf(ctx, parts[1]);
    return scope;
  }
  if (parts[2]!.toLowerCase() !== 'resourcegroups' || parts.length < 4)
    failArm(400, 'InvalidScope', `The scope '${scope}' is not valid for role assignments or definitions.`);
  const rg = resourceGroupOf(ctx, parts[1], parts[3]);
  // Known resource types must exist; others are taken on trust.
  if (parts.length >= 8 && parts[4]!.toLowerCase() === 'providers') {
    const type = `${parts[5]}/${parts[6]}`.toLowerCase();
    const name = parts[7]!.toLowerCase();
    const known: Record<string, Map<string, unknown>> = {
      'microsoft.machinelearningservices/workspaces': rg.workspaces,
      'microsoft.datafactory/factories': rg.factories,
    };
    const map = known[type];
    if (map && !map.has(name))
      failArm(
        404,
        'ResourceNotFound',
        `The Resource '${parts[5]}/${parts[6]}/${parts[7]}' under resource group '${rg.name}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
      );
  }
  return scope;
}

function definitionId(scope: string, role: BuiltInRole): string {
  const sub = /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1];
  return `${sub ? `/subscriptions/${sub}` : ''}/providers/${NS}/roleDefinitions/${role.id}`;
}

function definitionResource(scope: string, role: BuiltInRole): Record<string, unknown> {
  return {
    id: definitionId(scope, role),
    name: role.id,
    type: `${NS}/roleDefinitions`,
    properties: {
      roleName: role.roleName,
      type: 'BuiltInRole',
      description: role.description,
      assignableScopes: ['/'],
      permissions: [
        { actions: role.actions, notActions: role.notActions, dataActions: role.dataActions, notDataActions: [] },
      ],
      createdOn: '2015-02-02T21:55:09.8806423Z',
      updatedOn: '2024-01-01T00:00:00.0000000Z',
      createdBy: null,
      updatedBy: null,
    },
  };
}

function assignmentResource(ra: RoleAssignmentState): Record<string, unknown> {
  const role = findBuiltInRole(ra.roleDefinitionGuid)!;
  const prefix = ra.scope === '/' ? '' : ra.scope.replace(/\/+$/, '');
  return {
    id: `${prefix}/providers/${NS}/roleAssignments/${ra.name}`,
    name: ra.name,
    type: `${NS}/roleAssignments`,
    properties: {
      roleDefinitionId: definitionId(ra.scope, role),
      principalId: ra.principalId,
      principalType: ra.principalType,
      scope: ra.scope,
      condition: null,
      conditionVersion: null,
      createdOn: ra.createdOn,
      updatedOn: ra.createdOn,
      createdBy: ra.createdBy,
      updatedBy: ra.createdBy,
      delegatedManagedIdentityResourceId: null,
      description: null,
    },
  };
}

/** `principalId eq '<id>'`, `assignedTo('<id>')`, `atScope()`, joined with `and`. */
function assignmentFilter(raw: string | null, scope: string): (ra: RoleAssignmentState) => boolean {
  const clauses = raw ? raw.split(/\s+and\s+/i).map((c) => c.trim()) : [];
  const tests: Array<(ra: RoleAssignmentState) => boolean> = [];
  let atScope = false;
  for (const clause of clauses) {
    const principal = /^(?:principalId\s+eq\s+'([^']*)'|assignedTo\('([^']*)'\))$/i.exec(clause);
    if (principal) {
      const id = (principal[1] ?? principal[2]!).toLowerCase();
      tests.push((ra) => ra.principalId === id);
    } else if (/^atScope\(\)$/i.test(clause)) atScope = true;
    else
      failArm(
        400,
        'InvalidFilterInQueryString',
        `Invalid $filter '${raw}'. Supported: principalId eq '{id}', assignedTo('{id}'), atScope().`,
      );
  }
  // At or above the scope; also below it unless atScope().
  tests.push((ra) => covers(ra.scope, scope) || (!atScope && covers(scope, ra.scope)));
  return (ra) => tests.every((t) => t(ra));
}

function listAssignments(ctx: RouteContext): Reply {
  const scope = checkScope(ctx);
  const keep = assignmentFilter(ctx.req.query.get('$filter'), scope);
  const items = ctx.emulator.world.roleAssignments.filter(keep).map(assignmentResource);
  return json(200, paginate(ctx.req, ctx.emulator.url, ctx.emulator.pageSize, items));
}

function findAssignment(ctx: RouteContext, scope: string): RoleAssignmentState | undefined {
  const name = ctx.params.roleAssignmentName!.toLowerCase();
  return ctx.emulator.world.roleAssignments.find((ra) => ra.name === name && norm(ra.scope) === norm(scope));
}

function getAssignment(ctx: RouteContext): Reply {
  const scope = checkScope(ctx);
  const ra = findAssignment(ctx, scope);
  if (!ra)
    failArm(404, 'RoleAssignmentNotFound', `The role assignment '${ctx.params.roleAssignmentName}' is not found.`);
  return json(200, assignmentResource(ra));
}

function createAssignment(ctx: RouteContext): Reply {
  const scope = checkScope(ctx);
  const world = ctx.emulator.world;
  const name = ctx.params.roleAssignmentName!;
  if (!GUID.test(name))
    failArm(
      400,
      'InvalidRoleAssignmentId',
      `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`,
    );
  const body = jsonBody(ctx.req, (message) => ({
    status: 400,
    body: { error: { code: 'InvalidRequestContent', message } },
  }));
  const props = isObject(body) && isObject(body.properties) ? body.properties : undefined;
  if (!props || typeof props.roleDefinitionId !== 'string' || typeof props.principalId !== 'string') {
    failArm(
      400,
      'InvalidRequestContent',
      "The request content must have 'properties.roleDefinitionId' and 'properties.principalId'.",
    );
  }
  const caller = ctx.emulator.servicePrincipalOf(ctx.caller);
  if (caller?.canAssignRoles === false) {
    failArm(
      403,
      'AuthorizationFailed',
      `The client '${ctx.caller.appid}' with object id '${ctx.caller.oid}' does not have authorization to perform action '${NS}/roleAssignments/write' over scope '${scope}/providers/${NS}/roleAssignments/${name}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
  }
  const roleGuid = props.roleDefinitionId.split('/').pop() ?? '';
  const role = GUID.test(roleGuid) ? findBuiltInRole(roleGuid) : undefined;
  if (!role)
    failArm(400, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${roleGuid}' does not exist.`);
  const principalId = props.principalId.toLowerCase();
  const tenantId = world.subscriptions.get(scope.split('/')[2]?.toLowerCase() ?? '')?.tenantId ?? ctx.caller.tid;
  const principal = world.directory.get(principalId);
  if (!principal || principal.tenantId !== tenantId) {
    failArm(
      400,
      'PrincipalNotFound',
      `Principal ${props.principalId.replace(/-/g, '')} does not exist in the directory ${tenantId}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`,
    );
  }
  const existing = findAssignment(ctx, scope);
  if (existing) {
    if (existing.principalId === principalId && existing.roleDefinitionGuid === role.id)
      return json(200, assignmentResource(existing));
    failArm(
      400,
      'RoleAssignmentUpdateNotPermitted',
      'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.',
    );
  }
  if (
    world.roleAssignments.some(
      (ra) => ra.principalId === principalId && ra.roleDefinitionGuid === role.id && norm(ra.scope) === norm(scope),
    )
  ) {
    failArm(409, 'RoleAssignmentExists', 'The role assignment already exists.');
  }
  const ra: RoleAssignmentState = {
    name: name.toLowerCase(),
    scope,
    roleDefinitionGuid: role.id,
    principalId,
    principalType: typeof props.principalType === 'string' ? props.principalType : principal.type,
    createdOn: new Date().toISOString(),
    createdBy: ctx.caller.oid,
  };
  world.roleAssignments.push(ra);
  return json(201, assignmentResource(ra));
}

function deleteAssignment(ctx: RouteContext): Reply {
  const scope = checkScope(ctx);
  const ra = findAssignment(ctx, scope);
  if (!ra) return { status: 204 };
  const world = ctx.emulator.world;
  world.roleAssignments.splice(world.roleAssignments.indexOf(ra), 1);
  return json(200, assignmentResource(ra));
}

function getDefinition(ctx: RouteContext): Reply {
  const scope = checkScope(ctx);
  const id = ctx.params.roleDefinitionId!;
  const role = GUID.test(id) ? findBuiltInRole(id) : undefined;
  if (!role)
    failArm(404, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${id}' does not exist.`);
  return json(200, definitionResource(scope, role));
}

function listDefinitions(ctx: RouteContext): Reply {
  const scope = checkScope(ctx);
  const raw = ctx.req.query.get('$filter');
  let roles = [...BUILT_IN_ROLES];
  if (raw) {
    const byName = /^roleName\s+eq\s+'([^']*)'$/i.exec(raw.trim());
    const byType = /^type\s+eq\s+'([^']*)'$/i.exec(raw.trim());
    if (byName) roles = roles.filter((r) => r.roleName.toLowerCase() === byName[1]!.toLowerCase());
    else if (byType) roles = byType[1]!.toLowerCase() === 'builtinrole' ? roles : [];
    else
      failArm(
        400,
        'InvalidFilterInQueryString',
        `Invalid $filter '${raw}'. Supported: roleName eq '{name}', type eq 'BuiltInRole'.`,
      );
  }
  return json(
    200,
    paginate(
      ctx.req,
      ctx.emulator.url,
      ctx.emulator.pageSize,
      roles.map((r) => definitionResource(scope, r)),
    ),
  );
}

export function authorizationRoutes(): Route[] {
  const route = (
    id: string,
    method: Route['method'],
    suffix: string,
    resourceType: string,
    handle: Route['handle'],
  ): Route => ({
    id: `authorization.${id}`,
    method,
    pattern: `/{*scope}/providers/${NS}/${suffix}`,
    kind: 'arm',
    apiVersions: API_VERSIONS.authorization,
    resourceType: `${NS}/${resourceType}`,
    handle,
  });
  return [
    route('roleDefinitions.get', 'GET', 'roleDefinitions/{roleDefinitionId}', 'roleDefinitions', getDefinition),
    route('roleDefinitions.list', 'GET', 'roleDefinitions', 'roleDefinitions', listDefinitions),
    route('roleAssignments.listForScope', 'GET', 'roleAssignments', 'roleAssignments', listAssignments),
    route('roleAssignments.get', 'GET', 'roleAssignments/{roleAssignmentName}', 'roleAssignments', getAssignment),
    route('roleAssignments.create', 'PUT', 'roleAssignments/{roleAssignmentName}', 'roleAssignments', createAssignment),
    route(
      'roleAssignments.delete',
      'DELETE',
      'roleAssignments/{roleAssignmentName}',
      'roleAssignments',
      deleteAssignment,
    ),
  ];
}
