// An Azure ML workspace (resource group and region in the description); its children are batch endpoints.
import * as vscode from 'vscode';
import {
  CREATE_BATCH_ENDPOINT_DOCS,
  type BatchEndpointInfo,
  type WorkspaceInfo,
  type PagedList,
  ResourceLoader,
} from '../core/azure';
import { CONTEXT } from './context-values';
import { EndpointNode } from './endpoint-node';
import { ListParentNode } from './list-parent-node';
import { emptyNode, openUrlCommand } from './message-node';
import type { SidebarNode, SidebarTree } from './sidebar-node';

export class WorkspaceNode extends ListParentNode<BatchEndpointInfo> {
  readonly contextValue = CONTEXT.workspace;
  readonly id: string;

  constructor(
    tree: SidebarTree,
    parent: SidebarNode,
    public item: WorkspaceInfo,
  ) {
    super(tree, parent);
    this.id = item.id.toLowerCase();
  }

  protected loaderKey(): string {
    return ResourceLoader.keyOf(this.item);
  }

  protected list(): PagedList<BatchEndpointInfo> {
    return this.tree.loader().batchEndpoints(this.item);
  }

  protected createChild(item: BatchEndpointInfo): EndpointNode {
    return new EndpointNode(this.tree, this, item);
  }

  protected emptyState(): SidebarNode {
    return emptyNode(
      this,
      'No batch endpoints in this workspace',
      'How to create one',
      openUrlCommand('Create a batch endpoint', CREATE_BATCH_ENDPOINT_DOCS),
    );
  }

  invalidate(): void {
    this.tree.loader().invalidate(this.item);
  }

  protected baseTreeItem(): vscode.TreeItem {
    const ws = this.item;
    const item = new vscode.TreeItem(ws.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = [ws.resourceGroup, ws.location].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('beaker');
    item.tooltip = [
      ws.friendlyName && ws.friendlyName !== ws.name ? `${ws.name} (${ws.friendlyName})` : ws.name,
      `Resource group: ${ws.resourceGroup}`,
      `Region: ${ws.location}`,
      `ID: ${ws.id}`,
    ].join('\n');
    return item;
  }
}
