// The "Pipeline Runs" view: the runs started from VS Code (wizard, tree, reruns) and local Dry Runs, newest first,
// with their last status; a factory run expands to its activity runs, and a batch invoke shows the batch job it started. Statuses
// come from the poller (only while the view is visible); a finished run announces its outcome once.
import * as vscode from 'vscode';
import { formatDuration, isActiveRunStatus, runDurationMs, type TrackedRun } from '../../core/factory';
import { parseFactoryId, type ActivityRunFacts, type PipelineRunFacts } from '../../core/publish';
import { formatStart, statusThemeIcon } from '../../tree/pipeline-nodes';
import type { LivePipelines } from '../live-pipelines';
import type { RunStore } from './run-store';

export const RUNS_CONTEXT = {
  run: 'adfBatch.runs.run',
  runActive: 'adfBatch.runs.run.active',
  runFailed: 'adfBatch.runs.run.failed',
  activity: 'adfBatch.runs.activity',
  batchJobActivity: 'adfBatch.runs.activity.batchJob',
  message: 'adfBatch.runs.message',
  /** A local Dry Run: no factory run behind it (no Cancel, Rerun or ADF Studio). */
  dryRun: 'adfBatch.runs.dryRun',
} as const;

export interface RunRow {
  kind: 'run';
  run: TrackedRun;
}
export interface ActivityRow {
  kind: 'activity';
  run: TrackedRun;
  activity: ActivityRunFacts;
  /** The batch job a Web activity started (its output's ARM id), if any. */
  jobId?: string;
}
export interface RunMessageRow {
  kind: 'message';
  run: TrackedRun;
  text: string;
  /** A failed read: clicking the row reads again (the view's Refresh). */
  retry?: boolean;
}
export type RunsViewNode = RunRow | ActivityRow | RunMessageRow;

/** The view's Refresh (reads the statuses and the expanded runs' activity runs again). */
const RETRY_COMMAND = 'adfBatchEndpoints.runs.refresh';

