// The sidebar's Data Factory lists (a pipeline's runs, a run's activity runs, an endpoint's batch jobs) against the
// emulator's `hang` fault: a refresh that drops a list aborts its request in flight (the emulator sees it closed),
// so a hung list neither waits for the request timeout nor keeps its limiter slot.
import * as assert from 'node:assert/strict';
import { ClientSecretCredential } from '@azure/identity';
import { AzureClientPool } from '../../../src/azure/sdk/client-pool';
import { SdkFactoryReader } from '../../../src/azure/sdk/factory-reader';
import { requestPolicyOptions } from '../../../src/azure/sdk/policies';
import type { BatchEndpointInfo, SubscriptionRef } from '../../../src/core/azure';
import type { CloudDefinition } from '../../../src/core/clouds';
import type { FactoryInfo } from '../../../src/core/factory';
import { FactoryLoader } from '../../../src/tree/factory-loader';
import { EmulatorControlClient } from '../../../tools/emulator/control-client';
import { startEmulator, type RunningEmulator } from '../../../tools/emulator/index';
import { emulatorCredentialOptions, trustEmulatorCaPolicy } from '../../../tools/emulator/trust';
import { W, WIZARD_SEED } from '../publish/fixture';
import { until } from '../../support/until';

describe('sidebar lists dropped by a refresh abort their hung request (emulator hang fault)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let control: EmulatorControlClient;
  let reader: SdkFactoryReader;
  const subscription: SubscriptionRef = { subscriptionId: W.subscription, tenantId: W.tenant, name: 'wizard' };
  let factory: FactoryInfo;

  before(async () => {
    emulator = await startEmulator({ seed: WIZARD_SEED });
    control = new EmulatorControlClient(emulator.url, { caCertPem: emulator.caCertPem });
    const cloud: CloudDefinition = {
      name: 'Custom',
      resourceManagerEndpoint: emulator.url,
      authorityHost: emulator.url,
      armAudience: 'https://management.azure.com/',
      mlAudience: 'https://ml.azure.com',
    };
    // A 10-minute request timeout: only the abort can end a hung request within the test.
    const clientOptions = requestPolicyOptions(
      { timeoutMs: () => 600_000 },
      { additionalPolicies: [{ policy: trustEmulatorCaPolicy(emulator.caCertPem), position: 'perCall' }] },
    );
    const credential = new ClientSecretCredential(
      W.tenant,
      W.owner.clientId,
      W.owner.secret,
      emulatorCredentialOptions(emulator),
    );
    reader = new SdkFactoryReader(new AzureClientPool({ cloud, credentialForTenant: () => credential, clientOptions }));
    const factories = await reader.listFactories(subscription);
    const found = factories.items.find((f) => f.name === 'adf-ready');
    assert.ok(found, 'the seed has adf-ready');
    factory = found;
  });
  beforeEach(async () => {
    await control.reset();
  });
  after(async () => {
    await emulator?.stop();
  });

  /** Hangs `route`, starts the list, drops it as a refresh does, and checks the request was closed. */
  async function abortedByRefresh(
    route: string,
    start: (loader: FactoryLoader) => Promise<{ error?: { message: string } }>,
    key: string,
  ): Promise<void> {
    const hang = await control.addFault({ kind: 'hang', route, count: 100 });
    const loader = new FactoryLoader({
      reader,
      pageSize: 50,
      subscriptions: async () => [subscription],
      onLoadingChange: () => undefined,
    });
    const load = start(loader);
    await until('the emulator to hold the request', async () => (await control.fault(hang.id)).held === 1);
    loader.invalidate(key);
    const ended = await load;
    assert.ok(ended.error, 'the dropped list ended without items');
    await until('the request to be closed', async () => (await control.fault(hang.id)).held === 0);
    assert.equal((await control.fault(hang.id)).hits, 1, 'aborted, not retried');
  }

  it("a pipeline's runs", async () => {
    await abortedByRefresh(
      'adf.pipelineRuns.queryByFactory',
      (loader) => loader.runs(factory, 'Existing-Pipeline', 'runs:x').ensureLoaded(),
      'runs:x',
    );
  });

  it("a run's activity runs", async () => {
    await abortedByRefresh(
      'adf.activityRuns.queryByPipelineRun',
      (loader) =>
        loader
          .activityRuns(
            factory,
            { runId: '00000000-0000-4000-8000-000000000001', pipelineName: 'P', status: 'Failed' },
            'acts:x',
          )
          .ensureLoaded(),
      'acts:x',
    );
  });

  it("an endpoint's batch jobs", async () => {
    const endpoint = {
      kind: 'endpoint',
      id: `${W.workspaceId}/batchEndpoints/score-fast`,
      name: 'score-fast',
      workspace: { id: W.workspaceId, name: 'ws-wizard', subscriptionId: W.subscription, tenantId: W.tenant },
      raw: {},
    } as unknown as BatchEndpointInfo;
    await abortedByRefresh(
      '/batchEndpoints/score-fast/jobs$',
      (loader) => loader.batchJobs(endpoint, 'jobs:x').ensureLoaded(),
      'jobs:x',
    );
  });
});
