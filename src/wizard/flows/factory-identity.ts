// "Enable managed identity": gives the chosen factory a system-assigned identity (factories.update with
// identity.type SystemAssigned), after a confirmation. ADF adds one to an existing factory that way
// (https://learn.microsoft.com/azure/data-factory/data-factory-service-identity#generate-managed-identity).
import * as l10n from '@vscode/l10n';
import { chosenFactory } from '../checks';
import { factoryIdentityView } from '../view-model';
import type { FlowContext } from './context';
import { ensureAccess } from './facts';

export async function enableFactoryIdentity(ctx: FlowContext): Promise<void> {
  const { state, env } = ctx;
  const factory = chosenFactory(state.form, state.facts);
  const view = factoryIdentityView(state);
  if (!factory || (view.status !== 'offer' && view.status !== 'failed')) return;
  const confirmed = await env.prompts.confirm({
    message: l10n.t('Enable the system-assigned managed identity of Data Factory {0}?', factory.name),
    detail: l10n.t(
      "Factory: {0}\n\nThis updates the factory (identity type SystemAssigned): Azure creates a service principal for it in your tenant. The factory's pipelines, linked services and triggers are not changed. The identity stays with the factory until the factory is deleted; next, it needs a role on the workspace (the wizard offers that too).",
      factory.id,
    ),
    confirmLabel: l10n.t('Enable'),
  });
  if (!confirmed) {
    state.notice = l10n.t('The factory was not changed.');
    return ctx.changed();
  }
  state.identityState = 'enabling';
  state.busy = l10n.t('Enabling the managed identity of {0}...', factory.name);
  ctx.changed();
  const work = (async (): Promise<void> => {
    try {
      await ctx.guard({
        step: 'auth',
        operation: 'enableIdentity',
        retry: () => enableFactoryIdentity(ctx),
        factoryName: factory.name,
        run: async () => {
          const azure = await env.azure();
          const updated = await azure.factories.enableSystemIdentity(factory);
          env.log.info(
            `Enabled the system-assigned identity of ${factory.id} (principal ${updated.identityPrincipalId ?? 'not returned'}).`,
          );
          state.facts.factories = state.facts.factories?.map((f) =>
            f.id.toLowerCase() === factory.id.toLowerCase() ? { ...f, ...updated, id: f.id } : f,
          );
          state.identityState = undefined;
          state.notice = l10n.t('Data Factory {0} now has a system-assigned managed identity.', factory.name);
        },
      });
    } finally {
      if (state.identityState === 'enabling') state.identityState = 'failed';
      state.busy = undefined;
      ensureAccess(ctx);
      ctx.changed();
    }
  })();
  ctx.track(work);
  await work;
}
