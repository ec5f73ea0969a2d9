// Reading what the steps need from Azure, in the background, and the Reload buttons. What a load fills into the form
// comes back through `apply`, the coordinator's way of taking any flow outcome, so loaders never call it directly.
import type { RequestParams } from '../protocol';
import type { FlowContext, FlowOutcome } from './context';
import * as facts from './facts';

export type FactsKind = 'deployments' | 'factories' | 'factoryFacts' | 'datastores';

type Apply = (outcome: FlowOutcome) => Promise<void>;

/** Reads one kind of facts; its Retry reads it again. Factories go on to the chosen factory's facts when missing. */
export async function loadFacts(ctx: FlowContext, apply: Apply, what: FactsKind): Promise<void> {
  const retry = (): Promise<void> => loadFacts(ctx, apply, what);
  switch (what) {
    case 'deployments':
      return facts.loadDeployments(ctx, retry);
    case 'factories':
      await facts.loadFactories(ctx, retry);
      return facts.factoryFactsMissing(ctx) ? loadFacts(ctx, apply, 'factoryFacts') : undefined;
    case 'factoryFacts':
      await apply({ patch: await facts.loadFactoryFacts(ctx, retry) });
      return facts.ensureAccess(ctx);
    case 'datastores':
      return apply({ patch: await facts.loadDatastores(ctx, retry) });
  }
}

/** A Reload button: forgets what it covers and reads it again in the background. */
export function reloadFacts(ctx: FlowContext, apply: Apply, what: RequestParams['reload']['what']): void {
  const state = ctx.state;
  switch (what) {
    case 'endpoint':
      state.facts.deployments = undefined;
      ctx.track(loadFacts(ctx, apply, 'deployments'));
      break;
    case 'factories':
      ctx.track(loadFacts(ctx, apply, 'factories'));
      break;
    case 'datastores':
      ctx.track(loadFacts(ctx, apply, 'datastores'));
      break;
    case 'checks':
      state.facts.access = undefined;
      state.facts.factoryFacts = undefined;
      if (state.form.factoryId) ctx.track(loadFacts(ctx, apply, 'factoryFacts'));
      facts.ensureAccess(ctx);
      break;
  }
  ctx.changed();
}
