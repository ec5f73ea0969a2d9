// A batch deployment (a leaf): the default one is marked, with its provisioning state and model.
import * as vscode from 'vscode';
import type { BatchDeploymentInfo } from '../core/azure';
import { CONTEXT } from './context-values';
import type { SidebarNode } from './sidebar-node';

export class DeploymentNode implements SidebarNode {
  readonly id: string;

  constructor(
    readonly parent: SidebarNode,
    public item: BatchDeploymentInfo,
  ) {
    this.id = item.id ? item.id.toLowerCase() : `${parent.id}/deployments/${item.name.toLowerCase()}`;
  }

  get contextValue(): string {
    return this.item.isDefault ? CONTEXT.deploymentDefault : CONTEXT.deployment;
  }

  getTreeItem(): vscode.TreeItem {
    const d = this.item;
    const item = new vscode.TreeItem(d.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.description = deploymentDescription(d);
    item.iconPath = deploymentIcon(d);
    item.tooltip = [
      `${d.name}${d.isDefault ? ' (default deployment)' : ''}`,
      `Provisioning state: ${d.provisioningState ?? 'unknown'}`,
      `Model: ${d.model ?? 'unknown'}`,
      d.compute ? `Compute: ${d.compute}` : undefined,
    ]
      .filter(Boolean)
      .join('\n');
    return item;
  }
}

/** "default · Succeeded · model iris:3" (the first part only on the default deployment). */
export function deploymentDescription(d: BatchDeploymentInfo): string {
  return [d.isDefault ? 'default' : undefined, d.provisioningState, d.model ? `model ${d.model}` : undefined]
    .filter(Boolean)
    .join(' · ');
}

function deploymentIcon(d: BatchDeploymentInfo): vscode.ThemeIcon {
  if (d.provisioningState === 'Failed')
    return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  return new vscode.ThemeIcon(d.isDefault ? 'star-full' : 'package');
}
