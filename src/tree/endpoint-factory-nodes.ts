// What a batch endpoint adds from the Data Factory side: "Used by" (the factory pipelines, across the selected
// subscriptions, whose Web activity posts to its scoring URI) and "Recent jobs" (the list `az ml batch-endpoint
// list-jobs` reads: status, start, duration, output path).
import * as vscode from 'vscode';
import { describeAzureError, formatAzureError, type BatchEndpointInfo, type PagedList } from '../core/azure';
import { formatDuration, runDurationMs, type UsageScan } from '../core/factory';
import { CONTEXT } from './context-values';
import type { BatchJobItem, UsageItem } from './factory-loader';
import { ListParentNode } from './list-parent-node';
import { MessageNode } from './message-node';
import { formatStart, PipelineNode, statusThemeIcon } from './pipeline-nodes';
import type { SidebarNode, SidebarTree } from './sidebar-node';

export class UsedByNode extends ListParentNode<UsageItem> {
  readonly contextValue = CONTEXT.usedBy;
  readonly id: string;
  private partialErrors: UsageScan['errors'] = [];

  constructor(
    tree: SidebarTree,
    readonly endpointNode: SidebarNode & { item: BatchEndpointInfo },
  ) {
    super(tree, endpointNode);
    this.id = `${endpointNode.id}#usedBy`;
  }

  protected loaderKey(): string {
    return this.id;
  }

  protected list(): PagedList<UsageItem> {
    return this.tree.factoryLoader().usedBy(this.endpointNode.item.scoringUri, this.id, (errors) => {
      this.partialErrors = errors;
    });
  }

  protected createChild(item: UsageItem): PipelineNode & { item: UsageItem } {
    // The node keeps the item it was given (a UsageItem is a PipelineItem with `via`).
    return new PipelineNode(this.tree, this, item, item.via) as PipelineNode & { item: UsageItem };
  }

  async getChildren(): Promise<SidebarNode[]> {
    const children = await super.getChildren();
    // Factories or subscriptions that could not be read: said once each, the pipelines found elsewhere stay.
    const problems = this.partialErrors.map(
      (e, i) =>
        new MessageNode(`${this.id}#partial${i}`, this, vscode.l10n.t('Could not read {0}', e.where), {
          icon: 'warning',
          description: formatAzureError(describeAzureError(e.error)),
          tooltip: formatAzureError(describeAzureError(e.error)),
        }),
    );
    return [...children, ...problems];
  }

  protected emptyState(): SidebarNode {
    return new MessageNode(`${this.id}#empty`, this, vscode.l10n.t('No factory pipeline calls this endpoint'), {
      contextValue: CONTEXT.empty,
      tooltip: vscode.l10n.t('Searched the pipelines of every data factory in the selected subscriptions.'),
    });
  }

  invalidate(): void {
    const loader = this.tree.factoryLoader();
    loader.refreshUsage();
    loader.invalidate(this.id);
  }

  protected baseTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Used by'), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon('references');
    item.tooltip = vscode.l10n.t('Data Factory pipelines (in the selected subscriptions) that call this endpoint');
    return item;
  }
}

export class RecentJobsNode extends ListParentNode<BatchJobItem> {
  readonly contextValue = CONTEXT.recentJobs;
  readonly id: string;

  constructor(
    tree: SidebarTree,
    readonly endpointNode: SidebarNode & { item: BatchEndpointInfo },
  ) {
    super(tree, endpointNode);
    this.id = `${endpointNode.id}#jobs`;
  }

  protected loaderKey(): string {
    return this.id;
  }

  protected list(): PagedList<BatchJobItem> {
    return this.tree.factoryLoader().batchJobs(this.endpointNode.item, this.id);
  }

  protected createChild(item: BatchJobItem): BatchJobNode {
    return new BatchJobNode(this, item, this.endpointNode.item);
  }

  protected emptyState(): SidebarNode {
    return new MessageNode(`${this.id}#empty`, this, vscode.l10n.t('No jobs yet'), { contextValue: CONTEXT.empty });
  }

  invalidate(): void {
    this.tree.factoryLoader().invalidate(this.id);
  }

  protected baseTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Recent jobs'), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon('history');
    return item;
  }
}

export class BatchJobNode implements SidebarNode {
  readonly contextValue = CONTEXT.batchJob;
  readonly id: string;

  constructor(
    readonly parent: SidebarNode,
    public item: BatchJobItem,
    readonly endpoint: BatchEndpointInfo,
  ) {
    this.id = `${parent.id}/${item.name.toLowerCase()}`;
  }

  getTreeItem(): vscode.TreeItem {
    const j = this.item;
    const item = new vscode.TreeItem(j.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.contextValue;
    const duration = formatDuration(runDurationMs({ runStart: j.createdAt, runEnd: j.endedAt }));
    item.description = [j.status, formatStart(j.createdAt), duration].filter(Boolean).join(' · ');
    item.iconPath = statusThemeIcon(j.status);
    item.tooltip = [
      vscode.l10n.t('Job {0}', j.name),
      vscode.l10n.t('Status: {0}', j.status),
      ...j.outputUris.map((u) => vscode.l10n.t('Output: {0}', u)),
    ].join('\n');
    return item;
  }
}
