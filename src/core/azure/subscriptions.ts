// Tenants and subscriptions visible to a credential, through the official SubscriptionClient. These lists
// are short, so they are read whole.
import type { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { SubscriptionRef } from './models';

export interface TenantRef {
  tenantId: string;
  displayName?: string;
  defaultDomain?: string;
}

export async function listAllTenants(client: SubscriptionClient): Promise<TenantRef[]> {
  const tenants: TenantRef[] = [];
  for await (const tenant of client.tenants.list()) {
    if (tenant.tenantId)
      tenants.push({ tenantId: tenant.tenantId, displayName: tenant.displayName, defaultDomain: tenant.defaultDomain });
  }
  return tenants;
}

/** Subscriptions of the credential's tenant; `fallbackTenantId` fills in a missing tenantId. */
export async function listAllSubscriptions(
  client: SubscriptionClient,
  fallbackTenantId: string,
): Promise<SubscriptionRef[]> {
  const subscriptions: SubscriptionRef[] = [];
  for await (const s of client.subscriptions.list()) {
    if (!s.subscriptionId) continue;
    subscriptions.push({
      subscriptionId: s.subscriptionId,
      tenantId: s.tenantId ?? fallbackTenantId,
      name: s.displayName ?? s.subscriptionId,
    });
  }
  return subscriptions.sort((a, b) => a.name.localeCompare(b.name));
}
