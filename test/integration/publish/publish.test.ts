// The wizard's publish path against the emulator through the real SDK: raw reads, If-Match, conflicts, 404.
import * as assert from 'node:assert/strict';
import { generateBatchPipeline, type BatchPipelineOptions } from '../../../src/core/pipeline';
import {
  ArmResponseError,
  adviseAzureError,
  diffPipelines,
  publishPipeline,
  readRemotePipeline,
} from '../../../src/core/publish';
import { W, usePublishEmulator } from './fixture';

describe('integration: publish a generated pipeline to the emulator', () => {
  const fx = usePublishEmulator();
  const options = (auth: BatchPipelineOptions['auth']): BatchPipelineOptions => ({
    name: 'Run-Score-Fast',
    folder: 'batch',
    endpointUri: fx.scoringUri('score-fast'),
    inputUri: 'azureml://datastores/inputs/paths/data/',
    pollIntervalSeconds: 1,
    cloud: fx.cloud,
    auth,
  });

  for (const auth of [
    { kind: 'mi' },
    { kind: 'uami', credentialName: 'uami-cred' },
    {
      kind: 'sp-keyvault',
      keyVaultLinkedService: 'kv-ls',
      secretName: 'batch-sp-secret',
      tenantId: W.tenant,
      clientId: W.owner.clientId,
    },
    { kind: 'sp-secret', tenantId: W.tenant, clientId: W.owner.clientId },
  ] as const) {
    it(`stores exactly what the generator produced (${auth.kind}), nothing dropped`, async () => {
      const document = generateBatchPipeline(options(auth));
      const factory = W.factory('adf-mi');
      assert.equal(await fx.azure.pipelines.read(factory, document.name), undefined, 'no pipeline before');
      const since = (await fx.control.requests()).at(-1)?.seq ?? 0;
      const outcome = await publishPipeline(fx.azure.pipelines, { factory, document, reviewedEtag: undefined });
      assert.equal(outcome.kind, 'published');
      const remote = await readRemotePipeline(fx.azure.raw, factory, document.name);
      assert.deepEqual(remote?.properties, JSON.parse(JSON.stringify(document.properties)));
      assert.equal(remote?.etag, outcome.kind === 'published' ? outcome.etag : undefined);
      const put = (await fx.control.requests(since)).filter((r) => r.routeId === 'adf.pipelines.createOrUpdate');
      assert.equal(put.length, 1);
      assert.equal(put[0].headers['if-none-match'], '*');
    });
  }

  it('sends If-Match of the reviewed ETag; a stale one gives the conflict with the current remote JSON', async () => {
    const factory = W.factory('adf-mi');
    const first = generateBatchPipeline(options({ kind: 'mi' }));
    const published = await publishPipeline(fx.azure.pipelines, { factory, document: first, reviewedEtag: undefined });
    const reviewedEtag = published.kind === 'published' ? published.etag : undefined;
    assert.ok(reviewedEtag);
    // Someone else publishes in between.
    const theirs = generateBatchPipeline({ ...options({ kind: 'mi' }), description: 'Edited in ADF Studio' });
    await fx.azure.pipelines.write(factory, theirs, { ifMatch: reviewedEtag });
    const mine = generateBatchPipeline({ ...options({ kind: 'mi' }), pollIntervalSeconds: 30 });
    const since = (await fx.control.requests()).at(-1)?.seq ?? 0;
    const conflict = await publishPipeline(fx.azure.pipelines, { factory, document: mine, reviewedEtag });
    assert.equal(conflict.kind, 'conflict');
    if (conflict.kind !== 'conflict') return;
    assert.equal(conflict.remote?.properties.description, 'Edited in ADF Studio');
    const log = await fx.control.requests(since);
    const refused = log.find((r) => r.routeId === 'adf.pipelines.createOrUpdate');
    assert.equal(refused?.status, 412);
    assert.equal(refused?.headers['if-match'], reviewedEtag);
    const diff = diffPipelines(conflict.remote, mine);
    assert.ok(
      diff.hunks.some((h) => h.lines.some((l) => l.kind === 'removed' && l.text.includes('Edited in ADF Studio'))),
    );
    // Still theirs: nothing was overwritten.
    assert.equal((await fx.azure.pipelines.read(factory, mine.name))?.properties.description, 'Edited in ADF Studio');
    // The user saw the difference and chose to overwrite: If-Match of what they saw.
    const resolved = await publishPipeline(fx.azure.pipelines, {
      factory,
      document: mine,
      reviewedEtag: conflict.remote?.etag,
    });
    assert.equal(resolved.kind, 'published');
    assert.equal(
      (await fx.azure.pipelines.read(factory, mine.name))?.properties.description,
      mine.properties.description,
    );
  });

  it('reads an existing pipeline raw, keeping what the typed model would drop', async () => {
    const remote = await fx.azure.pipelines.read(W.factory('adf-ready'), 'Existing-Pipeline');
    assert.equal(remote?.properties.description, 'Published before the wizard ran.');
    assert.match(remote?.etag ?? '', /.+/);
  });

  it('tells a factory that is gone (404) from a pipeline that does not exist yet', async () => {
    const error = await fx.azure.pipelines.read(W.factory('adf-deleted'), 'p').catch((e: unknown) => e);
    assert.ok(error instanceof ArmResponseError);
    assert.equal(error.statusCode, 404);
    assert.equal(
      adviseAzureError(error, { operation: 'review', factoryName: 'adf-deleted' }).title,
      'Data Factory adf-deleted was not found',
    );
    const publishError = await publishPipeline(fx.azure.pipelines, {
      factory: W.factory('adf-deleted'),
      document: generateBatchPipeline(options({ kind: 'mi' })),
      reviewedEtag: undefined,
    }).catch((e: unknown) => e);
    assert.equal((publishError as { statusCode?: number }).statusCode, 404);
  });
});
