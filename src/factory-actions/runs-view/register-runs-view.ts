// Wires the "Pipeline Runs" view: the tracked runs (workspace state), the poller (only while the view is visible),
// the completion notification, and the run actions (Cancel, Rerun, Rerun from Failed Activity, Open in ADF Studio,
// Open job in Azure ML Studio, Remove from List).
import * as vscode from 'vscode';
import type { AzureAccess } from '../../azure/access';
import { withAzureProgress } from '../../commands/azure-progress';
import { registerCommand } from '../../commands/register-command';
import { adfStudioRunUrl, studioJobUrl, type RunSource, type TrackedRun } from '../../core/factory';
import { parseFactoryId, type PipelineRunFacts } from '../../core/publish';
import type { LivePipelines } from '../live-pipelines';
import { PipelineRunNode } from '../../tree/pipeline-nodes';
import { isWorkspaceTrusted } from '../../workspace-trust';
import { RunPoller } from './run-poller';
import { RunStore } from './run-store';
import { RunsTree, type RunsViewNode } from './runs-tree';

export const RUNS_VIEW_ID = 'adfBatchEndpoints.pipelineRuns';

export const RUNS_COMMANDS = {
  cancel: 'adfBatchEndpoints.runs.cancel',
  rerun: 'adfBatchEndpoints.runs.rerun',
  rerunFromFailure: 'adfBatchEndpoints.runs.rerunFromFailure',
  openInAdfStudio: 'adfBatchEndpoints.runs.openInAdfStudio',
  openJobInStudio: 'adfBatchEndpoints.runs.openJobInStudio',
  remove: 'adfBatchEndpoints.runs.remove',
  refresh: 'adfBatchEndpoints.runs.refresh',
} as const;

export interface RunsViewApi {
  readonly tree: RunsTree;
  readonly poller: RunPoller;
  /** Follows a run started from VS Code: stored, shown at the top, polled while the view is visible. */
  track(run: Omit<TrackedRun, 'startedAt'> & { startedAt?: string }): Promise<void>;
  /** Builds the view's state again from workspace state, as a window reload does (tests). */
  reloadFromState(): void;
}

