// Inside the extension host, against the emulator: what the Batch Endpoints tree shows, through the real
// provider, the SDK clients and the service-principal sign-in the harness configured.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CONTEXT } from '../../../src/tree/context-values';
import type { SidebarNode } from '../../../src/tree/sidebar-node';
import { iconId, openSidebarFixture, SUBSCRIPTIONS, tooltipText, type SidebarFixture } from './sidebar-fixture';

/** The tenant of a subscription row, from its tooltip ("Tenant: <id>"). */
function tenantOf(item: { tooltip?: unknown }): string {
  return /Tenant: (\S+)/.exec(String(item.tooltip))?.[1] ?? '';
}

const listWorkspacesOf = (subscriptionId: string): string =>
  `^/subscriptions/${subscriptionId}/providers/Microsoft\\.MachineLearningServices/workspaces$`;

describe('sidebar tree (extension host, emulator)', function () {
  this.timeout(60_000);
  let f: SidebarFixture;

  before(async () => {
    f = await openSidebarFixture();
  });
  after(async () => {
    await f?.restore();
  });
  beforeEach(async () => {
    await f.control.clearFaults();
    await f.control.clearLatency();
    f.api.sidebar.refresh();
  });

  async function workspaceNode(name: string): Promise<SidebarNode> {
    return f.child(await f.child(undefined, 'Sidebar Contoso'), name);
  }

  it('signs in with the service principal and lists the subscriptions by name', async () => {
    const root = await f.children();
    assert.equal(f.api.sidebar.signInState(), 'signedIn');
    assert.deepEqual(
      root.map((n) => f.label(n)),
      ['Sidebar Broken', 'Sidebar Contoso', 'Sidebar Forbidden'],
    );
    assert.ok(root.every((n) => f.item(n).contextValue === CONTEXT.subscription));
  });

  it('"Select Subscriptions..." shows only the chosen subscriptions', async () => {
    const root = await f.children();
    const tenant = tenantOf(f.item(root[0]));
    await f.api.sidebar.setSubscriptionSelection([`${tenant}/${SUBSCRIPTIONS.contoso}`, SUBSCRIPTIONS.forbidden]);
    assert.deepEqual(
      (await f.children()).map((n) => f.label(n)),
      ['Sidebar Contoso', 'Sidebar Forbidden'],
    );
    await f.api.sidebar.setSubscriptionSelection([]);
    const [none] = await f.children();
    assert.equal(f.label(none), 'No subscriptions selected');
    assert.equal(f.item(none).command?.command, 'adfBatchEndpoints.selectSubscriptions');
    await f.api.sidebar.setSubscriptionSelection(undefined);
    assert.equal((await f.children()).length, 3);
  });

  it('a subscription answering 500 shows the service message and Retry there, and the others stay browsable', async () => {
    await f.control.addFault({
      kind: 'status',
      status: 500,
      route: listWorkspacesOf(SUBSCRIPTIONS.broken),
      count: 100,
    });
    const [broken, contoso] = await Promise.all([
      f.child(undefined, 'Sidebar Broken'),
      f.child(undefined, 'Sidebar Contoso'),
    ]);
    const [brokenChildren, contosoChildren] = await Promise.all([f.children(broken), f.children(contoso)]);

    // The workspaces' error row, then the (independent) "Data factories" group.
    assert.equal(brokenChildren.length, 2);
    assert.equal(f.label(brokenChildren[1]), 'Data factories');
    const error = f.item(brokenChildren[0]);
    assert.equal(error.contextValue, CONTEXT.error);
    assert.match(String(error.label), /^Error 500: /);
    assert.equal(error.command?.command, 'adfBatchEndpoints.retry');
    assert.deepEqual(
      contosoChildren.map((n) => f.label(n)),
      ['ws-main', 'ws-empty', 'ws-many', 'Data factories'],
    );

    // The service recovers: Retry on the error row loads the workspaces.
    await f.control.clearFaults();
    await vscode.commands.executeCommand('adfBatchEndpoints.retry', brokenChildren[0]);
    assert.deepEqual(
      (await f.children(broken)).map((n) => f.label(n)),
      ['ws-unreachable', 'Data factories'],
    );
  });

  it('a subscription answering 403 says what to do, and its siblings keep their data', async () => {
    await f.control.addFault({
      kind: 'status',
      status: 403,
      route: listWorkspacesOf(SUBSCRIPTIONS.forbidden),
      count: 100,
    });
    const forbidden = await f.child(undefined, 'Sidebar Forbidden');
    const [error] = await f.children(forbidden);
    const item = f.item(error);
    assert.match(String(item.label), /^Error 403: /);
    assert.match(tooltipText(item), /Reader role/);
    assert.equal((await f.children(await f.child(undefined, 'Sidebar Contoso'))).length, 4);
  });

  it('describes a workspace by resource group and region', async () => {
    const item = f.item(await workspaceNode('ws-main'));
    assert.equal(item.description, 'rg-ml · westeurope');
    assert.equal(item.contextValue, CONTEXT.workspace);
  });

  it("shows an endpoint's auth mode and default deployment, with its scoring URI in the tooltip", async () => {
    const endpoint = await f.child(await workspaceNode('ws-main'), 'score-default');
    const item = f.item(endpoint);
    assert.equal(item.description, 'AADToken · default: blue');
    assert.equal(item.contextValue, CONTEXT.endpoint);
    assert.match(tooltipText(item), /Scoring URI: `https:\/\/127\.0\.0\.1:\d+\/ml\/westeurope\/score-default\/jobs`/);
  });

  it('marks an endpoint without a default deployment', async () => {
    const item = f.item(await f.child(await workspaceNode('ws-main'), 'score-nodefault'));
    assert.equal(item.description, 'AADToken · no default deployment');
    assert.equal(item.contextValue, CONTEXT.endpointNoDefault);
    assert.equal(iconId(item), 'warning');
  });

  it("flags a key-auth endpoint, which ADF's Web activity (Entra tokens) cannot call", async () => {
    const item = f.item(await f.child(await workspaceNode('ws-main'), 'score-keyauth'));
    assert.equal(item.description, 'key auth: ADF cannot call it · default: main');
    assert.equal(iconId(item), 'warning');
    assert.equal(item.contextValue, CONTEXT.endpoint);
    assert.match(tooltipText(item), /cannot call a key-only endpoint\. Switch the endpoint's auth mode to `AADToken`/);
    const aad = f.item(await f.child(await workspaceNode('ws-main'), 'score-default'));
    assert.equal(iconId(aad), 'rocket');
    assert.doesNotMatch(tooltipText(aad), /key-only/);
  });

  it('lists deployments with the default marked, the provisioning state and the model', async () => {
    const endpoint = await f.child(await workspaceNode('ws-main'), 'score-default');
    const deployments = await f.children(endpoint);
    assert.deepEqual(
      deployments.map((d) => [f.label(d), f.item(d).description, f.item(d).contextValue]),
      [
        ['blue', 'default · Succeeded · model credit-model:3', CONTEXT.deploymentDefault],
        ['green', 'Updating · model credit-model:4', CONTEXT.deployment],
        ['Used by', undefined, CONTEXT.usedBy],
        ['Recent jobs', undefined, CONTEXT.recentJobs],
      ],
    );
  });

  it('says what to do in an empty workspace, with a link', async () => {
    const [empty, ...rest] = await f.children(await workspaceNode('ws-empty'));
    assert.equal(rest.length, 0);
    const item = f.item(empty);
    assert.equal(item.label, 'No batch endpoints in this workspace');
    assert.equal(item.contextValue, CONTEXT.empty);
    assert.equal(item.command?.command, 'vscode.open');
    assert.match(String(item.command?.arguments?.[0]), /learn\.microsoft\.com/);
  });

  it('ends a list longer than a page with "Load more...", one request per page, and loads the rest', async () => {
    const { pageSize: serverPage } = await f.control.health();
    await f.setSetting('pageSize', serverPage);
    const workspace = await workspaceNode('ws-many');
    const since = (await f.control.requests()).at(-1)?.seq ?? 0;
    let nodes = await f.children(workspace);
    let expected = Math.min(55, serverPage);
    assert.equal(nodes.length, expected + 1);
    assert.equal(f.label(nodes.at(-1)!), 'Load more...');
    assert.equal(f.item(nodes.at(-1)!).contextValue, CONTEXT.loadMore);
    let clicks = 0;
    while (f.label(nodes.at(-1)!) === 'Load more...') {
      const command = f.item(nodes.at(-1)!).command!;
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      clicks += 1;
      nodes = await f.children(workspace);
      expected = Math.min(55, expected + serverPage);
      assert.equal(nodes.filter((n) => f.item(n).contextValue?.startsWith('adfBatch.endpoint')).length, expected);
    }
    assert.equal(nodes.length, 55);
    assert.equal(f.label(nodes[54]), 'many-055');
    const lists = (await f.control.requests(since)).filter((r) => r.routeId === 'ml.batchEndpoints.list');
    assert.equal(lists.length, clicks + 1, 'one request per page, none repeated');
    assert.equal(new Set(lists.map((r) => JSON.stringify(r.query))).size, lists.length);
  });

  it('leaves a 429 with Retry-After to the SDK pipeline: the request log shows the retry', async () => {
    const endpoint = await f.child(await workspaceNode('ws-main'), 'score-default');
    await f.control.addFault({
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
      route: 'ml.batchDeployments.list',
      count: 1,
    });
    const since = (await f.control.requests()).at(-1)?.seq ?? 0;
    const deployments = await f.children(endpoint);
    assert.deepEqual(
      deployments.map((d) => f.label(d)),
      ['blue', 'green', 'Used by', 'Recent jobs'],
    );
    const calls = (await f.control.requests(since)).filter((r) => r.routeId === 'ml.batchDeployments.list');
    assert.deepEqual(
      calls.map((r) => r.status),
      [429, 200],
    );
  });

  it('shows "Loading..." on a node while its children load, then its description again', async () => {
    await f.control.addLatency({ ms: 1500, route: 'ml.batchEndpoints.list' });
    const workspace = await workspaceNode('ws-main');
    const loading = f.children(workspace);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(f.item(workspace).description, 'Loading...');
    assert.equal(iconId(f.item(workspace)), 'loading~spin');
    await loading;
    assert.equal(f.item(workspace).description, 'rg-ml · westeurope');
  });

  it('expanding again sends no request; refreshing a node reloads only that node', async () => {
    const contoso = await f.child(undefined, 'Sidebar Contoso');
    const workspace = await f.child(contoso, 'ws-main');
    await f.children(workspace);
    let since = (await f.control.requests()).at(-1)?.seq ?? 0;
    await f.children(workspace);
    await f.children(contoso);
    assert.deepEqual(await f.control.requests(since), []);

    await vscode.commands.executeCommand('adfBatchEndpoints.refreshNode', workspace);
    since = (await f.control.requests()).at(-1)?.seq ?? since;
    await f.children(workspace);
    await f.children(contoso);
    assert.deepEqual(
      (await f.control.requests(since)).map((r) => r.routeId),
      ['ml.batchEndpoints.list'],
    );
  });
});
