import * as assert from 'node:assert/strict';
import { PagedList } from '../../../src/core/azure/paged-list';
import type { Page } from '../../../src/core/azure/paging';

/** A fake server: `pages` of numbers, the continuation token is the next page's index. */
function fakeServer(
  pages: number[][],
  failAt?: Set<number>,
): { fetch: (t?: string) => Promise<Page<number>>; calls: Array<string | undefined> } {
  const calls: Array<string | undefined> = [];
  return {
    calls,
    fetch: async (token?: string) => {
      calls.push(token);
      await new Promise((r) => setTimeout(r, 1));
      const index = token ? Number(token) : 0;
      if (failAt?.has(index)) {
        failAt.delete(index);
        throw Object.assign(new Error('Server went away'), { statusCode: 500 });
      }
      return { items: pages[index], continuationToken: index + 1 < pages.length ? String(index + 1) : undefined };
    },
  };
}

const range = (from: number, n: number): number[] => Array.from({ length: n }, (_, i) => from + i);

describe('azure/paged-list', () => {
  it('shows one step, then more on demand, without asking twice', async () => {
    const server = fakeServer([range(0, 5), range(5, 5), range(10, 2)]);
    const list = new PagedList(server.fetch, 4);
    let snap = await list.ensureLoaded();
    assert.deepEqual(snap.items, range(0, 4));
    assert.equal(snap.hasMore, true);
    assert.deepEqual(server.calls, [undefined]);

    snap = await list.ensureLoaded();
    assert.deepEqual(server.calls, [undefined], 'expanding again is served from the cache');

    snap = await list.loadMore();
    assert.deepEqual(snap.items, range(0, 8));
    snap = await list.loadMore();
    assert.deepEqual(snap.items, range(0, 12));
    assert.equal(snap.hasMore, false);
    assert.deepEqual(server.calls, [undefined, '1', '2'], 'each server page is requested once');
  });

  it('joins a load already in flight', async () => {
    const server = fakeServer([range(0, 3)]);
    const list = new PagedList(server.fetch, 10);
    const [a, b] = await Promise.all([list.ensureLoaded(), list.ensureLoaded()]);
    assert.deepEqual(a.items, b.items);
    assert.equal(server.calls.length, 1);
    assert.equal(a.hasMore, false);
  });

  it('reads several small server pages to fill one step', async () => {
    const server = fakeServer([range(0, 2), range(2, 2), range(4, 2)]);
    const snap = await new PagedList(server.fetch, 5).ensureLoaded();
    assert.deepEqual(snap.items, range(0, 5));
    assert.equal(snap.hasMore, true, 'one item is left in the buffer');
    assert.equal(server.calls.length, 3);
  });

  it('keeps what loaded when "Load more..." fails, and retries from there', async () => {
    const server = fakeServer([range(0, 3), range(3, 3)], new Set([1]));
    const list = new PagedList(server.fetch, 3);
    await list.ensureLoaded();
    let snap = await list.loadMore();
    assert.deepEqual(snap.items, range(0, 3));
    assert.equal(snap.error?.statusCode, 500);
    assert.equal(snap.error?.message, 'Server went away');
    snap = await list.retry();
    assert.equal(snap.error, undefined);
    assert.deepEqual(snap.items, range(0, 6));
    assert.deepEqual(server.calls, [undefined, '1', '1']);
  });

  it('reports a failed first page without items, and does not retry by itself', async () => {
    const server = fakeServer([range(0, 3)], new Set([0]));
    const list = new PagedList(server.fetch, 3);
    let snap = await list.ensureLoaded();
    assert.equal(snap.items.length, 0);
    assert.ok(snap.error);
    snap = await list.ensureLoaded();
    assert.equal(server.calls.length, 1, 'expanding again shows the error instead of hammering the service');
    snap = await list.retry();
    assert.deepEqual(snap.items, range(0, 3));
  });

  it('tells the tree when it starts and stops talking to the service', async () => {
    const server = fakeServer([range(0, 3)]);
    const events: boolean[] = [];
    const list: PagedList<number> = new PagedList(server.fetch, 3, (loading) => {
      events.push(loading);
      assert.equal(list.snapshot().loading, loading);
    });
    await list.ensureLoaded();
    await list.ensureLoaded();
    assert.deepEqual(events, [true, false]);
  });

  it('rejects a nonsensical page size', () => {
    assert.throws(() => new PagedList(async () => ({ items: [] }), 0), /page size must be a positive integer/);
  });

  it('shows an empty list as loaded with nothing more', async () => {
    const snap = await new PagedList(fakeServer([[]]).fetch, 3).ensureLoaded();
    assert.deepEqual(snap, { items: [], hasMore: false, loading: false, error: undefined });
  });
});
