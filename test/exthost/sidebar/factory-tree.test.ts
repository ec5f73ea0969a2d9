// Inside the extension host, against the emulator's sandbox world: the Data Factory side of the sidebar
// (factories > pipeline groups > pipelines > runs > activity runs), "Used by" and "Recent jobs" under an endpoint.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CONTEXT } from '../../../src/tree/context-values';
import type { SidebarNode } from '../../../src/tree/sidebar-node';
import { iconId, openSidebarFixture, SANDBOX_SEED_FILE, tooltipText, type SidebarFixture } from './sidebar-fixture';

describe('sidebar: Data Factory side (extension host, emulator)', function () {
  this.timeout(90_000);
  let f: SidebarFixture;

  before(async () => {
    f = await openSidebarFixture(SANDBOX_SEED_FILE);
  });
  after(async () => {
    await f?.restore();
  });
  beforeEach(async () => {
    await f.control.clearFaults();
    f.api.sidebar.refresh();
  });

  async function factory(): Promise<SidebarNode> {
    const group = await f.child(await f.child(undefined, 'Contoso Analytics'), 'Data factories');
    return f.child(group, 'contoso-analytics');
  }
  async function endpoint(name: string): Promise<SidebarNode> {
    const ws = await f.child(await f.child(undefined, 'Contoso Analytics'), 'contoso-ml');
    return f.child(ws, name);
  }
  const labels = async (node: SidebarNode): Promise<string[]> => (await f.children(node)).map((n) => f.label(n));

  it('lists factories with identity and git mode, and splits batch pipelines from the others', async () => {
    const node = await factory();
    const item = f.item(node);
    assert.equal(item.contextValue, CONTEXT.factory);
    assert.equal(item.description, 'system-assigned identity · GitHub: contoso/analytics-adf (main)');
    const [batch, other] = await f.children(node);
    assert.equal(f.label(batch), 'Batch endpoint pipelines');
    assert.equal(f.item(batch).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal(f.item(other).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.deepEqual(await labels(batch), ['Read-Invoices', 'Score-Churn']);
    assert.deepEqual(await labels(other), ['Notify-Partner', 'Refresh-Dashboard']);
    const churn = await f.child(batch, 'Score-Churn');
    assert.equal(f.item(churn).contextValue, CONTEXT.pipelineBatch);
    assert.match(tooltipText(f.item(churn)), /Calls batch endpoint: https:\/\/.*\/churn-scoring\/jobs/);
  });

  it('a subscription without factories says so', async () => {
    const group = await f.child(await f.child(undefined, 'Contoso Production'), 'Data factories');
    const [prod] = await f.children(group);
    assert.equal(f.label(prod), 'contoso-analytics-prod');
    assert.equal(f.item(prod).description, 'system-assigned identity · live mode');
  });

  it("shows a pipeline's runs newest first with status, and a failed run's activity runs", async () => {
    const batch = await f.child(await factory(), 'Batch endpoint pipelines');
    const runs = await f.children(await f.child(batch, 'Score-Churn'));
    assert.equal(runs.length, 3);
    const statuses = runs.map((r) => String(f.item(r).description).split(' · ')[0]);
    assert.deepEqual(statuses, ['Failed', 'Succeeded', 'Succeeded']);
    assert.equal(f.item(runs[0]).contextValue, CONTEXT.pipelineRunFailed);
    assert.equal(iconId(f.item(runs[0])), 'error');
    assert.match(String(f.item(runs[0]).label), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const activities = await f.children(runs[0]);
    assert.deepEqual(
      activities.map((a) => f.label(a)),
      ['Run Batch-Endpoint', 'Wait for job'],
      'the seeded run 1207 has these two activity runs',
    );
    assert.ok(activities.some((a) => iconId(f.item(a)) === 'error'));
  });

  it('"Used by" lists the pipelines calling the endpoint (through a parameter default or literally), one scan for all endpoints', async () => {
    const since = (await f.control.requests()).at(-1)?.seq ?? 0;
    const churn = await f.child(await endpoint('churn-scoring'), 'Used by');
    const usages = await f.children(churn);
    assert.deepEqual(
      usages.map((n) => f.label(n)),
      ['Score-Churn'],
    );
    assert.match(
      String(f.item(usages[0]).description),
      /contoso-analytics · Run Batch-Endpoint \(parameter endpoint_uri\)/,
    );
    const ocr = await f.children(await f.child(await endpoint('invoice-ocr'), 'Used by'));
    assert.deepEqual(
      ocr.map((n) => f.label(n)),
      ['Read-Invoices'],
    );
    const [none] = await f.children(await f.child(await endpoint('credit-scoring'), 'Used by'));
    assert.equal(f.label(none), 'No factory pipeline calls this endpoint');
    const lists = (await f.control.requests(since)).filter((r) => /pipelines\.list|factories\.list/i.test(r.routeId));
    assert.equal(
      new Set(lists.map((r) => `${r.routeId} ${JSON.stringify(r.query)} ${r.path ?? ''}`)).size,
      lists.length,
      'no list request sent twice',
    );
  });

  it('"Recent jobs" lists the endpoint\'s jobs with status', async () => {
    const jobs = await f.children(await f.child(await endpoint('churn-scoring'), 'Recent jobs'));
    assert.equal(jobs.length, 3);
    assert.ok(jobs.every((j) => f.item(j).contextValue === CONTEXT.batchJob));
    assert.ok(jobs.every((j) => String(f.item(j).description).startsWith('Completed')));
    assert.match(tooltipText(f.item(jobs[0])), /Output: azureml:\/\//);
  });

  it('a factory answering 500 shows an error row with Retry, which then loads', async () => {
    await f.control.addFault({ kind: 'status', status: 500, route: 'adf.pipelines.listByFactory', count: 100 });
    const node = await factory();
    const [batch] = await f.children(node);
    const [error] = await f.children(batch);
    assert.equal(f.item(error).contextValue, CONTEXT.error);
    await f.control.clearFaults();
    await vscode.commands.executeCommand('adfBatchEndpoints.retry', error);
    assert.deepEqual(await labels(batch), ['Read-Invoices', 'Score-Churn']);
  });
});
