// The timed part of the sidebar bench, run in a child process started with NODE_EXTRA_CA_CERTS (the way
// the extension host trusts the emulator): drives the tree's ResourceLoader (src/core/azure) through the
// official SDK clients and prints one JSON line of rows for sidebar.bench.ts.
import { type BatchEndpointInfo, type SubscriptionRef, type WorkspaceInfo, ResourceLoader } from '../../src/core/azure';
import { benchClientPool } from './bench-client-pool';
import { SdkResourceReader } from '../../src/azure/sdk/resource-reader';
import { EmulatorControlClient, type RequestLogEntry } from '../../tools/emulator/control-client';
import { BENCH_CLIENT_ID, BENCH_SECRET, BENCH_TENANT, benchSubscriptionId } from './bench-seed';
import type { BenchEmulatorInfo } from './emulator-process';

export interface TreeBenchInput extends BenchEmulatorInfo {
  latencyMs: number;
  subscriptions: number;
  pageSize: number;
  longEndpoints: number;
}

export interface TreeBenchRow {
  scenario: string;
  ms: number;
  floorMs: number;
  requests: RequestLogEntry[];
}

async function run(input: TreeBenchInput): Promise<TreeBenchRow[]> {
  const control = new EmulatorControlClient(input.url);
  await control.addLatency({ ms: input.latencyMs });
  const { pool } = benchClientPool(input, { tenantId: BENCH_TENANT, clientId: BENCH_CLIENT_ID, secret: BENCH_SECRET });
  const reader = new SdkResourceReader(pool);
  const subscriptions: SubscriptionRef[] = Array.from({ length: input.subscriptions }, (_, i) => ({
    subscriptionId: benchSubscriptionId(i + 1),
    tenantId: BENCH_TENANT,
    name: `Bench ${i + 1}`,
  }));
  const loader = new ResourceLoader({ reader, pageSize: input.pageSize, concurrency: 4 });
  const rows: TreeBenchRow[] = [];
  let since = 0;
  const measure = async (scenario: string, floorRoundTrips: number, action: () => Promise<unknown>): Promise<void> => {
    const started = process.hrtime.bigint();
    await action();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const requests = await control.requests(since);
    since = requests.at(-1)?.seq ?? since;
    rows.push({ scenario, ms, floorMs: floorRoundTrips * input.latencyMs, requests });
  };

  const [first, second] = subscriptions;
  let workspace: WorkspaceInfo | undefined;
  let endpoint: BatchEndpointInfo | undefined;
  await measure('expand subscription, cold (discovery + token + list)', 3, () =>
    loader.workspaces(first).ensureLoaded(),
  );
  await measure('expand subscription (token cached)', 1, async () => {
    workspace = (await loader.workspaces(second).ensureLoaded()).items[0];
  });
  await measure('expand the same subscription again', 0, () => loader.workspaces(second).ensureLoaded());
  await measure('expand workspace (3 endpoints)', 1, async () => {
    endpoint = (await loader.batchEndpoints(workspace!).ensureLoaded()).items[0];
  });
  await measure('expand endpoint (2 deployments)', 1, () => loader.batchDeployments(endpoint!).ensureLoaded());
  // ws-1 of the first subscription holds the long list.
  const long = (await loader.workspaces(first).ensureLoaded()).items.find((w) => w.name === 'ws-1')!;
  await measure(`expand workspace with ${input.longEndpoints} endpoints (first ${input.pageSize})`, 1, () =>
    loader.batchEndpoints(long).ensureLoaded(),
  );
  await measure('Load more... (next page)', 1, () => loader.batchEndpoints(long).loadMore());
  await measure('Load more... (last page)', 1, () => loader.batchEndpoints(long).loadMore());
  const n = input.subscriptions;
  await measure(`refresh ${n} subscriptions, concurrency 4 (cold connections)`, Math.ceil(n / 4), () =>
    loader.refreshSubscriptions(subscriptions),
  );
  await measure(`refresh ${n} subscriptions, concurrency 4`, Math.ceil(n / 4), () =>
    loader.refreshSubscriptions(subscriptions),
  );
  const wide = new ResourceLoader({ reader, pageSize: input.pageSize, concurrency: n });
  await measure(`refresh ${n} subscriptions, concurrency ${n} (cold connections)`, 1, () =>
    wide.refreshSubscriptions(subscriptions),
  );
  await measure(`refresh ${n} subscriptions, concurrency ${n}`, 1, () => wide.refreshSubscriptions(subscriptions));
  await control.addFault({
    kind: 'status',
    status: 429,
    retryAfterSeconds: 1,
    route: 'ml.batchDeployments.list',
    count: 1,
  });
  loader.invalidate(endpoint!);
  await measure('expand endpoint, throttled once (429, Retry-After 1 s)', 2 + 1000 / input.latencyMs, () =>
    loader.batchDeployments(endpoint!).ensureLoaded(),
  );
  return rows;
}

if (require.main === module) {
  const input = JSON.parse(process.argv[2]) as TreeBenchInput;
  run(input).then(
    (rows) => {
      process.stdout.write(`${JSON.stringify(rows)}\n`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
