// "Create linked service..." on the Authentication step when the factory has no Azure Key Vault linked service: asks
// for the vault (the ML workspace's own vault filled in), creates the linked service ADF Studio would create, and
// picks it in the form. The factory's identity still needs "get" on the vault's secrets: the notice says so.
import * as l10n from '@vscode/l10n';
import { keyVaultBaseUrl, keyVaultInputProblem, keyVaultLinkedService, keyVaultName } from '../../core/preflight';
import { chosenFactory } from '../checks';
import type { FlowContext, FlowOutcome } from './context';

export async function createKeyVaultLinkedService(
  ctx: FlowContext,
  retry: () => Promise<void>,
): Promise<FlowOutcome | undefined> {
  const { state, env } = ctx;
  const factory = chosenFactory(state.form, state.facts);
  const factoryFacts = state.facts.factoryFacts;
  if (state.form.targetKind !== 'factory' || !factory || factoryFacts?.factoryId !== factory.id) return undefined;
  const vault = await env.prompts.input({
    title: l10n.t('New Azure Key Vault linked service in Data Factory {0}', factory.name),
    prompt: l10n.t('The name or URL of the vault that holds the client secret'),
    value: await suggestedVault(ctx),
    validate: (text) => keyVaultInputProblem(text, env.cloud.name),
  });
  if (vault === undefined) return undefined;
  const baseUrl = keyVaultBaseUrl(vault, env.cloud.name);
  if (!baseUrl) return undefined;
  const linked = keyVaultLinkedService(
    baseUrl,
    factoryFacts.linkedServices.map((l) => l.name),
  );
  let outcome: FlowOutcome | undefined;
  state.busy = l10n.t('Creating linked service {0}...', linked.name);
  ctx.changed();
  try {
    await ctx.guard({
      step: 'auth',
      operation: 'createLinkedService',
      retry,
      factoryName: factory.name,
      run: async () => {
        const azure = await env.azure();
        await azure.linkedServices.create(factory, linked.name, linked.properties);
        env.log.info(`Created Key Vault linked service ${linked.name} (${baseUrl}) in Data Factory ${factory.name}.`);
        const linkedServices = await azure.reads.listLinkedServices(factory);
        if (state.facts.factoryFacts?.factoryId === factory.id)
          state.facts.factoryFacts = { ...state.facts.factoryFacts, linkedServices };
        outcome = {
          patch: { keyVaultLinkedService: linked.name },
          notice: l10n.t(
            'Created linked service {0} for {1}. The factory\'s identity needs "get" permission on its secrets (for example the Key Vault Secrets User role).',
            linked.name,
            baseUrl,
          ),
        };
      },
    });
  } finally {
    state.busy = undefined;
    ctx.changed();
  }
  return outcome;
}

/** The vault the ML workspace was created with: the likeliest place for the secret. Empty when it cannot be read. */
async function suggestedVault(ctx: FlowContext): Promise<string> {
  const loads = ctx.state.loads;
  const signal = loads.start('keyVault');
  try {
    const azure = await ctx.env.azure();
    const id = await azure.reads.workspaceKeyVault(ctx.state.endpoint.workspace, signal);
    return id ? keyVaultName(id) : '';
  } catch (error) {
    if (signal.aborted) return '';
    ctx.env.log.warn(
      `Could not read the workspace's Key Vault: ${error instanceof Error ? error.message : String(error)}`,
    );
    return '';
  } finally {
    loads.ended('keyVault', signal);
  }
}
