// "Used by" under a batch endpoint: time to scan 5 subscriptions holding 20 factories (3 pipelines each, page
// size 2 so every factory needs 2 pipeline pages) with 25 ms of emulator latency per request. Figures are
// printed, never asserted; the returned invariant is that the scan found the expected pipelines.
import { ClientSecretCredential } from '@azure/identity';
import type { SubscriptionRef } from '../../src/core/azure';
import { customCloud } from '../../src/core/clouds';
import { UsageIndex } from '../../src/core/factory';
import { AzureClientPool } from '../../src/azure/sdk/client-pool';
import { SdkFactoryReader } from '../../src/azure/sdk/factory-reader';
import { EmulatorControlClient } from '../../tools/emulator/control-client';
import { startEmulator } from '../../tools/emulator/index';
import type { EmulatorSeed } from '../../tools/emulator/seed';
import { emulatorCredentialOptions, trustEmulatorCaPolicy } from '../../tools/emulator/trust';

const TENANT = '00000000-0000-4000-8000-00000000b001';
const SP = {
  clientId: '00000000-0000-4000-8000-00000000b002',
  objectId: '00000000-0000-4000-8000-00000000b003',
  secret: 'bench',
};
const LATENCY_MS = 25;

function seed(): EmulatorSeed {
  const subscriptions = Array.from({ length: 5 }, (_, s) => ({
    id: `00000000-0000-4000-8000-0000000c000${s}`,
    displayName: `Bench ${s}`,
    tenantId: TENANT,
    resourceGroups: [
      {
        name: 'rg',
        location: 'westeurope',
        dataFactories: Array.from({ length: 4 }, (_, f) => ({
          name: `adf-bench-${s}-${f}`,
          pipelines: [
            {
              name: 'Score',
              properties: {
                activities: [
                  {
                    name: 'Invoke',
                    type: 'WebActivity',
                    typeProperties: {
                      method: 'POST',
                      url: 'https://scoring.westeurope.inference.ml.azure.com/jobs',
                      body: {
                        properties: {
                          InputData: { a: { JobInputType: 'UriFolder', Uri: 'azureml://datastores/d/paths/in/' } },
                        },
                      },
                    },
                  },
                ],
              },
            },
            {
              name: 'Other',
              properties: { activities: [{ name: 'Wait', type: 'Wait', typeProperties: { waitTimeInSeconds: 1 } }] },
            },
            {
              name: 'Hook',
              properties: {
                activities: [
                  {
                    name: 'Post',
                    type: 'WebActivity',
                    typeProperties: { method: 'POST', url: 'https://hooks.example/x', body: {} },
                  },
                ],
              },
            },
          ],
        })),
      },
    ],
  }));
  return {
    tenants: [{ id: TENANT }],
    servicePrincipals: [{ tenantId: TENANT, ...SP }],
    subscriptions,
    roleAssignments: subscriptions.map((s) => ({
      scope: `/subscriptions/${s.id}`,
      principalId: SP.objectId,
      role: 'Reader',
    })),
  } as EmulatorSeed;
}

export async function runUsedByBench(): Promise<boolean> {
  const emulator = await startEmulator({ seed: seed(), pageSize: 2 });
  try {
    const control = new EmulatorControlClient(emulator.url, { caCertPem: emulator.caCertPem });
    const credential = new ClientSecretCredential(TENANT, SP.clientId, SP.secret, emulatorCredentialOptions(emulator));
    const pool = new AzureClientPool({
      cloud: customCloud(emulator.cloud),
      credentialForTenant: () => credential,
      clientOptions: {
        additionalPolicies: [{ policy: trustEmulatorCaPolicy(emulator.caCertPem), position: 'perCall' }],
      },
    });
    const subscriptions: SubscriptionRef[] = seed().subscriptions.map((s) => ({
      subscriptionId: s.id,
      tenantId: TENANT,
      name: s.displayName,
    }));
    await credential.getToken('https://management.azure.com/.default');
    await control.addLatency({ ms: LATENCY_MS, route: '/providers/Microsoft.DataFactory/' });
    const index = new UsageIndex(new SdkFactoryReader(pool), async () => subscriptions);
    await control.clearRequests();
    const start = performance.now();
    const cold = await index.usedBy('https://scoring.westeurope.inference.ml.azure.com/jobs');
    const coldMs = performance.now() - start;
    const requests = (await control.requests()).filter((r) => r.routeId.startsWith('adf.')).length;
    const warmStart = performance.now();
    await index.usedBy('https://other.westeurope.inference.ml.azure.com/jobs');
    const warmMs = performance.now() - warmStart;
    // Serial lower bound per factory: 2 pipeline pages; the factory lists come first (1 page per subscription of 4 factories at page size 2 = 2 pages).
    console.log(`used-by: 5 subscriptions, 20 factories, ${LATENCY_MS} ms latency per request`);
    console.log(
      `  cold expand: ${coldMs.toFixed(0)} ms, ${requests} requests (${(coldMs / LATENCY_MS).toFixed(1)} latencies; serial chain: 2 factory pages + 2 pipeline pages = 4)`,
    );
    console.log(`  second endpoint (cached scan): ${warmMs.toFixed(1)} ms`);
    return cold.usages.length === 20;
  } finally {
    await emulator.stop();
  }
}