export class RunsTree implements vscode.TreeDataProvider<RunsViewNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<RunsViewNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly facts = new Map<string, PipelineRunFacts>();
  private readonly problems = new Map<string, string>();

  constructor(
    private readonly store: RunStore,
    private readonly live: LivePipelines,
    private readonly onFinished: (run: TrackedRun, facts: PipelineRunFacts) => void,
  ) {}

  runs(): TrackedRun[] {
    return this.store.all();
  }

  /** Runs whose status can still change (never polled: last status unknown or active). */
  activeRunIds(): string[] {
    return this.runs()
      .filter((r) => r.source !== 'dryRun' && isActiveRunStatus(this.facts.get(r.runId)?.status ?? r.lastStatus))
      .map((r) => r.runId);
  }

  /** Reads a run's status; true when it changed. A run that ends here is announced. `signal` aborts the read. */
  async refresh(runId: string, signal?: AbortSignal): Promise<boolean> {
    const run = this.runs().find((r) => r.runId === runId);
    const factory = run ? parseFactoryId(run.factoryId) : undefined;
    if (!run || !factory) return false;
    let facts: PipelineRunFacts;
    try {
      facts = await this.live.getRun(factory, run.tenantId ?? '', run.runId, signal);
      this.problems.delete(runId);
    } catch (error) {
      if (signal?.aborted) throw error;
      this.problems.set(runId, error instanceof Error ? error.message : String(error));
      this.changed();
      throw error;
    }
    const before = this.facts.get(runId)?.status ?? run.lastStatus;
    this.facts.set(runId, facts);
    if (facts.status === before) return false;
    await this.store.setStatus(runId, facts.status);
    if (isActiveRunStatus(before) && !isActiveRunStatus(facts.status)) this.onFinished(run, facts);
    this.changed();
    return true;
  }

  statusOf(run: TrackedRun): string | undefined {
    return this.facts.get(run.runId)?.status ?? run.lastStatus;
  }

  changed(): void {
    this.emitter.fire(undefined);
  }

  getTreeItem(node: RunsViewNode): vscode.TreeItem {
    if (node.kind === 'run') return node.run.source === 'dryRun' ? dryRunItem(node.run) : this.runItem(node.run);
    if (node.kind === 'message') {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.contextValue = RUNS_CONTEXT.message;
      item.iconPath = new vscode.ThemeIcon('warning');
      if (node.retry) {
        item.tooltip = vscode.l10n.t('{0}\nClick to retry.', node.text);
        item.command = { command: RETRY_COMMAND, title: vscode.l10n.t('Retry') };
      }
      return item;
    }
    const a = node.activity;
    const item = new vscode.TreeItem(a.activityName, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.run.runId}/${a.activityName}/${a.activityRunStart ?? ''}`;
    const duration = formatDuration(
      runDurationMs({ durationInMs: a.durationInMs, runStart: a.activityRunStart, runEnd: a.activityRunEnd }),
    );
    const job = node.jobId ? vscode.l10n.t('job {0}', node.jobId.split('/').pop() ?? '') : undefined;
    item.description = [a.status, duration, job].filter(Boolean).join(' · ');
    item.iconPath = statusThemeIcon(a.status);
    item.tooltip = [
      `${a.activityName} (${a.activityType})`,
      vscode.l10n.t('Status: {0}', a.status),
      a.error?.message,
      node.jobId,
    ]
      .filter(Boolean)
      .join('\n');
    item.contextValue = node.jobId ? RUNS_CONTEXT.batchJobActivity : RUNS_CONTEXT.activity;
    return item;
  }

  async getChildren(node?: RunsViewNode): Promise<RunsViewNode[]> {
    if (!node) return this.runs().map((run) => ({ kind: 'run', run }));
    if (node.kind !== 'run' || node.run.source === 'dryRun') return [];
    const factory = parseFactoryId(node.run.factoryId);
    if (!factory) return [{ kind: 'message', run: node.run, text: vscode.l10n.t('Not a Data Factory run') }];
    const started = Date.parse(this.facts.get(node.run.runId)?.runStart ?? node.run.startedAt);
    try {
      const activities = await this.live.activityRuns(
        factory,
        node.run.tenantId ?? '',
        node.run.runId,
        new Date((Number.isNaN(started) ? Date.now() : started) - 3600_000),
      );
      if (activities.length === 0)
        return [{ kind: 'message', run: node.run, text: vscode.l10n.t('No activity has run yet') }];
      return activities.map((activity) => ({
        kind: 'activity',
        run: node.run,
        activity,
        jobId: batchJobIdOf(activity),
      }));
    } catch (error) {
      // A read that failed (a timeout, throttling...): the row says why, and clicking it reads again.
      return [
        {
          kind: 'message',
          run: node.run,
          text: error instanceof Error ? error.message : String(error),
          retry: true,
        },
      ];
    }
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private runItem(run: TrackedRun): vscode.TreeItem {
    const facts = this.facts.get(run.runId);
    const status = facts?.status ?? run.lastStatus;
    const item = new vscode.TreeItem(run.pipelineName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `run:${run.runId}`;
    const factoryName = parseFactoryId(run.factoryId)?.name ?? run.factoryId;
    const duration = facts ? formatDuration(runDurationMs(facts)) : '';
    item.description = [
      status ?? vscode.l10n.t('status unknown'),
      formatStart(facts?.runStart ?? run.startedAt),
      duration,
      factoryName,
    ]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = statusThemeIcon(status);
    const problem = this.problems.get(run.runId);
    item.tooltip = [
      vscode.l10n.t('{0} in {1}', run.pipelineName, factoryName),
      vscode.l10n.t('Run {0}', run.runId),
      vscode.l10n.t('Started from: {0}', run.source),
      run.referenceRunId ? vscode.l10n.t('Reruns: {0}', run.referenceRunId) : undefined,
      facts?.message ? vscode.l10n.t('Message: {0}', facts.message) : undefined,
      problem ? vscode.l10n.t('Could not read the status: {0}', problem) : undefined,
    ]
      .filter(Boolean)
      .join('\n');
    item.contextValue =
      status === 'Failed'
        ? RUNS_CONTEXT.runFailed
        : isActiveRunStatus(status)
          ? RUNS_CONTEXT.runActive
          : RUNS_CONTEXT.run;
    return item;
  }
}

/**
 * A Dry Run ran in VS Code's local engine, not in a factory: it shows as such (its file instead of a factory, no
 * activity runs after the fact: they lived in the engine; the Dry Run view and the log have them). Clicking it opens
 * the pipeline file.
 */
function dryRunItem(run: TrackedRun): vscode.TreeItem {
  const file = vscode.Uri.parse(run.factoryId);
  const item = new vscode.TreeItem(run.pipelineName, vscode.TreeItemCollapsibleState.None);
  item.id = `dryRun:${run.runId}`;
  item.description = [
    vscode.l10n.t('dry run (local)'),
    run.lastStatus,
    formatStart(run.startedAt),
    vscode.workspace.asRelativePath(file),
  ]
    .filter(Boolean)
    .join(' · ');
  item.iconPath = statusThemeIcon(run.lastStatus);
  item.tooltip = [
    vscode.l10n.t('Dry run of {0} in VS Code (local engine: no run in a factory)', run.pipelineName),
    vscode.l10n.t('Run {0}', run.runId),
    vscode.l10n.t('File: {0}', file.scheme === 'file' ? file.fsPath : file.toString()),
    vscode.l10n.t('Its activity runs are in the Dry Run view and the log.'),
  ].join('\n');
  item.contextValue = RUNS_CONTEXT.dryRun;
  item.command = { command: 'vscode.open', title: vscode.l10n.t('Open File'), arguments: [file] };
  return item;
}

/** The ARM id of the batch job a Web activity started (its output's `id`), if it looks like one. */
export function batchJobIdOf(activity: ActivityRunFacts): string | undefined {
  const id = (activity.output as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' && /\/workspaces\/[^/]+\/jobs\/[^/]+$/i.test(id) ? id : undefined;
}
