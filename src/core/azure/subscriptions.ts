// Tenants and subscriptions visible to a credential, through the official SubscriptionClient. Both are read whole;
// the subscription list reports its pages as they arrive (an account may have hundreds of subscriptions).
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

/**
 * Subscriptions of the credential's tenant; `fallbackTenantId` fills in a missing tenantId. ARM pages the list at 50
 * (nextLink): `onPage` hears each page as it arrives, so a caller can show the first one before the last is read.
 */
export async function listAllSubscriptions(
  client: SubscriptionClient,
  fallbackTenantId: string,
  onPage?: (page: readonly SubscriptionRef[]) => void,
): Promise<SubscriptionRef[]> {
  const subscriptions: SubscriptionRef[] = [];
  for await (const page of client.subscriptions.list().byPage()) {
    const refs: SubscriptionRef[] = [];
    for (const s of page) {
      if (!s.subscriptionId) continue;
      refs.push({
        subscriptionId: s.subscriptionId,
        tenantId: s.tenantId ?? fallbackTenantId,
        name: s.displayName ?? s.subscriptionId,
      });
    }
    subscriptions.push(...refs);
    onPage?.(refs);
  }
  return subscriptions.sort((a, b) => a.name.localeCompare(b.name));
}
