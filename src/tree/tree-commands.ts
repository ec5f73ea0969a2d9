// Commands acting on the tree itself: refresh (all or one node), retry a failed load, load more.
import type * as vscode from 'vscode';
import { registerCommand } from '../commands/register-command';
import { RETRY_COMMAND, type ErrorNode } from './error-node';
import { LOAD_MORE_COMMAND, type LoadMoreNode } from './load-more-node';
import type { SidebarNode } from './sidebar-node';
import type { SidebarTreeProvider } from './sidebar-tree-provider';

export const TREE_COMMANDS = {
  refresh: 'adfBatchEndpoints.refresh',
  refreshNode: 'adfBatchEndpoints.refreshNode',
  retry: RETRY_COMMAND,
  loadMore: LOAD_MORE_COMMAND,
} as const;

export function registerTreeCommands(tree: SidebarTreeProvider): vscode.Disposable[] {
  return [
    registerCommand(TREE_COMMANDS.refresh, () => tree.refresh()),
    registerCommand(TREE_COMMANDS.refreshNode, (node?: SidebarNode) =>
      node ? tree.refreshNode(node) : tree.refresh(),
    ),
    registerCommand(TREE_COMMANDS.retry, async (node?: ErrorNode) => {
      if (node?.parent) await node.parent.retry();
      else tree.refresh();
    }),
    registerCommand(TREE_COMMANDS.loadMore, async (node?: LoadMoreNode) => {
      if (node) await node.parent.loadMore();
    }),
  ];
}
