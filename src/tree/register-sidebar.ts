// Wires the sidebar: view, sign-in, tree and resource commands. Activation stays light: nothing here
// loads the Azure SDK; the first expand of the view does (see src/auth/load-backend.ts).
import * as vscode from 'vscode';
import type { SidebarApi } from '../api';
import { registerAuthCommands } from '../auth/auth-commands';
import { isAzureBackendLoaded, loadAzureBackend } from '../auth/load-backend';
import { ServicePrincipalSecretStore } from '../auth/secret-store';
import { SessionManager } from '../auth/session-manager';
import { SubscriptionSelection } from '../auth/subscription-selection';
import { registerResourceCommands } from '../commands/resource-commands';
import { LOADER_SETTINGS, readServicePrincipal } from '../settings';
import { SidebarTreeProvider } from './sidebar-tree-provider';
import { registerTreeCommands } from './tree-commands';

export const VIEW_ID = 'adfBatchEndpoints.resources';

export function registerSidebar(context: vscode.ExtensionContext): SidebarApi {
  const secrets = new ServicePrincipalSecretStore(context.secrets);
  // Automated runs (tests, the sandbox) hand the emulator's secret over through the environment.
  const seeded = secrets.seedFromEnvironment(readServicePrincipal().clientId);
  const sessions = new SessionManager(context.extensionPath, secrets, seeded);
  const selection = new SubscriptionSelection(context.globalState);
  const tree = new SidebarTreeProvider({
    current: () => sessions.current(),
    getSubscriptions: () => sessions.getSubscriptions(),
    refreshSubscriptions: () => sessions.refreshSubscriptions(),
    selection: () => selection.current(),
    createReader: (session) => loadAzureBackend(context.extensionPath).createResourceReader(session),
  });
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });

  context.subscriptions.push(
    sessions,
    tree,
    view,
    sessions.onDidChange(() => tree.reset()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (LOADER_SETTINGS.some((s) => e.affectsConfiguration(s))) tree.resetLoader();
      if (e.affectsConfiguration('azureResourceGroups.selectedSubscriptions')) tree.changed(undefined);
    }),
    ...registerTreeCommands(tree),
    ...registerAuthCommands({ sessions, secrets, selection, refreshTree: () => tree.changed(undefined) }),
    ...registerResourceCommands(() => tree.cloud()),
  );

  return {
    treeProvider: tree,
    signInState: () => sessions.state,
    async setServicePrincipalSecret(secret: string): Promise<void> {
      await secrets.store(readServicePrincipal().clientId, secret);
      sessions.reset();
    },
    refresh: () => tree.refresh(),
    async setSubscriptionSelection(entries: readonly string[] | undefined): Promise<void> {
      await selection.set(entries);
      tree.changed(undefined);
    },
    isAzureBackendLoaded,
  };
}
