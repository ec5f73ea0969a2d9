// The timed part of the sidebar's scale bench (200 subscriptions x 50 workspaces x 30 endpoints), run in a child
// process trusting the emulator through NODE_EXTRA_CA_CERTS like the extension host: the subscription list as the
// session reads it (listAllSubscriptions over the official SubscriptionClient) through the SubscriptionListing the
// tree root uses (its first paint, then the whole list), then the tree's ResourceLoader expanding every subscription
// and every workspace, with the heap it holds afterwards. Prints one JSON line.
import { type SubscriptionRef, listAllSubscriptions, ResourceLoader, SubscriptionListing } from '../../src/core/azure';
import { SdkResourceReader } from '../../src/azure/sdk/resource-reader';
import { EmulatorControlClient } from '../../tools/emulator/control-client';
import { benchClientPool } from './bench-client-pool';
import { BENCH_CLIENT_ID, BENCH_SECRET, BENCH_TENANT } from './bench-seed';
import type { BenchEmulatorInfo } from './emulator-process';

export interface ScaleBenchInput extends BenchEmulatorInfo {
  latencyMs: number;
  pageSize: number;
  concurrency: number;
}

export interface ScaleBenchRow {
  scenario: string;
  ms: number;
  /** Round trips on the critical path x latency; undefined where the latency was lifted. */
  floorMs?: number;
  requests: number;
  detail?: string;
}

export interface ScaleBenchResult {
  rows: ScaleBenchRow[];
  /** What the root's first paint showed: the first page (not complete) unless the tree waited for every page. */
  firstPaint: { subscriptions: number; complete: boolean };
  subscriptions: number;
  workspaces: number;
  endpoints: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  rssAfterMb: number;
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

function settledHeap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

async function run(input: ScaleBenchInput): Promise<ScaleBenchResult> {
  const control = new EmulatorControlClient(input.url);
  await control.addLatency({ ms: input.latencyMs });
  const { pool } = benchClientPool(input, { tenantId: BENCH_TENANT, clientId: BENCH_CLIENT_ID, secret: BENCH_SECRET });
  const reader = new SdkResourceReader(pool);
  const rows: ScaleBenchRow[] = [];
  let since = (await control.requests()).at(-1)?.seq ?? 0;
  const measure = async <T>(
    scenario: string,
    floorRoundTrips: number | undefined,
    action: () => Promise<T>,
    detail?: (result: T) => string,
    started = process.hrtime.bigint(),
  ): Promise<T> => {
    const result = await action();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const requests = await control.requests(since);
    since = requests.at(-1)?.seq ?? since;
    rows.push({
      scenario,
      ms,
      floorMs: floorRoundTrips === undefined ? undefined : floorRoundTrips * input.latencyMs,
      requests: requests.length,
      detail: detail?.(result),
    });
    return result;
  };

  const heapBefore = settledHeap();
  const listSubscriptions = (onPage?: (page: readonly SubscriptionRef[]) => void): Promise<SubscriptionRef[]> =>
    listAllSubscriptions(pool.subscriptions(BENCH_TENANT), BENCH_TENANT, onPage);
  // ARM pages the subscription list at 50 (nextLink), so 200 subscriptions are 4 sequential round trips.
  const pages = (n: number): number => Math.ceil(n / input.pageSize);
  const cold = await measure('subscription list, cold (discovery + token + all pages)', undefined, () =>
    listSubscriptions(),
  );
  rows.at(-1)!.floorMs = (2 + pages(cold.length)) * input.latencyMs;
  // The tree root's listing (token cached): it paints the first page, then re-renders with the whole list.
  const listingStarted = process.hrtime.bigint();
  const listing = new SubscriptionListing((onPage) => listSubscriptions(onPage));
  const firstPaint = await measure(
    'subscription list: first paint (the tree root, first page)',
    1,
    () => listing.firstPage(),
    (soFar) =>
      `${soFar.subscriptions.length} subscriptions${soFar.complete ? '' : ' + "Loading more subscriptions..."'}`,
    listingStarted,
  );
  const subscriptions = await measure(
    'subscription list: whole list (the root re-rendered)',
    pages(cold.length),
    () => listing.all(),
    (s) => `${s.length} subscriptions in ${pages(s.length)} pages (requests: those after the first paint)`,
    listingStarted,
  );
  const loader = new ResourceLoader({ reader, pageSize: input.pageSize, concurrency: input.concurrency });
  const workspaces = await measure(
    'expand one subscription (50 workspaces)',
    1,
    async () => (await loader.workspaces(subscriptions[0]).ensureLoaded()).items,
  );
  await measure('expand one workspace (30 endpoints)', 1, async () =>
    loader.batchEndpoints(workspaces[0]).ensureLoaded(),
  );

  // Expanding everything: latency lifted, so the figure is the client's own cost, not 10,000 x 100 ms / 4.
  await control.clearLatency();
  const allWorkspaces = await measure(
    `expand all ${subscriptions.length} subscriptions, concurrency ${input.concurrency}`,
    undefined,
    async () => (await loader.refreshSubscriptions(subscriptions)).flatMap((snapshot) => snapshot.items),
    (w) => `${w.length} workspaces`,
  );
  // In batches of 1,000 workspaces, because the emulator's request log keeps the last 5,000 requests only.
  const started = process.hrtime.bigint();
  let endpointCount = 0;
  let requestCount = 0;
  for (let i = 0; i < allWorkspaces.length; i += 1_000) {
    const batch = allWorkspaces.slice(i, i + 1_000);
    const lists = await Promise.all(batch.map((w) => loader.batchEndpoints(w).ensureLoaded()));
    endpointCount += lists.reduce((n, list) => n + list.items.length, 0);
    const requests = await control.requests(since);
    since = requests.at(-1)?.seq ?? since;
    requestCount += requests.length;
  }
  rows.push({
    scenario: `expand all ${allWorkspaces.length} workspaces, concurrency ${input.concurrency}`,
    ms: Number(process.hrtime.bigint() - started) / 1e6,
    requests: requestCount,
    detail: `${endpointCount} endpoints`,
  });
  const heapAfter = settledHeap();
  return {
    rows,
    firstPaint: { subscriptions: firstPaint.subscriptions.length, complete: firstPaint.complete },
    subscriptions: subscriptions.length,
    workspaces: allWorkspaces.length,
    endpoints: endpointCount,
    heapBeforeMb: mb(heapBefore),
    heapAfterMb: mb(heapAfter),
    rssAfterMb: mb(process.memoryUsage().rss),
  };
}

if (require.main === module) {
  const input = JSON.parse(process.argv[2]) as ScaleBenchInput;
  run(input).then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
