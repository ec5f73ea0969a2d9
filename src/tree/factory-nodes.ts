// The Data Factory side of a subscription: "Data factories" > factory (identity and git mode) > "Batch endpoint
// pipelines" (expanded) and "Other pipelines" (collapsed) > pipeline. Pipelines and runs are in pipeline-nodes.ts.
import * as vscode from 'vscode';
import type { PagedList, SubscriptionRef } from '../core/azure';
import { factoryDescription, type FactoryInfo } from '../core/factory';
import { CONTEXT } from './context-values';
import type { PipelineItem } from './factory-loader';
import { FactoryLoader } from './factory-loader';
import { ListParentNode } from './list-parent-node';
import { emptyNode, openUrlCommand } from './message-node';
import { PipelineNode } from './pipeline-nodes';
import type { SidebarNode, SidebarTree } from './sidebar-node';

const CREATE_FACTORY_DOCS = 'https://learn.microsoft.com/azure/data-factory/quickstart-create-data-factory';
const CREATE_PIPELINE_DOCS = 'https://learn.microsoft.com/azure/data-factory/concepts-pipelines-activities';

/** "Data factories" under a subscription. */
export class FactoriesGroupNode extends ListParentNode<FactoryInfo> {
  readonly contextValue = CONTEXT.factories;
  readonly id: string;

  constructor(
    tree: SidebarTree,
    parent: SidebarNode,
    public subscription: SubscriptionRef,
  ) {
    super(tree, parent);
    this.id = `${parent.id}#factories`;
  }

  protected loaderKey(): string {
    return FactoryLoader.factoriesKey(this.subscription);
  }

  protected list(): PagedList<FactoryInfo> {
    return this.tree.factoryLoader().factories(this.subscription);
  }

  protected createChild(item: FactoryInfo): FactoryNode {
    return new FactoryNode(this.tree, this, item);
  }

  protected emptyState(): SidebarNode {
    return emptyNode(
      this,
      vscode.l10n.t('No data factories in this subscription'),
      vscode.l10n.t('How to create one'),
      openUrlCommand(vscode.l10n.t('Create a data factory'), CREATE_FACTORY_DOCS),
    );
  }

  invalidate(): void {
    this.tree.factoryLoader().invalidate(this.loaderKey());
  }

  protected baseTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Data factories'), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon('server-process');
    item.tooltip = vscode.l10n.t('Azure Data Factory instances in {0}', this.subscription.name);
    return item;
  }
}

/** A data factory; its children are the two pipeline groups. */
export class FactoryNode implements SidebarNode {
  readonly contextValue = CONTEXT.factory;
  readonly id: string;
  private readonly groups: [PipelineGroupNode, PipelineGroupNode];

  constructor(
    private readonly tree: SidebarTree,
    readonly parent: SidebarNode,
    public item: FactoryInfo,
  ) {
    this.id = item.id.toLowerCase();
    this.groups = [new PipelineGroupNode(tree, this, true), new PipelineGroupNode(tree, this, false)];
  }

  getTreeItem(): vscode.TreeItem {
    const f = this.item;
    const item = new vscode.TreeItem(f.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.description = factoryDescription(f);
    item.iconPath = new vscode.ThemeIcon('server-process');
    item.tooltip = [
      vscode.l10n.t('{0} (data factory)', f.name),
      vscode.l10n.t('Resource group: {0}', f.resourceGroup),
      f.location ? vscode.l10n.t('Region: {0}', f.location) : undefined,
      vscode.l10n.t('Identity: {0}', f.identity),
      vscode.l10n.t('Git: {0}', f.gitMode),
    ]
      .filter(Boolean)
      .join('\n');
    return item;
  }

  async getChildren(): Promise<SidebarNode[]> {
    return this.groups;
  }

  invalidate(): void {
    this.tree.factoryLoader().invalidate(this.id);
  }
}

/** "Batch endpoint pipelines" (pipelines the validator's batch rules recognise) or "Other pipelines". */
export class PipelineGroupNode extends ListParentNode<PipelineItem> {
  readonly contextValue = CONTEXT.pipelineGroup;
  readonly id: string;

  constructor(
    tree: SidebarTree,
    readonly factoryNode: FactoryNode,
    readonly batch: boolean,
  ) {
    super(tree, factoryNode);
    this.id = `${factoryNode.id}#${batch ? 'batch' : 'other'}`;
  }

  protected loaderKey(): string {
    return this.id;
  }

  protected list(): PagedList<PipelineItem> {
    return this.tree.factoryLoader().pipelineGroup(this.factoryNode.item, this.batch, this.id);
  }

  protected createChild(item: PipelineItem): PipelineNode {
    return new PipelineNode(this.tree, this, item);
  }

  protected emptyState(): SidebarNode {
    return this.batch
      ? emptyNode(
          this,
          vscode.l10n.t('No pipeline calls a batch endpoint'),
          vscode.l10n.t('Create one from an endpoint'),
          openUrlCommand(vscode.l10n.t('Batch endpoints from Data Factory'), CREATE_PIPELINE_DOCS),
        )
      : emptyNode(
          this,
          vscode.l10n.t('No other pipelines'),
          vscode.l10n.t('About pipelines'),
          openUrlCommand(vscode.l10n.t('Pipelines'), CREATE_PIPELINE_DOCS),
        );
  }

  invalidate(): void {
    this.factoryNode.invalidate();
  }

  protected baseTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      this.batch ? vscode.l10n.t('Batch endpoint pipelines') : vscode.l10n.t('Other pipelines'),
      this.batch ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.iconPath = new vscode.ThemeIcon(this.batch ? 'rocket' : 'list-tree');
    return item;
  }
}
