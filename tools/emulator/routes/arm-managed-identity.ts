// Microsoft.ManagedIdentity: user-assigned identities behind ADF credentials (read-only).
import { API_VERSIONS } from '../api-versions';
import { resourceNotFound } from '../errors';
import { json } from '../http';
import { resourceGroupOf } from '../lookup';
import type { Route } from '../router';

const NS = 'Microsoft.ManagedIdentity';

export function managedIdentityRoutes(): Route[] {
  return [
    {
      id: 'msi.userAssignedIdentities.get',
      method: 'GET',
      pattern: `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${NS}/userAssignedIdentities/{name}`,
      kind: 'arm',
      apiVersions: API_VERSIONS.managedIdentity,
      resourceType: `${NS}/userAssignedIdentities`,
      handle(ctx) {
        const rg = resourceGroupOf(ctx);
        const id = `${rg.id}/providers/${NS}/userAssignedIdentities/${ctx.params.name}`;
        const identity = ctx.emulator.world.identities.get(id.toLowerCase());
        if (!identity) resourceNotFound(`${NS}/userAssignedIdentities`, ctx.params.name!, rg.name);
        return json(200, {
          id: identity.id,
          name: identity.name,
          type: `${NS}/userAssignedIdentities`,
          location: identity.location,
          tags: {},
          properties: { tenantId: identity.tenantId, principalId: identity.principalId, clientId: identity.clientId },
        });
      },
    },
  ];
}
