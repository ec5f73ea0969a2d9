import * as assert from 'node:assert/strict';
import { generateBatchPipeline, type PipelineDocument } from '../../../src/core/pipeline';
import {
  diffPipelines,
  publishPipeline,
  type PipelineStore,
  type RemotePipeline,
  type WritePrecondition,
} from '../../../src/core/publish';

const FACTORY = { subscriptionId: 's', resourceGroup: 'rg', name: 'adf' };
const document = generateBatchPipeline({
  endpointUri: 'https://e.eastus.inference.ml.azure.com/jobs',
  auth: { kind: 'mi' },
});

function statusError(statusCode: number): Error {
  return Object.assign(new Error(`status ${statusCode}`), { statusCode });
}

/** An in-memory factory that honours If-Match / If-None-Match like ARM. */
function fakeStore(
  initial?: RemotePipeline,
): PipelineStore & { writes: WritePrecondition[]; current: RemotePipeline | undefined } {
  let counter = 0;
  const store = {
    writes: [] as WritePrecondition[],
    current: initial,
    async read(): Promise<RemotePipeline | undefined> {
      return store.current;
    },
    async write(_factory: unknown, doc: PipelineDocument, precondition: WritePrecondition): Promise<{ etag: string }> {
      store.writes.push(precondition);
      if ('ifMatch' in precondition && store.current?.etag !== precondition.ifMatch) throw statusError(412);
      if ('ifNoneMatch' in precondition && store.current) throw statusError(412);
      store.current = {
        name: doc.name,
        etag: `"e${++counter}"`,
        properties: structuredClone(doc.properties) as unknown as Record<string, unknown>,
      };
      return { etag: store.current.etag! };
    },
  };
  return store;
}

describe('publish: If-Match and conflicts', () => {
  it('creates a new pipeline with If-None-Match: * when none existed at review', async () => {
    const store = fakeStore();
    const outcome = await publishPipeline(store, { factory: FACTORY, document, reviewedEtag: undefined });
    assert.deepEqual(outcome, { kind: 'published', etag: '"e1"', created: true });
    assert.deepEqual(store.writes, [{ ifNoneMatch: '*' }]);
  });

  it('updates with If-Match of the reviewed ETag', async () => {
    const store = fakeStore({ name: document.name, etag: '"old"', properties: {} });
    const outcome = await publishPipeline(store, { factory: FACTORY, document, reviewedEtag: '"old"' });
    assert.equal(outcome.kind, 'published');
    assert.deepEqual(store.writes, [{ ifMatch: '"old"' }]);
  });

  it('returns a conflict with the current remote pipeline on a stale ETag, and does not overwrite', async () => {
    const store = fakeStore({
      name: document.name,
      etag: '"theirs"',
      properties: { description: 'changed by someone else', activities: [] },
    });
    const outcome = await publishPipeline(store, { factory: FACTORY, document, reviewedEtag: '"reviewed"' });
    assert.equal(outcome.kind, 'conflict');
    assert.equal(outcome.kind === 'conflict' && outcome.remote?.etag, '"theirs"');
    assert.match(outcome.kind === 'conflict' ? outcome.reason : '', /changed .* after your review/);
    assert.equal(store.current?.properties.description, 'changed by someone else');
    const diff = diffPipelines(outcome.kind === 'conflict' ? outcome.remote : undefined, document);
    assert.ok(diff.added > 0 && diff.removed > 0);
  });

  it('reports a pipeline created after the review, or deleted since', async () => {
    const created = await publishPipeline(fakeStore({ name: document.name, etag: '"x"', properties: {} }), {
      factory: FACTORY,
      document,
      reviewedEtag: undefined,
    });
    assert.match(created.kind === 'conflict' ? created.reason : '', /was created .* after your review/);
    const deleted = await publishPipeline(fakeStore(), { factory: FACTORY, document, reviewedEtag: '"gone"' });
    assert.equal(deleted.kind, 'conflict');
    assert.match(deleted.kind === 'conflict' ? deleted.reason : '', /was deleted/);
  });

  it('rethrows other failures (403, 404) for the wizard to explain', async () => {
    const store: PipelineStore = {
      read: async () => undefined,
      write: async () => {
        throw statusError(404);
      },
    };
    await assert.rejects(
      publishPipeline(store, { factory: FACTORY, document, reviewedEtag: undefined }),
      (e: unknown) => (e as { statusCode: number }).statusCode === 404,
    );
  });
});

describe('publish: pipeline diff', () => {
  it('ignores key order and shows changed lines', () => {
    const a = { name: 'p', properties: { b: 1, a: [1, 2], c: { y: 1, x: 2 } } };
    const b = { name: 'p', properties: { c: { x: 2, y: 1 }, a: [1, 2], b: 1 } };
    assert.equal(diffPipelines(a, b).identical, true);
    assert.deepEqual(diffPipelines(a, b).hunks, []);
    const changed = diffPipelines(a, { name: 'p', properties: { ...b.properties, b: 2 } });
    assert.equal(changed.identical, false);
    assert.equal(changed.added, 1);
    assert.equal(changed.removed, 1);
    assert.deepEqual(
      changed.hunks[0].lines.filter((l) => l.kind !== 'context').map((l) => [l.kind, l.text.trim()]),
      [
        ['removed', '"b": 1,'],
        ['added', '"b": 2,'],
      ],
    );
    assert.match(changed.hunks[0].header, /^@@ -\d+,\d+ \+\d+,\d+ @@$/);
  });

  it('shows everything as added when there is nothing before', () => {
    const diff = diffPipelines(undefined, { name: 'p', properties: { a: 1 } });
    assert.equal(diff.removed, 0);
    assert.equal(diff.before, '');
    assert.equal(diff.added, 6, 'every line of the pretty-printed pipeline');
  });
});
