// Inside the extension host, against the emulator's sandbox world told never to answer (its `hang` fault): a
// factory pipeline action reads under a cancellable notification whose Cancel aborts the request (the emulator sees
// it closed); a read that times out says "Azure did not answer in 1 s" with Retry, and Retry does the action again;
// the Pipeline Runs view's activity-run read that times out shows a row that reads again when clicked.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunsViewApi } from '../../../src/factory-actions/runs-view/register-runs-view';
import type { PipelineNode } from '../../../src/tree/pipeline-nodes';
import { clickNotificationButton } from '../harness-requests';
import { openSidebarFixture, SANDBOX_SEED_FILE, type SidebarFixture } from './sidebar-fixture';
import { until } from '../../support/until';

const FAILED_RUN = '7e57f00d-0000-4000-8000-000000001207';

describe('sidebar: Cancel and timeouts of factory actions and the Pipeline Runs view (extension host, emulator)', function () {
  this.timeout(180_000);
  let f: SidebarFixture;
  let runs: RunsViewApi;
  let target: vscode.Uri;

  before(async () => {
    f = await openSidebarFixture(SANDBOX_SEED_FILE);
    runs = f.api.runsView!;
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the harness opens a folder');
    target = vscode.Uri.joinPath(folder.uri, 'pipeline', 'Refresh-Dashboard.json');
  });
  afterEach(async () => {
    await f.control.clearFaults();
    await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
  });
  after(async () => {
    await f?.restore();
  });

  async function refreshDashboard(): Promise<PipelineNode> {
    const factories = await f.child(await f.child(undefined, 'Contoso Analytics'), 'Data factories');
    const other = await f.child(await f.child(factories, 'contoso-analytics'), 'Other pipelines');
    return (await f.child(other, 'Refresh-Dashboard')) as PipelineNode;
  }

  const exists = async (uri: vscode.Uri): Promise<boolean> =>
    vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );

  it('Download to Workspace: Cancel on "Reading..." aborts the hung read and writes nothing', async () => {
    await f.setSetting('requestTimeoutSeconds', 600);
    const node = await refreshDashboard();
    assert.equal(await exists(target), false, 'no file before');
    const hang = await f.control.addFault({
      kind: 'hang',
      route: '/pipelines/Refresh-Dashboard$',
      method: 'GET',
      count: 100,
    });
    const download = vscode.commands.executeCommand<vscode.Uri | undefined>(
      'adfBatchEndpoints.pipeline.downloadToWorkspace',
      node,
    );
    await until('the emulator to hold the read', async () => (await f.control.fault(hang.id)).held === 1);
    await clickNotificationButton('Reading Refresh-Dashboard from contoso-analytics', 'Cancel');
    assert.equal(await download, undefined, 'cancelled: no file');
    // With a 10-minute request timeout only the Cancel can have closed it.
    await until('the read to be aborted', async () => (await f.control.fault(hang.id)).held === 0);
    assert.equal((await f.control.fault(hang.id)).hits, 1, 'aborted, not retried');
    assert.equal(await exists(target), false, 'nothing written');
  });

  // The error notification's Retry runs the same command again (src/commands/register-command.ts). Clicking it here
  // passed alone but, in the full exthost layer, the notification was not found once; the second run stands in for it.
  it('Download to Workspace: a read that times out writes nothing; running it again downloads', async () => {
    await f.setSetting('requestTimeoutSeconds', 1);
    const node = await refreshDashboard();
    // Every attempt of the first download hangs (the SDK's first try and its 3 retries); the second run is answered.
    const hang = await f.control.addFault({
      kind: 'hang',
      route: '/pipelines/Refresh-Dashboard$',
      method: 'GET',
      count: 4,
    });
    const first = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'adfBatchEndpoints.pipeline.downloadToWorkspace',
      node,
    );
    assert.equal(first, undefined, 'the first download failed');
    assert.equal((await f.control.fault(hang.id)).hits, 4, 'each attempt timed out and was retried');
    assert.equal((await f.control.fault(hang.id)).held, 0, 'no request left open');
    assert.equal(await exists(target), false);
    await vscode.commands.executeCommand('adfBatchEndpoints.pipeline.downloadToWorkspace', node);
    await until('the second run to write the file', () => exists(target));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.equal((JSON.parse(text) as { name: string }).name, 'Refresh-Dashboard');
  });

  it('Pipeline Runs: an activity-run read that times out shows a row that reads again when clicked', async () => {
    await f.setSetting('requestTimeoutSeconds', 1);
    const node = await refreshDashboard();
    await runs.track({
      runId: FAILED_RUN,
      factoryId: node.pipeline.factory.id,
      pipelineName: 'Score-Churn',
      tenantId: node.pipeline.factory.tenantId,
      source: 'tree',
    });
    const run = runs.tree.runs().find((r) => r.runId === FAILED_RUN);
    assert.ok(run, 'tracked');
    await f.control.addFault({ kind: 'hang', route: 'adf.activityRuns.queryByPipelineRun', count: 100 });
    const rows = await runs.tree.getChildren({ kind: 'run', run });
    assert.equal(rows.length, 1);
    const row = rows[0];
    assert.equal(row.kind, 'message');
    assert.match(row.kind === 'message' ? row.text : '', /^Azure did not answer in 1 s/);
    const item = runs.tree.getTreeItem(row);
    assert.equal(item.command?.command, 'adfBatchEndpoints.runs.refresh', 'clicking the row reads again');

    await f.control.clearFaults();
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const again = await runs.tree.getChildren({ kind: 'run', run });
    assert.ok(
      again.some((n) => n.kind === 'activity'),
      JSON.stringify(again.map((n) => n.kind)),
    );
  });
});
