// Shared set-up of the wizard's extension-host suites: the extension's API, the emulator's control client, the
// wizard seed (test/fixtures/seeds/wizard.json) signed in as the run's service principal, the endpoint nodes of
// the real tree, and raw ARM reads to see what the emulator stored.
import { request } from 'node:https';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/api';
import { EmulatorControlClient } from '../../../tools/emulator/control-client';
import type { EmulatorSeed, SeedServicePrincipal } from '../../../tools/emulator';
import type { SidebarNode } from '../../../src/tree/sidebar-node';
import type { RequestMethod, RequestParams, WizardViewState } from '../../../src/wizard/protocol';
import type { WizardHandle } from '../../../src/wizard/wizard-api';
import { REPO_ROOT, activateExtensionUnderTest } from '../extension-under-test';

export const WIZARD_SEED = join(REPO_ROOT, 'test', 'fixtures', 'seeds', 'wizard.json');
/** The seed's owner, replaced by the run's service principal. */
const SEED_OWNER = '0b0b0b0b-1111-4000-8000-0000000000c1';
export const SUBSCRIPTION = '5a5a5a5a-0000-4000-8000-0000000000c1';
export const WORKSPACE_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-wizard`;
export const factoryPath = (name: string): string =>
  `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-adf/providers/Microsoft.DataFactory/factories/${name}`;

export interface WizardFixture {
  api: ExtensionApi;
  control: EmulatorControlClient;
  /** The service principal the extension signs in as (its secret is the test secret). */
  principal: SeedServicePrincipal;
  /** Opens the wizard the way a user does: "Create ADF Pipeline..." on the endpoint's tree node. */
  openFromTree(endpointName: string): Promise<WizardHandle>;
  /** Replaces the seed (the wizard seed with `edit` applied), keeping the run identity. */
  reseed(edit?: (seed: EmulatorSeed) => void): Promise<void>;
  /** An ARM GET as the signed-in principal, JSON body. */
  armGet(path: string, apiVersion?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  restore(): Promise<void>;
}

export async function openWizardFixture(): Promise<WizardFixture> {
  const { api, control, emulatorUrl: url, runSeed } = await activateExtensionUnderTest();
  const configured = vscode.workspace
    .getConfiguration('adfBatchEndpoints')
    .get<{ clientId?: string }>('servicePrincipal')?.clientId;
  const principal = runSeed.servicePrincipals?.find((p) => p.clientId.toLowerCase() === configured?.toLowerCase());
  if (!principal) throw new Error(`the run's seed has no service principal ${configured}`);
  const provider = api.sidebar.treeProvider;
  const label = (node: SidebarNode): string => {
    const l = provider.getTreeItem(node).label;
    return typeof l === 'string' ? l : (l?.label ?? '');
  };
  const child = async (parent: SidebarNode | undefined, name: string): Promise<SidebarNode> => {
    const nodes = await provider.getChildren(parent);
    const found = nodes.find((n) => label(n) === name);
    if (!found)
      throw new Error(
        `no "${name}" under ${parent ? label(parent) : 'the root'}; saw: ${nodes.map(label).join(' | ')}`,
      );
    return found;
  };

  const fixture: WizardFixture = {
    api,
    control,
    principal,
    async openFromTree(endpointName) {
      const workspace = await child(await child(undefined, 'Wizard Dev'), 'ws-wizard');
      const node = (await child(workspace, endpointName)) as SidebarNode & { item: { id: string } };
      await vscode.commands.executeCommand('adfBatchEndpoints.createAdfPipeline', node);
      const handle = api.wizard.handle(node.item.id);
      if (!handle) throw new Error('the command opened no wizard');
      return handle;
    },
    async reseed(edit) {
      const seed = withRunIdentity(JSON.parse(readFileSync(WIZARD_SEED, 'utf8')) as EmulatorSeed, runSeed, principal);
      edit?.(seed);
      await control.setSeed(seed);
      api.sidebar.refresh();
    },
    async armGet(path, apiVersion = '2018-06-01') {
      const token = await control.mintToken({
        audience: 'https://management.azure.com/',
        tenantId: principal.tenantId,
        objectId: principal.objectId,
        appId: principal.clientId,
      });
      return new Promise((resolve, reject) => {
        const req = request(
          `${url}${path}?api-version=${apiVersion}`,
          { headers: { Authorization: `Bearer ${token}` }, agent: false },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>,
              }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      });
    },
    async restore() {
      api.wizard.usePrompts(undefined);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await control.clearFaults();
      await control.setSeed(runSeed);
      api.sidebar.refresh();
    },
  };
  await fixture.reseed();
  api.wizard.setMonitorInterval(300);
  return fixture;
}

/** The wizard seed in the run principal's tenant, the principal in place of the seed's owner, its secret in the vault. */
function withRunIdentity(seed: EmulatorSeed, runSeed: EmulatorSeed, principal: SeedServicePrincipal): EmulatorSeed {
  const tenant = runSeed.tenants.find((t) => t.id === principal.tenantId) ?? { id: principal.tenantId };
  return {
    ...seed,
    tenants: [tenant],
    servicePrincipals: [
      principal,
      ...(seed.servicePrincipals ?? [])
        .filter((p) => p.objectId !== SEED_OWNER)
        .map((p) => ({ ...p, tenantId: principal.tenantId })),
    ],
    subscriptions: seed.subscriptions.map((s) => ({
      ...s,
      tenantId: principal.tenantId,
      resourceGroups: s.resourceGroups?.map((g) => ({
        ...g,
        keyVaults: g.keyVaults?.map((v) => ({
          ...v,
          secrets: Object.fromEntries(Object.keys(v.secrets ?? {}).map((k) => [k, principal.secret])),
        })),
      })),
    })),
    roleAssignments: (seed.roleAssignments ?? []).map((ra) =>
      ra.principalId === SEED_OWNER ? { ...ra, principalId: principal.objectId } : ra,
    ),
  };
}

/** Sends a request as the webview would and fails on an error reply. */
export async function send<M extends RequestMethod>(
  handle: WizardHandle,
  method: M,
  params?: RequestParams[M],
): Promise<void> {
  const reply = await handle.send(method, params);
  if (reply && !reply.ok) throw new Error(`${method} was refused: ${reply.error}`);
  await handle.whenIdle();
}

export function factoryId(state: WizardViewState, name: string): string {
  const factory = state.target.factories?.find((f) => f.name === name);
  if (!factory)
    throw new Error(
      `no factory ${name}; saw ${state.target.factories?.map((f) => f.name).join(', ') ?? '(not loaded)'}`,
    );
  return factory.id;
}

/** Endpoint -> Target (the factory) -> Authentication with the given settings. */
export async function toAuth(
  handle: WizardHandle,
  factory: string,
  auth: RequestParams['updateForm']['patch'],
): Promise<void> {
  await handle.whenIdle();
  await send(handle, 'next');
  await send(handle, 'updateForm', { patch: { targetKind: 'factory', factoryId: factoryId(handle.state(), factory) } });
  await send(handle, 'next');
  await send(handle, 'updateForm', { patch: auth });
}

/** Authentication -> Data (a fast poll) -> Review. */
export async function toReview(handle: WizardHandle): Promise<void> {
  await send(handle, 'next');
  await send(handle, 'updateForm', { patch: { inputPath: 'data/scoring/', pollIntervalSeconds: 1 } });
  await send(handle, 'next');
}
