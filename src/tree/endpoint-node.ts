// A batch endpoint: auth mode and default deployment in the description, scoring URI in the tooltip. One
// without a default deployment gets a warning icon and its own contextValue (it cannot be invoked without
// naming a deployment). One with `authMode: Key` gets a warning icon too: ADF's Web activity authenticates
// with Entra tokens (managed identity / service principal), so it cannot call a key-only endpoint. Its
// children are the deployments, then "Used by" (factory pipelines calling it) and "Recent jobs".
import * as vscode from 'vscode';
import { type BatchDeploymentInfo, type BatchEndpointInfo, type PagedList, ResourceLoader } from '../core/azure';
import { CONTEXT } from './context-values';
import { DeploymentNode } from './deployment-node';
import { RecentJobsNode, UsedByNode } from './endpoint-factory-nodes';
import { ListParentNode } from './list-parent-node';
import { emptyNode, openUrlCommand } from './message-node';
import type { SidebarNode, SidebarTree } from './sidebar-node';

const CREATE_DEPLOYMENT_DOCS =
  'https://learn.microsoft.com/azure/machine-learning/how-to-use-batch-model-deployments#create-a-batch-deployment';

export class EndpointNode extends ListParentNode<BatchDeploymentInfo> {
  readonly id: string;

  constructor(
    tree: SidebarTree,
    parent: SidebarNode,
    public item: BatchEndpointInfo,
  ) {
    super(tree, parent);
    this.id = item.id.toLowerCase();
  }

  get contextValue(): string {
    return this.item.defaultDeployment ? CONTEXT.endpoint : CONTEXT.endpointNoDefault;
  }

  private extras: [UsedByNode, RecentJobsNode] | undefined;

  async getChildren(): Promise<SidebarNode[]> {
    const deployments = await super.getChildren();
    this.extras ??= [new UsedByNode(this.tree, this), new RecentJobsNode(this.tree, this)];
    return [...deployments, ...this.extras];
  }

  protected loaderKey(): string {
    return ResourceLoader.keyOf(this.item);
  }

  protected list(): PagedList<BatchDeploymentInfo> {
    return this.tree.loader().batchDeployments(this.item);
  }

  protected createChild(item: BatchDeploymentInfo): DeploymentNode {
    return new DeploymentNode(this, item);
  }

  protected emptyState(): SidebarNode {
    return emptyNode(
      this,
      'No deployments in this endpoint',
      'How to add one',
      openUrlCommand('Create a batch deployment', CREATE_DEPLOYMENT_DOCS),
    );
  }

  invalidate(): void {
    this.tree.loader().invalidate(this.item);
    this.extras?.forEach((n) => n.invalidate());
  }

  protected baseTreeItem(): vscode.TreeItem {
    const ep = this.item;
    const item = new vscode.TreeItem(ep.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = endpointDescription(ep);
    item.iconPath =
      ep.defaultDeployment && !isKeyAuth(ep)
        ? new vscode.ThemeIcon('rocket')
        : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    item.tooltip = endpointTooltip(ep);
    return item;
  }
}

/** True for a key-only endpoint, which ADF's Web activity (Entra tokens only) cannot call. */
function isKeyAuth(ep: BatchEndpointInfo): boolean {
  return ep.authMode === 'Key';
}

/** "AADToken · default: blue", "AADToken · no default deployment", or "key auth: ADF cannot call it · default: blue". */
export function endpointDescription(ep: BatchEndpointInfo): string {
  const auth = isKeyAuth(ep) ? 'key auth: ADF cannot call it' : ep.authMode;
  const deployment = ep.defaultDeployment ? `default: ${ep.defaultDeployment}` : 'no default deployment';
  return [auth, deployment].filter(Boolean).join(' · ');
}

function endpointTooltip(ep: BatchEndpointInfo): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(ep.name)}** (batch endpoint)\n\n`);
  md.appendMarkdown(`Scoring URI: \`${ep.scoringUri ?? 'not available yet'}\`\n\n`);
  md.appendMarkdown(`Auth mode: ${escape(ep.authMode ?? 'unknown')}\n\n`);
  if (isKeyAuth(ep)) {
    md.appendMarkdown(
      "$(warning) Key auth: Azure Data Factory's Web activity authenticates with Entra tokens (managed identity or service principal) and cannot call a key-only endpoint. Switch the endpoint's auth mode to `AADToken`.\n\n",
    );
  }
  md.appendMarkdown(
    ep.defaultDeployment
      ? `Default deployment: ${escape(ep.defaultDeployment)}\n\n`
      : '$(warning) No default deployment: calls must name a deployment (header `azureml-model-deployment`).\n\n',
  );
  if (ep.provisioningState) md.appendMarkdown(`Provisioning state: ${escape(ep.provisioningState)}\n\n`);
  if (ep.description) md.appendText(ep.description);
  return md;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