export function registerRunsView(
  context: vscode.ExtensionContext,
  access: AzureAccess,
  live: LivePipelines,
): RunsViewApi {
  let tree = createTree();
  const provider = new DelegatingProvider(() => tree);
  const view = vscode.window.createTreeView(RUNS_VIEW_ID, { treeDataProvider: provider });
  const poller = new RunPoller(
    { activeRunIds: () => tree.activeRunIds(), refresh: (id) => tree.refresh(id) },
    // Polling reads Azure: only in a trusted workspace (Restricted Mode shows the stored runs as they were).
    { isVisible: () => view.visible && isWorkspaceTrusted() },
  );

  function createTree(): RunsTree {
    const created = new RunsTree(new RunStore(context.workspaceState), live, announce);
    created.onDidChangeTreeData(() => provider?.fire());
    return created;
  }

  const api: RunsViewApi = {
    get tree() {
      return tree;
    },
    poller,
    async track(run) {
      await new RunStore(context.workspaceState).add({ startedAt: new Date().toISOString(), ...run });
      tree.changed();
      poller.kick();
    },
    reloadFromState() {
      poller.stop();
      tree.dispose();
      tree = createTree();
      provider.fire();
      poller.kick();
    },
  };

  async function rerun(arg: RunsViewNode | PipelineRunNode | undefined, startFromFailure: boolean): Promise<void> {
    const ref = runRefOf(arg);
    const factory = parseFactoryId(ref.factoryId);
    if (!factory) throw new Error(vscode.l10n.t('This run is not a Data Factory run.'));
    const address = { factory, factoryId: ref.factoryId, tenantId: ref.tenantId ?? '', name: ref.pipelineName };
    const runId = await withAzureProgress(vscode.l10n.t('Starting a rerun of {0}...', ref.pipelineName), (signal) =>
      live.createRun(address, {}, { referencePipelineRunId: ref.runId, startFromFailure }, signal),
    );
    await api.track({
      runId,
      factoryId: ref.factoryId,
      pipelineName: ref.pipelineName,
      source: 'rerun' satisfies RunSource,
      ...(ref.tenantId ? { tenantId: ref.tenantId } : {}),
      referenceRunId: ref.runId,
    });
    await view
      .reveal({ kind: 'run', run: tree.runs()[0] }, { focus: false, select: true })
      .then(undefined, () => undefined);
  }

  context.subscriptions.push(
    view,
    provider,
    { dispose: () => poller.stop() },
    { dispose: () => tree.dispose() },
    view.onDidChangeVisibility((e) => (e.visible ? poller.kick() : poller.stop())),
    vscode.workspace.onDidGrantWorkspaceTrust(() => poller.kick()),
    registerCommand(RUNS_COMMANDS.refresh, async () => {
      await withAzureProgress(vscode.l10n.t('Reading the pipeline runs...'), (signal) => poller.pollNow(signal));
      tree.changed();
      poller.kick();
    }),
    registerCommand(RUNS_COMMANDS.cancel, async (node?: RunsViewNode) => {
      const ref = runRefOf(node);
      const factory = parseFactoryId(ref.factoryId);
      if (!factory) throw new Error(vscode.l10n.t('This run is not a Data Factory run.'));
      await withAzureProgress(vscode.l10n.t('Cancelling run {0}...', ref.runId), (signal) =>
        live.cancelRun(factory, ref.tenantId ?? '', ref.runId, signal),
      );
      await tree.refresh(ref.runId).catch(() => false);
      poller.kick();
    }),
    registerCommand(RUNS_COMMANDS.rerun, (node?: RunsViewNode | PipelineRunNode) => rerun(node, false)),
    registerCommand(RUNS_COMMANDS.rerunFromFailure, (node?: RunsViewNode | PipelineRunNode) => rerun(node, true)),
    registerCommand(RUNS_COMMANDS.openInAdfStudio, async (node?: RunsViewNode | PipelineRunNode) => {
      const ref = runRefOf(node);
      const url = adfStudioRunUrl(access.cloud(), ref.factoryId, ref.runId);
      if (!url) throw new Error(vscode.l10n.t('ADF Studio is not known for this cloud.'));
      await vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    registerCommand(RUNS_COMMANDS.openJobInStudio, async (node?: RunsViewNode) => {
      if (node?.kind !== 'activity' || !node.jobId) throw new Error(vscode.l10n.t('Choose a batch endpoint activity.'));
      const workspaceId = node.jobId.replace(/\/jobs\/[^/]+$/i, '');
      const url = studioJobUrl(
        access.cloud(),
        { id: workspaceId, tenantId: node.run.tenantId ?? '' },
        node.jobId.split('/').pop() ?? '',
      );
      if (!url) throw new Error(vscode.l10n.t('Azure ML Studio is not known for this cloud.'));
      await vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    registerCommand(RUNS_COMMANDS.remove, async (node?: RunsViewNode) => {
      await new RunStore(context.workspaceState).remove(runRefOf(node).runId);
      tree.changed();
    }),
  );
  return api;
}

/** The run a command acts on: a row of the runs view or a run in the sidebar. */
function runRefOf(arg: RunsViewNode | PipelineRunNode | undefined): Omit<TrackedRun, 'source' | 'startedAt'> {
  if (arg instanceof PipelineRunNode)
    return {
      runId: arg.item.runId,
      factoryId: arg.factory.id,
      pipelineName: arg.item.pipelineName,
      tenantId: arg.factory.tenantId,
    };
  if (arg && 'run' in arg) return arg.run;
  throw new Error(vscode.l10n.t('Choose a pipeline run.'));
}

/** A finished run says how it ended, with a way to its activity runs. */
function announce(run: TrackedRun, facts: PipelineRunFacts): void {
  const text = facts.message
    ? vscode.l10n.t('Pipeline run {0}: {1} ({2})', run.pipelineName, facts.status, facts.message)
    : vscode.l10n.t('Pipeline run {0}: {1}', run.pipelineName, facts.status);
  const show = facts.status === 'Failed' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(text, vscode.l10n.t('Show Runs')).then((choice) => {
    if (choice) void vscode.commands.executeCommand(`${RUNS_VIEW_ID}.focus`);
  });
}

/** The view's provider stays one object while the tree behind it is rebuilt (reloadFromState). */
class DelegatingProvider implements vscode.TreeDataProvider<RunsViewNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<RunsViewNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly current: () => RunsTree) {}

  fire(): void {
    this.emitter.fire(undefined);
  }

  getTreeItem(node: RunsViewNode): vscode.TreeItem {
    return this.current().getTreeItem(node);
  }

  getChildren(node?: RunsViewNode): Promise<RunsViewNode[]> {
    return this.current().getChildren(node);
  }

  getParent(node: RunsViewNode): RunsViewNode | undefined {
    return node.kind === 'run' ? undefined : { kind: 'run', run: node.run };
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
