import * as assert from 'node:assert/strict';
import type { BatchEndpointInfo, SubscriptionRef, WorkspaceInfo } from '../../../src/core/azure/models';
import { ResourceLoader, type ResourceReader } from '../../../src/core/azure/resource-loader';

const subs: SubscriptionRef[] = ['a', 'b', 'c', 'd'].map((id) => ({
  subscriptionId: id,
  tenantId: 't',
  name: `Sub ${id}`,
}));

function workspace(sub: string, name: string): WorkspaceInfo {
  return {
    kind: 'workspace',
    id: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/${name}`,
    name,
    subscriptionId: sub,
    tenantId: 't',
    resourceGroup: 'rg',
    location: 'westeurope',
    raw: {},
  };
}

function endpoint(ws: WorkspaceInfo, name: string): BatchEndpointInfo {
  return { kind: 'endpoint', id: `${ws.id}/batchEndpoints/${name}`, name, workspace: ws, raw: {} };
}

class FakeReader implements ResourceReader {
  calls: string[] = [];
  running = 0;
  peak = 0;
  failing = new Set<string>();

  private async call<T>(what: string, result: T): Promise<T> {
    this.calls.push(what);
    this.running += 1;
    this.peak = Math.max(this.peak, this.running);
    await new Promise((r) => setTimeout(r, 2));
    this.running -= 1;
    if (this.failing.has(what)) throw Object.assign(new Error(`${what} failed`), { statusCode: 500 });
    return result;
  }
  listWorkspaces(s: SubscriptionRef): ReturnType<ResourceReader['listWorkspaces']> {
    return this.call(`ws:${s.subscriptionId}`, { items: [workspace(s.subscriptionId, 'w1')] });
  }
  listBatchEndpoints(w: WorkspaceInfo): ReturnType<ResourceReader['listBatchEndpoints']> {
    return this.call(`ep:${w.name}`, { items: [endpoint(w, 'e1')] });
  }
  listBatchDeployments(e: BatchEndpointInfo): ReturnType<ResourceReader['listBatchDeployments']> {
    return this.call(`dep:${e.name}`, { items: [] });
  }
}

describe('azure/resource-loader', () => {
  it('loads subscriptions in parallel under the cap', async () => {
    const reader = new FakeReader();
    const loader = new ResourceLoader({ reader, pageSize: 10, concurrency: 2 });
    const snaps = await loader.refreshSubscriptions(subs);
    assert.equal(snaps.length, 4);
    assert.equal(reader.peak, 2);
    assert.equal(reader.calls.length, 4);
  });

  it('one failing subscription leaves the others loaded', async () => {
    const reader = new FakeReader();
    reader.failing.add('ws:b');
    const loader = new ResourceLoader({ reader, pageSize: 10, concurrency: 4 });
    const [a, b, c] = await loader.refreshSubscriptions(subs.slice(0, 3));
    assert.equal(a.items.length, 1);
    assert.equal(b.items.length, 0);
    assert.equal(b.error?.message, 'ws:b failed');
    assert.equal(c.items.length, 1);
  });

  it('returns the same list for the same parent, whatever the case of its ID', async () => {
    const loader = new ResourceLoader({ reader: new FakeReader(), pageSize: 10, concurrency: 4 });
    const ws = workspace('a', 'w1');
    const upper = { ...ws, id: ws.id.toUpperCase() };
    assert.equal(loader.batchEndpoints(ws), loader.batchEndpoints(upper));
  });

  it('invalidates a parent and everything below it, but not its siblings', async () => {
    const reader = new FakeReader();
    const loader = new ResourceLoader({ reader, pageSize: 10, concurrency: 4 });
    const [wsA] = (await loader.workspaces(subs[0]).ensureLoaded()).items;
    const [wsB] = (await loader.workspaces(subs[1]).ensureLoaded()).items;
    const [epA] = (await loader.batchEndpoints(wsA).ensureLoaded()).items;
    await loader.batchDeployments(epA).ensureLoaded();
    await loader.batchEndpoints(wsB).ensureLoaded();
    reader.calls = [];

    loader.invalidate(subs[0]);
    await loader.workspaces(subs[0]).ensureLoaded();
    await loader.batchEndpoints(wsA).ensureLoaded();
    await loader.batchDeployments(epA).ensureLoaded();
    await loader.batchEndpoints(wsB).ensureLoaded();
    assert.deepEqual(reader.calls, ['ws:a', 'ep:w1', 'dep:e1'], 'subscription b kept its cache');
  });

  it('reports loading per key', async () => {
    const events: string[] = [];
    const loader = new ResourceLoader({
      reader: new FakeReader(),
      pageSize: 10,
      concurrency: 4,
      onLoadingChange: (k, l) => events.push(`${k}:${l}`),
    });
    await loader.workspaces(subs[0]).ensureLoaded();
    assert.deepEqual(events, ['/subscriptions/a:true', '/subscriptions/a:false']);
  });

  it('a refresh aborts hung loads: their limiter slots are freed and other lists load', async () => {
    const aborted: string[] = [];
    /** Never answers a workspace list unless aborted (the emulator's hang fault, in miniature). */
    const hanging: ResourceReader = {
      listWorkspaces: (s, _token, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => {
            aborted.push(s.subscriptionId);
            reject(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }));
          });
        }),
      listBatchEndpoints: async (w) => ({ items: [endpoint(w, 'e1')] }),
      listBatchDeployments: async () => ({ items: [] }),
    };
    const loader = new ResourceLoader({ reader: hanging, pageSize: 10, concurrency: 2 });
    const hung = subs.map((s) => loader.workspaces(s).ensureLoaded());
    const other = loader.batchEndpoints(workspace('z', 'unrelated')).ensureLoaded();
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(aborted, [], 'nothing aborted before the refresh');
    for (const s of subs) loader.invalidate(s);
    const snapshots = await Promise.all(hung);
    assert.deepEqual(aborted.sort(), ['a', 'b'], 'the two requests in flight were aborted, the waiting two never sent');
    assert.ok(snapshots.every((s) => s.error && !s.loading));
    assert.equal((await other).items[0]?.name, 'e1', 'the unrelated list got a slot');
  });
});
