// Shared behaviour of the nodes that own a paged child list: load on expand, "Loading..." while the
// service is asked, "Load more...", an error row with Retry, an empty-state row, and stable child objects
// (VS Code refreshes a node by object identity).
import * as vscode from 'vscode';
import { type ListSnapshot, type PagedList, resourceKey } from '../core/azure';
import { ErrorNode } from './error-node';
import { LoadMoreNode } from './load-more-node';
import type { LoadingParent, SidebarNode, SidebarTree } from './sidebar-node';

export abstract class ListParentNode<T extends { id: string }> implements LoadingParent {
  abstract readonly id: string;
  abstract readonly contextValue: string;
  private loading = false;
  private children = new Map<string, SidebarNode & { item: T }>();
  private loadMoreNode: LoadMoreNode | undefined;

  constructor(
    protected readonly tree: SidebarTree,
    readonly parent: SidebarNode | undefined,
  ) {}

  /** The cache key of this node's children in the ResourceLoader. */
  protected abstract loaderKey(): string;
  protected abstract list(): PagedList<T>;
  protected abstract createChild(item: T): SidebarNode & { item: T };
  protected abstract emptyState(): SidebarNode;
  /** The row without loading decorations. */
  protected abstract baseTreeItem(): vscode.TreeItem;
  abstract invalidate(): void;

  getTreeItem(): vscode.TreeItem {
    const item = this.baseTreeItem();
    item.id = this.id;
    item.contextValue = this.contextValue;
    if (this.loading) {
      item.description = vscode.l10n.t('Loading...');
      item.iconPath = new vscode.ThemeIcon('loading~spin');
    }
    return item;
  }

  async getChildren(): Promise<SidebarNode[]> {
    this.tree.registerParent(this.loaderKey(), this);
    return this.render(await this.list().ensureLoaded());
  }

  async loadMore(): Promise<void> {
    if (this.loadMoreNode) {
      this.loadMoreNode.loading = true;
      this.tree.changed(this.loadMoreNode);
    }
    await this.list().loadMore();
    if (this.loadMoreNode) this.loadMoreNode.loading = false;
    this.tree.changed(this);
  }

  async retry(): Promise<void> {
    const done = this.list().retry();
    this.tree.changed(this);
    await done;
  }

  setLoading(loading: boolean): void {
    if (this.loading === loading) return;
    this.loading = loading;
    this.tree.changed(this);
  }

  private render(snapshot: ListSnapshot<T>): SidebarNode[] {
    const previous = this.children;
    this.children = new Map();
    const nodes: SidebarNode[] = snapshot.items.map((item) => {
      const key = resourceKey(item.id);
      const node = previous.get(key) ?? this.createChild(item);
      node.item = item;
      this.children.set(key, node);
      return node;
    });
    if (snapshot.error) {
      nodes.push(new ErrorNode(this, snapshot.error));
    } else if (snapshot.hasMore) {
      this.loadMoreNode ??= new LoadMoreNode(this);
      nodes.push(this.loadMoreNode);
    } else if (nodes.length === 0) {
      nodes.push(this.emptyState());
    }
    return nodes;
  }
}
