// A factory pipeline > its recent runs (status icon, start time, duration; 10 per page) > activity runs. A batch
// pipeline's tooltip names the scoring URI(s) it calls. The same node shows under a factory and under "Used by".
import * as vscode from 'vscode';
import type { PagedList } from '../core/azure';
import { formatDuration, runDurationMs, statusIcon, type FactoryInfo, type FactoryPipeline } from '../core/factory';
import { CONTEXT } from './context-values';
import type { ActivityRunItem, PipelineItem, RunItem } from './factory-loader';
import { ListParentNode } from './list-parent-node';
import { MessageNode } from './message-node';
import type { SidebarNode, SidebarTree } from './sidebar-node';

export class PipelineNode extends ListParentNode<RunItem> {
  readonly id: string;

  constructor(
    tree: SidebarTree,
    parent: SidebarNode,
    public item: PipelineItem,
    /** How it calls the endpoint it is listed under ("Used by"), e.g. "Run Batch-Endpoint (parameter endpoint_uri)". */
    private readonly via: readonly string[] = [],
  ) {
    super(tree, parent);
    this.id = `${parent.id}>${item.id.toLowerCase()}`;
  }

  get contextValue(): string {
    return this.item.classification.isBatch ? CONTEXT.pipelineBatch : CONTEXT.pipeline;
  }

  get pipeline(): FactoryPipeline {
    return this.item.pipeline;
  }

  protected loaderKey(): string {
    return `${this.id}#runs`;
  }

  protected list(): PagedList<RunItem> {
    return this.tree.factoryLoader().runs(this.pipeline.factory, this.pipeline.name, this.loaderKey());
  }

  protected createChild(item: RunItem): PipelineRunNode {
    return new PipelineRunNode(this.tree, this, this.pipeline.factory, item);
  }

  protected emptyState(): SidebarNode {
    return new MessageNode(`${this.id}#empty`, this, vscode.l10n.t('No runs in the last 45 days'), {
      contextValue: CONTEXT.empty,
      tooltip: vscode.l10n.t('Data Factory keeps pipeline run history for 45 days.'),
    });
  }

  invalidate(): void {
    this.tree.factoryLoader().invalidate(this.loaderKey());
  }

  protected baseTreeItem(): vscode.TreeItem {
    const p = this.pipeline;
    const item = new vscode.TreeItem(p.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon(this.item.classification.isBatch ? 'rocket' : 'symbol-event');
    item.description = this.via.length ? `${p.factory.name} · ${this.via.join(', ')}` : undefined;
    const lines = [vscode.l10n.t('{0} (pipeline in {1})', p.name, p.factory.name)];
    for (const uri of this.item.classification.scoringUris) lines.push(vscode.l10n.t('Calls batch endpoint: {0}', uri));
    if (this.item.classification.isBatch && this.item.classification.scoringUris.length === 0)
      lines.push(vscode.l10n.t('Calls a batch endpoint whose scoring URI is known only at run time.'));
    if (this.via.length) lines.push(vscode.l10n.t('Through: {0}', this.via.join(', ')));
    item.tooltip = lines.join('\n');
    return item;
  }
}

export class PipelineRunNode extends ListParentNode<ActivityRunItem> {
  readonly id: string;

  constructor(
    tree: SidebarTree,
    parent: SidebarNode,
    readonly factory: FactoryInfo,
    public item: RunItem,
  ) {
    super(tree, parent);
    this.id = `${parent.id}/runs/${item.runId.toLowerCase()}`;
  }

  get contextValue(): string {
    return this.item.status === 'Failed' ? CONTEXT.pipelineRunFailed : CONTEXT.pipelineRun;
  }

  protected loaderKey(): string {
    return `${this.id}#activities`;
  }

  protected list(): PagedList<ActivityRunItem> {
    return this.tree.factoryLoader().activityRuns(this.factory, this.item, this.loaderKey());
  }

  protected createChild(item: ActivityRunItem): ActivityRunNode {
    return new ActivityRunNode(this, item);
  }

  protected emptyState(): SidebarNode {
    return new MessageNode(`${this.id}#empty`, this, vscode.l10n.t('No activity ran'), { contextValue: CONTEXT.empty });
  }

  invalidate(): void {
    this.tree.factoryLoader().invalidate(this.loaderKey());
  }

  protected baseTreeItem(): vscode.TreeItem {
    const run = this.item;
    const item = new vscode.TreeItem(formatStart(run.runStart), vscode.TreeItemCollapsibleState.Collapsed);
    item.description = [run.status, formatDuration(runDurationMs(run))].filter(Boolean).join(' · ');
    item.iconPath = statusThemeIcon(run.status);
    item.tooltip = [
      vscode.l10n.t('Run {0}', run.runId),
      vscode.l10n.t('Status: {0}', run.status),
      run.message ? vscode.l10n.t('Message: {0}', run.message) : undefined,
    ]
      .filter(Boolean)
      .join('\n');
    return item;
  }
}

export class ActivityRunNode implements SidebarNode {
  readonly contextValue = CONTEXT.activityRun;
  readonly id: string;

  constructor(
    readonly parent: SidebarNode,
    public item: ActivityRunItem,
  ) {
    this.id = `${parent.id}/activities/${item.id.toLowerCase()}`;
  }

  getTreeItem(): vscode.TreeItem {
    const a = this.item;
    const item = new vscode.TreeItem(a.activityName, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.description = [a.status, formatDuration(runDurationMs(activityTimes(a)))].filter(Boolean).join(' · ');
    item.iconPath = statusThemeIcon(a.status);
    item.tooltip = [`${a.activityName} (${a.activityType})`, vscode.l10n.t('Status: {0}', a.status), a.error?.message]
      .filter(Boolean)
      .join('\n');
    return item;
  }
}

/** A status icon, coloured red for failures. */
export function statusThemeIcon(status: string | undefined): vscode.ThemeIcon {
  const id = statusIcon(status);
  if (id === 'error') return new vscode.ThemeIcon(id, new vscode.ThemeColor('list.errorForeground'));
  if (id === 'pass') return new vscode.ThemeIcon(id, new vscode.ThemeColor('testing.iconPassed'));
  return new vscode.ThemeIcon(id);
}

/** "2026-12-07 14:05" in local time, or "not started". */
export function formatStart(iso: string | undefined): string {
  if (!iso) return vscode.l10n.t('not started');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

function activityTimes(a: ActivityRunItem): { durationInMs?: number; runStart?: string; runEnd?: string } {
  return {
    ...(typeof a.durationInMs === 'number' ? { durationInMs: a.durationInMs } : {}),
    ...(a.activityRunStart ? { runStart: a.activityRunStart } : {}),
    ...(a.activityRunEnd ? { runEnd: a.activityRunEnd } : {}),
  };
}
