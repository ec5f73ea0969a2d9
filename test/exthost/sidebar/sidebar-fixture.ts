// Shared set-up of the sidebar suites inside the extension host: the extension's API, the emulator's control
// client, the sidebar seed (swapped in for the run's seed and swapped back afterwards) and tree helpers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/api';
import { EmulatorControlClient } from '../../../tools/emulator/control-client';
import type { EmulatorSeed } from '../../../tools/emulator';
import type { SidebarNode } from '../../../src/tree/sidebar-node';
import { REPO_ROOT, activateExtensionUnderTest } from '../extension-under-test';

export const SEED_FILE = join(REPO_ROOT, 'test', 'fixtures', 'seeds', 'sidebar-exthost.json');
export const SUBSCRIPTIONS = {
  contoso: '5d000000-0000-4000-8000-000000000001',
  broken: '5d000000-0000-4000-8000-000000000002',
  forbidden: '5d000000-0000-4000-8000-000000000003',
};

export interface SidebarFixture {
  api: ExtensionApi;
  control: EmulatorControlClient;
  children(node?: SidebarNode): Promise<SidebarNode[]>;
  item(node: SidebarNode): vscode.TreeItem;
  label(node: SidebarNode): string;
  /** The child of `parent` (the root when undefined) with this label; fails with the labels it saw. */
  child(parent: SidebarNode | undefined, label: string): Promise<SidebarNode>;
  /** Sets an adfBatchEndpoints setting (user level) and reloads the tree; undefined removes it. */
  setSetting(key: string, value: unknown): Promise<void>;
  /** Puts the run's seed and the changed settings back. */
  restore(): Promise<void>;
}

/** The sandbox world of `npm start` (a factory with batch pipelines, past runs and jobs). */
export const SANDBOX_SEED_FILE = join(REPO_ROOT, 'test', 'sandbox', 'seed.json');

/** `seed`: a seed file, or a seed built by the suite (many subscriptions). */
export async function openSidebarFixture(seed: string | EmulatorSeed = SEED_FILE): Promise<SidebarFixture> {
  const { api, control, runSeed } = await activateExtensionUnderTest();
  const world = typeof seed === 'string' ? (JSON.parse(readFileSync(seed, 'utf8')) as EmulatorSeed) : seed;
  await control.setSeed(withRunIdentity(world, runSeed));
  const changed = new Set<string>();
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('adfBatchEndpoints');
  const provider = api.sidebar.treeProvider;

  const fixture: SidebarFixture = {
    api,
    control,
    children: async (node) => provider.getChildren(node),
    item: (node) => provider.getTreeItem(node),
    label(node) {
      const label = provider.getTreeItem(node).label;
      return typeof label === 'string' ? label : (label?.label ?? '');
    },
    async child(parent, label) {
      const nodes = await fixture.children(parent);
      const found = nodes.find((n) => fixture.label(n) === label);
      if (!found)
        throw new Error(
          `no "${label}" under ${parent ? fixture.label(parent) : 'the root'}; saw: ${nodes.map((n) => fixture.label(n)).join(' | ')}`,
        );
      return found;
    },
    async setSetting(key, value) {
      changed.add(key);
      await config().update(key, value, vscode.ConfigurationTarget.Global);
      api.sidebar.refresh();
    },
    async restore() {
      for (const key of changed) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
      await api.sidebar.setSubscriptionSelection(undefined);
      await control.clearFaults();
      await control.clearLatency();
      await control.setSeed(runSeed);
      api.sidebar.refresh();
    },
  };
  api.sidebar.refresh();
  return fixture;
}

/**
 * The sidebar seed, signed in as whatever service principal the harness configured: that principal (from
 * the run's seed) replaces ours, and our subscriptions move to its tenant.
 */
function withRunIdentity(seed: EmulatorSeed, runSeed: EmulatorSeed): EmulatorSeed {
  const configured = vscode.workspace
    .getConfiguration('adfBatchEndpoints')
    .get<{ clientId?: string }>('servicePrincipal')?.clientId;
  const principal = runSeed.servicePrincipals?.find((p) => p.clientId.toLowerCase() === configured?.toLowerCase());
  if (!principal) return seed;
  const tenant = runSeed.tenants.find((t) => t.id === principal.tenantId) ?? { id: principal.tenantId };
  return {
    ...seed,
    tenants: [tenant],
    servicePrincipals: [principal],
    subscriptions: seed.subscriptions.map((s) => ({ ...s, tenantId: principal.tenantId })),
  };
}

/** The codicon id of a tree item's icon, when it is a ThemeIcon. */
export function iconId(item: vscode.TreeItem): string | undefined {
  return item.iconPath instanceof vscode.ThemeIcon
    ? item.iconPath.id
    : (item.iconPath as { id?: string } | undefined)?.id;
}

/** The tooltip as a user reads it (MarkdownString.appendText escapes spaces and punctuation). */
export function tooltipText(item: vscode.TreeItem): string {
  const tooltip = item.tooltip;
  const text = typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
  return text.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}
