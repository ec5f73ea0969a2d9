// Inside the extension host, against the emulator: the tree's root with more subscriptions than ARM lists in one page
// (the emulator pages at 50, nextLink, like ARM). The root shows the first page's subscriptions and a "Loading more
// subscriptions..." row while the later pages are read, then the whole list; a failure after the first page ends in
// the error row. Each page is slowed down (emulator latency), so the later pages are still on their way when the
// first render is checked: a tree that waited for every page would show all of them, or none, at first.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EmulatorSeed } from '../../../tools/emulator';
import { CONTEXT } from '../../../src/tree/context-values';
import type { SidebarNode } from '../../../src/tree/sidebar-node';
import { iconId, openSidebarFixture, type SidebarFixture } from './sidebar-fixture';
import { until } from '../../support/until';

const TENANT = '5d0000aa-0000-4000-8000-0000000000aa';
/** Three pages at the emulator's page size of 50. */
const COUNT = 101;
/** Per page of the subscription list: long enough that the later pages are surely still on their way. */
const PAGE_LATENCY_MS = 3_000;
const LOADING_MORE = 'Loading more subscriptions...';

const subscriptionId = (i: number): string => `5d0000bb-0000-4000-8000-${String(i).padStart(12, '0')}`;
const nameOf = (i: number): string => `Paged ${String(i).padStart(3, '0')}`;

/** COUNT subscriptions without resources, listed by the emulator in name order (the fixture moves them to the tenant of the harness's principal). */
function pagedSeed(): EmulatorSeed {
  return {
    description: 'test/exthost/sidebar/subscription-pages.test.ts',
    tenants: [{ id: TENANT, displayName: 'Paged tenant' }],
    subscriptions: Array.from({ length: COUNT }, (_, i) => ({
      id: subscriptionId(i + 1),
      displayName: nameOf(i + 1),
      tenantId: TENANT,
    })),
  };
}

describe('sidebar: the subscription list, page by page (extension host, emulator)', function () {
  this.timeout(120_000);
  let f: SidebarFixture;
  let pageSize: number;

  before(async () => {
    f = await openSidebarFixture(pagedSeed());
    pageSize = (await f.control.health()).pageSize;
    assert.ok(pageSize * 2 < COUNT, `the emulator pages at ${pageSize}: ${COUNT} subscriptions must be 3+ pages`);
  });
  afterEach(async () => {
    await f.control.clearFaults();
    await f.control.clearLatency();
    await f.api.sidebar.setSubscriptionSelection(undefined);
  });
  after(async () => {
    await f?.restore();
  });

  /** Resolves at the next change of the whole tree (the root's re-render). */
  function nextRootChange(): Promise<void> {
    return new Promise((resolve) => {
      const listener: vscode.Disposable = f.api.sidebar.treeProvider.onDidChangeTreeData((node) => {
        if (node !== undefined) return;
        listener.dispose();
        resolve();
      });
    });
  }

  /** Refreshes with every subscription page slowed down; resolves with the root's first render. */
  async function refreshSlowly(): Promise<{ first: SidebarNode[]; since: number }> {
    await f.control.addLatency({ ms: PAGE_LATENCY_MS, route: 'resources.subscriptions.list' });
    const since = (await f.control.requests()).at(-1)?.seq ?? 0;
    f.api.sidebar.refresh();
    return { first: await f.children(), since };
  }

  async function subscriptionListCalls(since: number): Promise<number> {
    return (await f.control.requests(since)).filter((r) => r.routeId === 'resources.subscriptions.list').length;
  }

  it('shows the first page and "Loading more subscriptions..." before the last page, then every subscription', async () => {
    const { first, since } = await refreshSlowly();
    const ended = nextRootChange();
    assert.deepEqual(
      first.map((n) => f.label(n)),
      [...Array.from({ length: pageSize }, (_, i) => nameOf(i + 1)), LOADING_MORE],
    );
    const loading = f.item(first.at(-1)!);
    assert.equal(iconId(loading), 'loading~spin');
    assert.equal(loading.contextValue, CONTEXT.message);
    assert.ok((await subscriptionListCalls(since)) < 3, 'the first render came before the last page was answered');

    await ended;
    const all = await f.children();
    assert.deepEqual(
      all.map((n) => f.label(n)),
      Array.from({ length: COUNT }, (_, i) => nameOf(i + 1)),
    );
    assert.equal(await subscriptionListCalls(since), 3, 'one request per page, none twice');
    // The re-render keeps the first page's nodes (an expanded subscription stays expanded with its lists).
    assert.equal(all[0], first[0]);
  });

  it('while the selected subscriptions have not arrived, the root shows only the loading row, not "none selected"', async () => {
    await f.api.sidebar.setSubscriptionSelection([subscriptionId(COUNT)]);
    const { first } = await refreshSlowly();
    const ended = nextRootChange();
    assert.deepEqual(
      first.map((n) => f.label(n)),
      [LOADING_MORE],
    );
    await ended;
    assert.deepEqual(
      (await f.children()).map((n) => f.label(n)),
      [nameOf(COUNT)],
    );
  });

  it('a page failing after the first one shows the error row with Retry, and Retry lists them all', async () => {
    const { first } = await refreshSlowly();
    // The second page is waiting out its latency: the fault answers it (latency first, then faults).
    await f.control.addFault({ kind: 'status', status: 403, route: 'resources.subscriptions.list', count: 5 });
    const ended = nextRootChange();
    assert.equal(f.label(first.at(-1)!), LOADING_MORE);
    await ended;
    const endedAt = (await f.control.requests()).at(-1)?.seq ?? 0;
    const afterFailure = await f.children();
    assert.equal(afterFailure.length, 1, afterFailure.map((n) => f.label(n)).join(' | '));
    const error = f.item(afterFailure[0]);
    assert.equal(error.contextValue, CONTEXT.error);
    assert.match(String(error.label), /^Error 403/);
    // The re-render shows the failed listing's error; it does not start another listing by itself.
    assert.equal(await subscriptionListCalls(endedAt), 0);

    await f.control.clearFaults();
    await f.control.clearLatency();
    assert.ok(error.command, 'the error row has a command');
    assert.equal(error.command.command, 'adfBatchEndpoints.retry');
    await vscode.commands.executeCommand(error.command.command, ...(error.command.arguments ?? []));
    await until('every subscription after Retry', async () => (await f.children()).length === COUNT);
    assert.equal(f.label((await f.children()).at(-1)!), nameOf(COUNT));
  });
});
