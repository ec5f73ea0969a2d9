// Reading what the steps need from Azure and the workspace: deployments, factories, the chosen factory's linked
// services and credentials, datastores, role assignments, repository folders. Loaders that can fill in the form
// return the patch instead of applying it: the coordinator applies it like any other form change.
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { inputDatastoreChoices, outputDatastoreChoices } from '../../core/preflight';
import { chosenFactory, principalInUse } from '../checks';
import type { FormPatch } from '../protocol';
import { sdkScopeOf } from '../state';
import { writeFolderProblem } from '../write-folder';
import type { FlowContext, FlowOutcome } from './context';

type Retry = () => Promise<void>;

export async function loadDeployments(ctx: FlowContext, retry: Retry): Promise<void> {
  const { state } = ctx;
  await ctx.guard({
    step: 'endpoint',
    operation: 'loadEndpoint',
    load: 'deployments',
    retry,
    run: async (signal) => {
      const azure = await ctx.env.azure();
      state.facts.deployments = await azure.reads.listDeployments(
        state.endpoint.workspace,
        state.endpoint.name,
        signal,
      );
    },
  });
}

export async function loadFactories(ctx: FlowContext, retry: Retry): Promise<void> {
  const { state } = ctx;
  state.loadingFactories = true;
  ctx.changed();
  try {
    await ctx.guard({
      step: 'target',
      operation: 'loadFactories',
      load: 'factories',
      retry,
      run: async (signal) => {
        const azure = await ctx.env.azure();
        state.facts.factories = await azure.reads.listFactories(signal);
      },
    });
  } finally {
    // A newer list replaced this one: it is still loading.
    if (!state.loads.inFlight('factories')) state.loadingFactories = false;
    ctx.changed();
  }
}

/** The chosen factory was listed but its linked services and credentials are not read yet. */
export function factoryFactsMissing(ctx: FlowContext): boolean {
  const { form, facts } = ctx.state;
  return form.factoryId !== '' && !facts.factoryFacts && chosenFactory(form, facts) !== undefined;
}

/** Reads the chosen factory's linked services and credentials; picks the only Key Vault / credential for the form. */
export async function loadFactoryFacts(ctx: FlowContext, retry: Retry): Promise<FormPatch | undefined> {
  const { state } = ctx;
  const factory = chosenFactory(state.form, state.facts);
  if (!factory) return undefined;
  let patch: FormPatch | undefined;
  await ctx.guard({
    step: 'auth',
    operation: 'loadFactory',
    load: 'factoryFacts',
    retry,
    factoryName: factory.name,
    run: async (signal) => {
      const azure = await ctx.env.azure();
      const [linkedServices, credentials] = await Promise.all([
        azure.reads.listLinkedServices(factory, signal),
        azure.reads.listCredentials(factory, signal),
      ]);
      if (chosenFactory(state.form, state.facts)?.id !== factory.id) return;
      state.facts.factoryFacts = { factoryId: factory.id, linkedServices, credentials };
      const vaults = linkedServices.filter((l) => l.type.toLowerCase() === 'azurekeyvault');
      const filled: FormPatch = {};
      if (!state.form.keyVaultLinkedService && vaults.length === 1) filled.keyVaultLinkedService = vaults[0].name;
      if (!state.form.credentialName && credentials.length === 1) filled.credentialName = credentials[0].name;
      if (Object.keys(filled).length > 0) patch = filled;
    },
  });
  return patch;
}

/** Reads the workspace's datastores; picks the first usable input and output for the form. */
export async function loadDatastores(ctx: FlowContext, retry: Retry): Promise<FormPatch | undefined> {
  const { state } = ctx;
  let patch: FormPatch | undefined;
  await ctx.guard({
    step: 'data',
    operation: 'loadDatastores',
    load: 'datastores',
    retry,
    run: async (signal) => {
      const azure = await ctx.env.azure();
      state.facts.datastores = await azure.reads.listDatastores(state.endpoint.workspace, signal);
      const filled: FormPatch = {};
      const input = inputDatastoreChoices(state.facts.datastores).find((d) => !d.disabledReason);
      const output = outputDatastoreChoices(state.facts.datastores).find((d) => !d.disabledReason);
      if (!state.form.inputDatastore && input) filled.inputDatastore = input.name;
      if (!state.form.outputDatastore && output) filled.outputDatastore = output.name;
      if (Object.keys(filled).length > 0) patch = filled;
    },
  });
  return patch;
}

/** Asks for the repository or export folder; the answer goes into the form. */
export async function chooseFolder(
  ctx: FlowContext,
  purpose: 'repository' | 'export',
): Promise<FlowOutcome | undefined> {
  const folder = await ctx.env.prompts.chooseFolder({
    purpose,
    title:
      purpose === 'repository'
        ? l10n.t('Folder of the ADF git repository (the one holding pipeline/)')
        : l10n.t('Folder for the pipeline files'),
  });
  if (!folder) return undefined;
  ctx.state.pickedFolders.add(folder);
  return { patch: purpose === 'repository' ? { repositoryFolder: folder } : { exportFolder: folder } };
}

export async function loadRepositoryCandidates(ctx: FlowContext): Promise<void> {
  try {
    ctx.state.repositoryFolders = await ctx.env.files.repositoryCandidates();
    ctx.changed();
  } catch (error) {
    ctx.env.log.warn(
      `Could not look for ADF repository folders in the workspace: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export async function checkRepositoryFolder(ctx: FlowContext, folder: string): Promise<void> {
  const { files } = ctx.env;
  // Looked at only where the wizard may write (the folder comes from the webview).
  const mayRead = !writeFolderProblem(folder, {
    picked: ctx.state.pickedFolders,
    workspaceFolders: files.workspaceFolders(),
  });
  const looksRight =
    mayRead && ((await files.exists(join(folder, 'pipeline'))) || (await files.exists(join(folder, 'factory'))));
  if (ctx.state.form.repositoryFolder === folder) {
    ctx.state.facts.repositoryLooksRight = looksRight;
    ctx.changed();
  }
}

/** Reads the role assignments of the identity in use, once per principal. */
export function ensureAccess(ctx: FlowContext): void {
  const { state } = ctx;
  const principal = principalInUse(state.form, state.facts);
  if (
    !principal ||
    state.facts.access?.principalId === principal.principalId ||
    state.loadingAccess.has(principal.principalId)
  )
    return;
  ctx.track(loadAccess(ctx, principal.principalId));
}

async function loadAccess(ctx: FlowContext, principalId: string): Promise<void> {
  const { state } = ctx;
  state.loadingAccess.add(principalId);
  try {
    await ctx.guard({
      step: 'auth',
      operation: 'checkAccess',
      load: 'access',
      retry: () => loadAccess(ctx, principalId),
      run: async (signal) => {
        const azure = await ctx.env.azure();
        const assignments = await azure.roles.listForPrincipal(
          sdkScopeOf(state.endpoint.workspace.id),
          principalId,
          signal,
        );
        state.facts.access = { principalId, assignments };
      },
    });
  } finally {
    state.loadingAccess.delete(principalId);
    ctx.changed();
  }
}
