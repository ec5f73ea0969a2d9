// Finding ARM resources for a request, failing with ARM's own 404/401 answers.
import { wrongTenant } from './auth';
import { failArm, resourceNotFound } from './errors';
import type { RouteContext } from './router';
import type { FactoryState, ResourceGroupState, SubscriptionState, WorkspaceState } from './world-types';

export function subscriptionOf(ctx: RouteContext, subscriptionId = ctx.params.subscriptionId!): SubscriptionState {
  const sub = ctx.emulator.world.subscriptions.get(subscriptionId.toLowerCase());
  if (!sub) failArm(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`);
  if (sub.tenantId !== ctx.caller.tid.toLowerCase()) wrongTenant(ctx.emulator, ctx.caller, sub.tenantId);
  return sub;
}

export function resourceGroupOf(
  ctx: RouteContext,
  subscriptionId = ctx.params.subscriptionId!,
  name = ctx.params.resourceGroupName!,
): ResourceGroupState {
  const rg = subscriptionOf(ctx, subscriptionId).resourceGroups.get(name.toLowerCase());
  if (!rg) failArm(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`);
  return rg;
}

export function workspaceOf(ctx: RouteContext): WorkspaceState {
  const rg = resourceGroupOf(ctx);
  const name = ctx.params.workspaceName!;
  const ws = rg.workspaces.get(name.toLowerCase());
  if (!ws) resourceNotFound('Microsoft.MachineLearningServices/workspaces', name, rg.name);
  return ws;
}

export function factoryOf(ctx: RouteContext): FactoryState {
  const rg = resourceGroupOf(ctx);
  const name = ctx.params.factoryName!;
  const factory = rg.factories.get(name.toLowerCase());
  if (!factory) resourceNotFound('Microsoft.DataFactory/factories', name, rg.name);
  return factory;
}

/** ISO time without milliseconds noise, like ARM's systemData. */
export function systemData(createdAt: string): Record<string, string> {
  return {
    createdAt,
    createdBy: 'seed@emulator',
    createdByType: 'User',
    lastModifiedAt: createdAt,
    lastModifiedBy: 'seed@emulator',
    lastModifiedByType: 'User',
  };
}
