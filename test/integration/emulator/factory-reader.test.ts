import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ClientSecretCredential } from '@azure/identity';
import { customCloud } from '../../../src/core/clouds';
import { readAll, UsageIndex, factoryDescription, type FactoryInfo } from '../../../src/core/factory';
import type { SubscriptionRef } from '../../../src/core/azure';
import { AzureClientPool } from '../../../src/azure/sdk/client-pool';
import { SdkFactoryReader } from '../../../src/azure/sdk/factory-reader';
import { emulatorCredentialOptions, trustEmulatorCaPolicy } from './trust';
import { useEmulator } from '../../support/emulator';

const SEED = join(process.cwd(), 'test', 'sandbox', 'seed.json');
const TENANT = '00000000-0000-0000-0000-00000000aaaa';
const SUBSCRIPTIONS: SubscriptionRef[] = [
  { subscriptionId: '5a000000-0000-4000-8000-000000000001', tenantId: TENANT, name: 'Contoso Analytics' },
  { subscriptionId: '5a000000-0000-4000-8000-000000000002', tenantId: TENANT, name: 'Contoso Production' },
];
const WS =
  '/subscriptions/5a000000-0000-4000-8000-000000000001/resourceGroups/rg-contoso-ml/providers/Microsoft.MachineLearningServices/workspaces/contoso-ml';

describe('sidebar data: factories, runs, jobs and "Used by" through the SDK clients (sandbox seed)', () => {
  const fx = useEmulator(SEED, { pageSize: 2, timeScale: 20, resetEachTest: false });
  let reader: SdkFactoryReader;

  before(async () => {
    const credential = new ClientSecretCredential(
      TENANT,
      '11111111-1111-1111-1111-111111111111',
      'sandbox-secret',
      emulatorCredentialOptions(fx.emulator),
    );
    const pool = new AzureClientPool({
      cloud: customCloud(fx.emulator.cloud),
      credentialForTenant: () => credential,
      clientOptions: {
        additionalPolicies: [{ policy: trustEmulatorCaPolicy(fx.emulator.caCertPem), position: 'perCall' }],
      },
    });
    reader = new SdkFactoryReader(pool);
  });

  it('lists factories with identity and git mode, pipelines as raw JSON, runs newest first and their activity runs', async () => {
    const factories = await readAll((t) => reader.listFactories(SUBSCRIPTIONS[0], t));
    const factory = factories.find((f) => f.name === 'contoso-analytics') as FactoryInfo;
    assert.equal(factoryDescription(factory), 'system-assigned identity · GitHub: contoso/analytics-adf (main)');
    const pipelines = await readAll((t) => reader.listPipelines(factory, t));
    assert.deepEqual(pipelines.map((p) => p.name).sort(), [
      'Notify-Partner',
      'Read-Invoices',
      'Refresh-Dashboard',
      'Score-Churn',
    ]);
    assert.match(
      JSON.stringify(pipelines.find((p) => p.name === 'Read-Invoices')?.properties),
      /"typeProperties"/,
      'raw JSON, not the flattened model',
    );
    const first = await reader.listPipelineRuns(factory, 'Score-Churn');
    assert.equal(first.items.length, 2);
    assert.ok(first.continuationToken, 'a third run is on the next page');
    assert.equal(first.items[0].status, 'Failed', 'newest first: the failed run');
    const activities = await reader.listActivityRuns(factory, first.items[0]);
    assert.deepEqual(
      activities.map((a) => `${a.activityName}:${a.status}`),
      ['Run Batch-Endpoint:Succeeded', 'Wait for job:Failed'],
    );
    assert.match(activities[1].error?.message ?? '', /503/);
  });

  it("lists a batch endpoint's recent jobs with status, times and output path", async () => {
    const endpoint = {
      id: `${WS}/batchEndpoints/churn-scoring`,
      workspace: { tenantId: TENANT, subscriptionId: SUBSCRIPTIONS[0].subscriptionId },
    };
    const jobs = await readAll((t) => reader.listBatchJobs(endpoint, t));
    assert.deepEqual(
      jobs.map((j) => j.name),
      ['batchjob-churn-nightly-1207', 'batchjob-churn-nightly-1206', 'batchjob-churn-nightly-1205'],
    );
    assert.equal(jobs[0].status, 'Completed');
    assert.equal(Date.parse(jobs[0].endedAt!) - Date.parse(jobs[0].createdAt!), 95_000);
    assert.match(jobs[0].outputUris[0], /Score-Churn\/1207\/predictions\.csv$/);
    await assert.rejects(
      reader.listBatchJobs({ ...endpoint, id: `${WS}/batchEndpoints/nope` }),
      (e: { statusCode?: number }) => e.statusCode === 404,
    );
  });

  it('"Used by" scans the selected subscriptions once, never sends a request twice, and reuses the scan until refreshed', async () => {
    const index = new UsageIndex(reader, async () => SUBSCRIPTIONS);
    await fx.control.clearRequests();
    const churn = await index.usedBy(`${fx.emulator.url}/ml/westeurope/churn-scoring/jobs`);
    assert.deepEqual(
      churn.usages.map((u) => u.pipeline.name),
      ['Score-Churn'],
    );
    assert.match(churn.usages[0].via.join(), /parameter endpoint_uri/);
    assert.deepEqual(churn.errors, []);
    const log = (await fx.control.requests()).filter((r) => r.routeId.startsWith('adf.'));
    const keys = log.map((r) => `${r.method} ${r.path}?${JSON.stringify(r.query)}`);
    assert.equal(new Set(keys).size, keys.length, `no request twice: ${keys.join('\n')}`);
    assert.ok(
      log.some((r) => r.path.includes('5a000000-0000-4000-8000-000000000002')),
      'the second subscription is scanned too',
    );
    await fx.control.clearRequests();
    const ocr = await index.usedBy(`${fx.emulator.url}/ml/westeurope/invoice-ocr/jobs/`);
    assert.deepEqual(
      ocr.usages.map((u) => u.pipeline.name),
      ['Read-Invoices'],
    );
    assert.deepEqual((await index.usedBy(`${fx.emulator.url}/ml/westeurope/credit-scoring/jobs`)).usages, []);
    assert.equal(
      (await fx.control.requests()).filter((r) => r.routeId.startsWith('adf.')).length,
      0,
      'cached: no request for another endpoint',
    );
    index.refresh();
    await index.usedBy(`${fx.emulator.url}/ml/westeurope/churn-scoring/jobs`);
    assert.ok(
      (await fx.control.requests()).some((r) => r.routeId === 'adf.pipelines.listByFactory'),
      'refresh reads again',
    );
  });

  it('a subscription that cannot be read is reported and the others are still scanned', async () => {
    const index = new UsageIndex(reader, async () => [
      ...SUBSCRIPTIONS,
      { subscriptionId: '5a000000-0000-4000-8000-0000000000ff', tenantId: TENANT, name: 'Gone' },
    ]);
    const result = await index.usedBy(`${fx.emulator.url}/ml/westeurope/churn-scoring/jobs`);
    assert.deepEqual(
      result.usages.map((u) => u.pipeline.name),
      ['Score-Churn'],
    );
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0].where, /Gone/);
  });
});
