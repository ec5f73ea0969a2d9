// The timed part of the used-by bench, in a child process trusting the emulator through NODE_EXTRA_CA_CERTS:
// the sidebar's "Used by" scan (UsageIndex, src/core/factory) through the official SDK clients. Prints one JSON line.
import type { SubscriptionRef } from '../../src/core/azure';
import { UsageIndex } from '../../src/core/factory';
import { benchClientPool } from './bench-client-pool';
import { SdkFactoryReader } from '../../src/azure/sdk/factory-reader';
import { EmulatorControlClient } from '../../tools/emulator/control-client';
import type { BenchEmulatorInfo } from './emulator-process';
import {
  USED_BY_SCORING_URI,
  USED_BY_SP,
  USED_BY_SUBSCRIPTIONS,
  USED_BY_TENANT,
  usedBySubscriptionId,
} from './used-by-seed';

export interface UsedByRunInput extends BenchEmulatorInfo {
  latencyMs: number;
}

export interface UsedByRunResult {
  coldMs: number;
  /** The same cold scan with the connections already open (a second session of the same process). */
  warmConnectionsMs: number;
  /** The same again with no added latency: what the client and emulator cost in CPU and transport. */
  noLatencyMs: number;
  /** CPU time of this (client) process during the no-latency scan. */
  noLatencyClientCpuMs: number;
  cachedMs: number;
  usages: number;
  requests: Array<{ routeId: string; method: string; path: string; query: Record<string, string>; status: number }>;
}

async function run(input: UsedByRunInput): Promise<UsedByRunResult> {
  const control = new EmulatorControlClient(input.url);
  const { pool, credential, cloud } = benchClientPool(input, { tenantId: USED_BY_TENANT, ...USED_BY_SP });
  const reader = new SdkFactoryReader(pool);
  const subscriptions: SubscriptionRef[] = Array.from({ length: USED_BY_SUBSCRIPTIONS }, (_, s) => ({
    subscriptionId: usedBySubscriptionId(s),
    tenantId: USED_BY_TENANT,
    name: `Bench ${s}`,
  }));
  // Signed in already, as the view is when "Used by" is expanded.
  await credential.getToken(`${cloud.resourceManagerEndpoint}/.default`);
  await control.addLatency({ ms: input.latencyMs, route: '/providers/Microsoft.DataFactory/' });
  const since = (await control.requests()).at(-1)?.seq ?? 0;

  const timed = async (action: () => Promise<unknown>): Promise<number> => {
    const started = process.hrtime.bigint();
    await action();
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const index = new UsageIndex(reader, async () => subscriptions);
  let usages = 0;
  const coldMs = await timed(async () => {
    usages = (await index.usedBy(USED_BY_SCORING_URI)).usages.length;
  });
  const requests = (await control.requests(since)).filter((r) => r.routeId.startsWith('adf.'));
  const cachedMs = await timed(() => index.usedBy('https://other.westeurope.inference.ml.azure.com/jobs'));
  index.refresh();
  const warmConnectionsMs = await timed(() => index.usedBy(USED_BY_SCORING_URI));
  await control.clearLatency();
  index.refresh();
  const cpu = process.cpuUsage();
  const noLatencyMs = await timed(() => index.usedBy(USED_BY_SCORING_URI));
  const used = process.cpuUsage(cpu);
  const noLatencyClientCpuMs = (used.user + used.system) / 1000;
  return {
    coldMs,
    warmConnectionsMs,
    noLatencyMs,
    noLatencyClientCpuMs,
    cachedMs,
    usages,
    requests: requests.map(({ routeId, method, path, query, status }) => ({ routeId, method, path, query, status })),
  };
}

if (require.main === module) {
  run(JSON.parse(process.argv[2]) as UsedByRunInput).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
