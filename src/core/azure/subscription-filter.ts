// Which subscriptions the tree shows: the user's own "Select Subscriptions..." choice, else the Azure
// Resources extension's `azureResourceGroups.selectedSubscriptions`, else all of them.
import type { SubscriptionRef } from './models';

/** An entry of a selection: "tenantId/subscriptionId" (the Azure Resources format) or a bare subscription ID. */
export function selectionEntry(subscription: SubscriptionRef): string {
  return `${subscription.tenantId}/${subscription.subscriptionId}`;
}

/** The selection in force: our own when set, else the Azure Resources one, else none (all subscriptions). */
export function effectiveSelection(
  own: readonly string[] | undefined,
  azureResources: readonly string[] | undefined,
): readonly string[] | undefined {
  if (own !== undefined) return own;
  return azureResources && azureResources.length > 0 ? azureResources : undefined;
}

/** The subscriptions a selection keeps (all of them when there is no selection). */
export function filterSubscriptions(
  all: readonly SubscriptionRef[],
  selection: readonly string[] | undefined,
): SubscriptionRef[] {
  if (selection === undefined) return [...all];
  const wanted = new Set(selection.map((entry) => entry.toLowerCase()));
  return all.filter((s) => wanted.has(selectionEntry(s).toLowerCase()) || wanted.has(s.subscriptionId.toLowerCase()));
}
