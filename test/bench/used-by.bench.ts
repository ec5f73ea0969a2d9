// "Used by" under a batch endpoint (`npm run bench:used-by`): time to scan 5 subscriptions holding 20 factories
// (page size 2, so each subscription's factory list and each factory's pipeline list take 2 pages) with 100 ms of
// emulator latency on every Data Factory request. The floor is the critical path: 2 factory pages of a
// subscription, then 2 pipeline pages of a factory = 4 round trips; the issue's goal is within 2 round trips of it.
// Figures are printed, never asserted; it returns false only when the scan found the wrong pipelines or read a
// page twice.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBenchClient, startBenchEmulator } from './bench-processes';
import type { UsedByRunInput, UsedByRunResult } from './used-by-run';
import { USED_BY_FACTORIES_PER_SUBSCRIPTION, USED_BY_SUBSCRIPTIONS, usedBySeed } from './used-by-seed';

const LATENCY_MS = 100;
const PAGE_SIZE = 2;
const FLOOR_ROUND_TRIPS = 4;

export async function runUsedByBench(): Promise<boolean> {
  const factories = USED_BY_SUBSCRIPTIONS * USED_BY_FACTORIES_PER_SUBSCRIPTION;
  console.log(
    `\n== used-by: ${USED_BY_SUBSCRIPTIONS} subscriptions, ${factories} factories, ${LATENCY_MS} ms latency per Data Factory request, page size ${PAGE_SIZE} ==`,
  );
  const folder = mkdtempSync(join(tmpdir(), 'used-by-bench-'));
  const seedFile = join(folder, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(usedBySeed()));
  const emulator = await startBenchEmulator(['--seed-file', seedFile, String(PAGE_SIZE)]);
  try {
    const input: UsedByRunInput = { ...emulator.info, latencyMs: LATENCY_MS };
    const result = runBenchClient<UsedByRunResult>('used-by-run', input, emulator.info.caCertPath);
    const floor = FLOOR_ROUND_TRIPS * LATENCY_MS;
    const keys = result.requests.map((r) => `${r.method} ${r.path}?${new URLSearchParams(r.query).toString()}`);
    const repeated = keys.length - new Set(keys).size;
    const row = (label: string, ms: number): void =>
      console.log(
        `  ${label.padEnd(48)}${ms.toFixed(0).padStart(6)} ms  (${(ms / LATENCY_MS).toFixed(1)} round trips; floor ${FLOOR_ROUND_TRIPS}, goal <= ${FLOOR_ROUND_TRIPS + 2})`,
      );
    row('cold expand (new connections)', result.coldMs);
    row('expand after Refresh (connections open)', result.warmConnectionsMs);
    console.log(
      `  ${'the same without added latency (CPU, transport)'.padEnd(48)}${result.noLatencyMs.toFixed(0).padStart(6)} ms  (client CPU ${result.noLatencyClientCpuMs.toFixed(0)} ms; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`,
    );
    // On a loaded machine the CPU share swamps the figures; the difference is what the latency itself cost.
    console.log(
      `  latency on the critical path: ${((result.warmConnectionsMs - result.noLatencyMs) / LATENCY_MS).toFixed(1)} round trips (expand after Refresh minus no latency; floor ${FLOOR_ROUND_TRIPS})`,
    );
    console.log(`  ${'another endpoint (the cached scan)'.padEnd(48)}${result.cachedMs.toFixed(1).padStart(6)} ms`);
    console.log(
      `  requests: ${result.requests.length} (${result.requests.filter((r) => r.routeId === 'adf.factories.list').length} factory pages, ${result.requests.filter((r) => r.routeId === 'adf.pipelines.listByFactory').length} pipeline pages); the same page twice: ${repeated === 0 ? 'never' : `${repeated} times`}; floor ${floor} ms`,
    );
    const ok = result.usages === factories && repeated === 0;
    if (result.usages !== factories) console.log(`  BROKEN: found ${result.usages} pipelines, expected ${factories}`);
    return ok;
  } finally {
    emulator.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runUsedByBench().then(
    (ok) => {
      process.exitCode = ok ? 0 : 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
