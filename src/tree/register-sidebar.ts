// Wires the sidebar: view, sign-in, tree and resource commands. Activation stays light: nothing here loads the Azure
// SDK; the first expand of the view does (through AzureAccess).
import * as vscode from 'vscode';
import type { SidebarApi } from './sidebar-api';
import { registerAuthCommands } from '../auth/auth-commands';
import { SubscriptionSelection } from '../auth/subscription-selection';
import type { AzureAccess } from '../azure/access';
import type { Log } from '../log';
import { registerResourceCommands } from './resource-commands';
import { LOADER_SETTINGS, readServicePrincipal } from '../settings';
import { SidebarTreeProvider } from './sidebar-tree-provider';
import { registerTreeCommands } from './tree-commands';

export const VIEW_ID = 'adfBatchEndpoints.resources';

export function registerSidebar(context: vscode.ExtensionContext, access: AzureAccess, log?: Log): SidebarApi {
  const selection = new SubscriptionSelection(context.globalState);
  const tree = new SidebarTreeProvider(
    {
      current: () => access.current(),
      getSubscriptions: () => access.getSubscriptions(),
      subscriptionListing: () => access.subscriptionListing(),
      refreshSubscriptions: () => access.refreshSubscriptions(),
      selection: () => selection.current(),
      createReader: (session) => access.readerFor(session),
      createFactoryReader: (session) => access.factoryReaderFor(session),
    },
    log,
  );
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });

  context.subscriptions.push(
    tree,
    view,
    access.onDidChange(() => tree.reset()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => tree.reset()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (LOADER_SETTINGS.some((s) => e.affectsConfiguration(s))) tree.resetLoader();
      if (e.affectsConfiguration('azureResourceGroups.selectedSubscriptions')) tree.changed(undefined);
    }),
    ...registerTreeCommands(tree),
    ...registerAuthCommands({ access, selection, refreshTree: () => tree.changed(undefined) }),
    ...registerResourceCommands(() => tree.cloud()),
  );

  return {
    treeProvider: tree,
    signInState: () => access.state,
    setServicePrincipalSecret: (secret) => access.setServicePrincipalSecret(readServicePrincipal().clientId, secret),
    refresh: () => tree.refresh(),
    async setSubscriptionSelection(entries: readonly string[] | undefined): Promise<void> {
      await selection.set(entries);
      tree.changed(undefined);
    },
    isAzureBackendLoaded: () => access.isSdkLoaded(),
  };
}
