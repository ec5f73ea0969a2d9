// "Load more..." at the end of a list longer than adfBatchEndpoints.pageSize.
import * as vscode from 'vscode';
import { CONTEXT } from './context-values';
import type { LoadingParent, SidebarNode } from './sidebar-node';

export const LOAD_MORE_COMMAND = 'adfBatchEndpoints.loadMore';

export class LoadMoreNode implements SidebarNode {
  readonly contextValue = CONTEXT.loadMore;
  readonly id: string;
  loading = false;

  constructor(readonly parent: LoadingParent) {
    this.id = `${parent.id}#loadMore`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      this.loading ? 'Loading more...' : 'Load more...',
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.iconPath = new vscode.ThemeIcon(this.loading ? 'loading~spin' : 'ellipsis');
    item.command = { title: vscode.l10n.t('Load more'), command: LOAD_MORE_COMMAND, arguments: [this] };
    return item;
  }
}
