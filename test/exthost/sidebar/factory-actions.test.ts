// Inside the extension host, against the emulator's sandbox world: the pipeline actions of the sidebar (Open,
// Download to Workspace, Compare with Workspace File, Run) and the "Pipeline Runs" view (runs kept across a
// rebuild from workspace state, Rerun from Failed Activity starting at the failed activity).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunsViewApi } from '../../../src/factory-actions/runs-view/register-runs-view';
import type { RunsViewNode } from '../../../src/factory-actions/runs-view/runs-tree';
import type { PipelineNode, PipelineRunNode } from '../../../src/tree/pipeline-nodes';
import type { SidebarNode } from '../../../src/tree/sidebar-node';
import { openSidebarFixture, SANDBOX_SEED_FILE, type SidebarFixture } from './sidebar-fixture';

const FAILED_RUN = '7e57f00d-0000-4000-8000-000000001207';

describe('sidebar: pipeline actions and the Pipeline Runs view (extension host, emulator)', function () {
  this.timeout(120_000);
  let f: SidebarFixture;
  let runs: RunsViewApi;
  const written: vscode.Uri[] = [];

  before(async () => {
    f = await openSidebarFixture(SANDBOX_SEED_FILE);
    runs = f.api.runsView!;
  });
  after(async () => {
    for (const uri of written) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await f?.restore();
  });

  async function group(batch: boolean): Promise<SidebarNode> {
    const factories = await f.child(await f.child(undefined, 'Contoso Analytics'), 'Data factories');
    return f.child(
      await f.child(factories, 'contoso-analytics'),
      batch ? 'Batch endpoint pipelines' : 'Other pipelines',
    );
  }
  const pipeline = async (batch: boolean, name: string): Promise<PipelineNode> =>
    (await f.child(await group(batch), name)) as PipelineNode;

  async function waitForStatus(runId: string, wanted: RegExp): Promise<string> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      await runs.tree.refresh(runId).catch(() => false);
      const run = runs.tree.runs().find((r) => r.runId === runId);
      const status = run ? runs.tree.statusOf(run) : undefined;
      if (status && wanted.test(status)) return status;
      if (Date.now() > deadline) throw new Error(`run ${runId} is ${status ?? 'unknown'}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  it('Open shows the live pipeline JSON in a read-only adf-pipeline document', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>(
      'adfBatchEndpoints.pipeline.open',
      await pipeline(true, 'Score-Churn'),
    );
    assert.equal(uri?.scheme, 'adf-pipeline');
    const document = await vscode.workspace.openTextDocument(uri);
    const json = JSON.parse(document.getText()) as {
      name: string;
      properties: { activities: Array<{ name: string }> };
    };
    assert.equal(json.name, 'Score-Churn');
    assert.equal(json.properties.activities[0].name, 'Run Batch-Endpoint');
    assert.equal(document.languageId, 'json');
  });

  it('Download to Workspace writes pipeline/<name>.json; Compare with Workspace File opens a diff editor', async () => {
    const node = await pipeline(false, 'Notify-Partner');
    const target = await vscode.commands.executeCommand<vscode.Uri>(
      'adfBatchEndpoints.pipeline.downloadToWorkspace',
      node,
    );
    assert.ok(target, 'downloaded');
    written.push(target);
    assert.match(target.path, /\/pipeline\/Notify-Partner\.json$/);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.equal((JSON.parse(text) as { name: string }).name, 'Notify-Partner');

    const local = await vscode.commands.executeCommand<vscode.Uri>(
      'adfBatchEndpoints.pipeline.compareWithWorkspaceFile',
      node,
    );
    assert.equal(local?.toString(), target.toString());
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, `active tab: ${tab?.label}`);
    assert.equal(tab.input.original.scheme, 'adf-pipeline');
    assert.equal(tab.input.modified.toString(), target.toString());
  });

  it('Run starts a run that the Pipeline Runs view follows, and keeps after a rebuild from workspace state', async () => {
    const node = await pipeline(false, 'Refresh-Dashboard');
    const runId = await vscode.commands.executeCommand<string>('adfBatchEndpoints.pipeline.run', node);
    assert.ok(runId, 'a run id');
    assert.equal(runs.tree.runs()[0].runId, runId);

    runs.reloadFromState();
    const rows = (await runs.tree.getChildren()) as RunsViewNode[];
    assert.equal(rows[0].kind === 'run' && rows[0].run.runId, runId);
    assert.equal(rows[0].run.pipelineName, 'Refresh-Dashboard');
    assert.match(await waitForStatus(runId, /^(Succeeded|Failed|Cancelled)$/), /^Succeeded$/);
  });

  it('Rerun from Failed Activity on the failed run starts at the failed activity and succeeds', async () => {
    const runNodes = await f.children(await pipeline(true, 'Score-Churn'));
    const failed = runNodes.find((n) => (n as PipelineRunNode).item?.runId === FAILED_RUN) as PipelineRunNode;
    assert.ok(failed, 'the seeded failed run is listed');
    const failedActivities = await f.children(failed);
    const failedName = failedActivities.map((a) => f.item(a)).find((i) => /^Failed/.test(String(i.description)))?.label;
    assert.ok(failedName, 'the failed run has a failed activity');

    await vscode.commands.executeCommand('adfBatchEndpoints.runs.rerunFromFailure', failed);
    const rerun = runs.tree.runs()[0];
    assert.equal(rerun.referenceRunId, FAILED_RUN);
    assert.equal(rerun.source, 'rerun');
    assert.equal(await waitForStatus(rerun.runId, /^(Succeeded|Failed|Cancelled)$/), 'Succeeded');
    const activities = (await runs.tree.getChildren({ kind: 'run', run: rerun })).filter((n) => n.kind === 'activity');
    assert.equal(activities[0]?.kind === 'activity' && activities[0].activity.activityName, failedName);
  });
});
