// A subscription; its children are the Azure ML workspaces in it, then "Data factories".
import * as vscode from 'vscode';
import { type SubscriptionRef, type WorkspaceInfo, type PagedList, ResourceLoader } from '../core/azure';
import { CONTEXT } from './context-values';
import { ListParentNode } from './list-parent-node';
import { FactoriesGroupNode } from './factory-nodes';
import { emptyNode, openUrlCommand } from './message-node';
import type { SidebarNode, SidebarTree } from './sidebar-node';
import { WorkspaceNode } from './workspace-node';

const CREATE_WORKSPACE_DOCS = 'https://learn.microsoft.com/azure/machine-learning/quickstart-create-resources';

export class SubscriptionNode extends ListParentNode<WorkspaceInfo> {
  readonly contextValue = CONTEXT.subscription;
  readonly id: string;

  constructor(
    tree: SidebarTree,
    public subscription: SubscriptionRef,
  ) {
    super(tree, undefined);
    this.id = `subscription:${subscription.tenantId}/${subscription.subscriptionId}`.toLowerCase();
  }

  private factories: FactoriesGroupNode | undefined;

  async getChildren(): Promise<SidebarNode[]> {
    const workspaces = await super.getChildren();
    this.factories ??= new FactoriesGroupNode(this.tree, this, this.subscription);
    this.factories.subscription = this.subscription;
    return [...workspaces, this.factories];
  }

  protected loaderKey(): string {
    return ResourceLoader.keyOf(this.subscription);
  }

  protected list(): PagedList<WorkspaceInfo> {
    return this.tree.loader().workspaces(this.subscription);
  }

  protected createChild(item: WorkspaceInfo): WorkspaceNode {
    return new WorkspaceNode(this.tree, this, item);
  }

  protected emptyState(): SidebarNode {
    return emptyNode(
      this,
      'No Azure ML workspaces in this subscription',
      'How to create one',
      openUrlCommand('Create a workspace', CREATE_WORKSPACE_DOCS),
    );
  }

  invalidate(): void {
    this.tree.loader().invalidate(this.subscription);
    this.factories?.invalidate();
  }

  protected baseTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.subscription.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon('key');
    item.tooltip = `${this.subscription.name}\nSubscription: ${this.subscription.subscriptionId}\nTenant: ${this.subscription.tenantId}`;
    return item;
  }
}
