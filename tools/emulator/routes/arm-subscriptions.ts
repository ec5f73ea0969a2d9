// Microsoft.Resources: subscriptions, tenants and resource groups.
import { API_VERSIONS } from '../api-versions';
import { json, type Reply } from '../http';
import { resourceGroupOf, subscriptionOf } from '../lookup';
import { paginate } from '../paging';
import type { Route, RouteContext } from '../router';
import type { ResourceGroupState, SubscriptionState } from '../world-types';

function subscriptionResource(sub: SubscriptionState): Record<string, unknown> {
  return {
    id: `/subscriptions/${sub.id}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: sub.id,
    tenantId: sub.tenantId,
    displayName: sub.displayName,
    state: sub.state,
    subscriptionPolicies: {
      locationPlacementId: 'Public_2014-09-01',
      quotaId: 'PayAsYouGo_2014-09-01',
      spendingLimit: 'Off',
    },
  };
}

function resourceGroupResource(rg: ResourceGroupState): Record<string, unknown> {
  return {
    id: rg.id,
    name: rg.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: rg.location,
    properties: { provisioningState: 'Succeeded' },
  };
}

function listSubscriptions(ctx: RouteContext): Reply {
  const tenant = ctx.caller.tid.toLowerCase();
  const subs = [...ctx.emulator.world.subscriptions.values()].filter((s) => s.tenantId === tenant);
  return json(200, paginate(ctx.req, ctx.emulator.url, ctx.emulator.pageSize, subs.map(subscriptionResource)));
}

function listTenants(ctx: RouteContext): Reply {
  const world = ctx.emulator.world;
  // A user: every tenant the account is a member of (also those still needing an interactive sign-in).
  // An application: the token's tenant plus every tenant where the same application is registered.
  const ids = new Set([ctx.caller.tid.toLowerCase()]);
  const user = ctx.caller.idtyp === 'user' ? world.users.find(ctx.caller.oid) : undefined;
  if (user) for (const id of user.tenants) ids.add(id);
  else
    for (const sp of world.servicePrincipals) if (sp.clientId === ctx.caller.appid.toLowerCase()) ids.add(sp.tenantId);
  const tenants = [...ids].flatMap((id) => {
    const t = world.tenants.get(id);
    return t
      ? [
          {
            id: `/tenants/${t.id}`,
            tenantId: t.id,
            countryCode: 'US',
            displayName: t.displayName,
            domains: [t.defaultDomain],
            tenantCategory: 'Home',
            defaultDomain: t.defaultDomain,
            tenantType: 'AAD',
          },
        ]
      : [];
  });
  return json(200, paginate(ctx.req, ctx.emulator.url, ctx.emulator.pageSize, tenants));
}

export function subscriptionRoutes(): Route[] {
  const route = (id: string, pattern: string, apiVersions: readonly string[], handle: Route['handle']): Route => ({
    id: `resources.${id}`,
    method: 'GET',
    pattern,
    kind: 'arm',
    apiVersions,
    resourceType: 'Microsoft.Resources',
    handle,
  });
  return [
    route('subscriptions.list', '/subscriptions', API_VERSIONS.subscriptions, listSubscriptions),
    route('subscriptions.get', '/subscriptions/{subscriptionId}', API_VERSIONS.subscriptions, (ctx) =>
      json(200, subscriptionResource(subscriptionOf(ctx))),
    ),
    route('tenants.list', '/tenants', API_VERSIONS.subscriptions, listTenants),
    route(
      'resourceGroups.list',
      '/subscriptions/{subscriptionId}/resourcegroups',
      API_VERSIONS.resourceGroups,
      (ctx) => {
        const groups = [...subscriptionOf(ctx).resourceGroups.values()].map(resourceGroupResource);
        return json(200, paginate(ctx.req, ctx.emulator.url, ctx.emulator.pageSize, groups));
      },
    ),
    route(
      'resourceGroups.get',
      '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}',
      API_VERSIONS.resourceGroups,
      (ctx) => json(200, resourceGroupResource(resourceGroupOf(ctx))),
    ),
  ];
}
