// Runs INSIDE the extension host (test/bench/validate-all.bench.ts opens a generated repository of thousands of
// pipeline files and starts this as the extension tests entry): "Validate All Pipelines" three times (the first
// one cold), each timed, with the extension host's event-loop delay (perf_hooks.monitorEventLoopDelay) and its
// memory sampled meanwhile; first the same figures for the extension host at rest, for comparison.
// Figures go to test-results/bench/validate-all.json; the Node side prints them.
import { join } from 'node:path';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { BENCH_REPO_ROOT, ourExtension, RELAY_MARKER, runBenchEntry } from '../exthost-bench-entry';
import { type CpuProfile, type LongTaskReport, longTasks } from '../long-tasks';

export const VALIDATE_ALL_BENCH_RESULT = join(BENCH_REPO_ROOT, 'test-results', 'bench', 'validate-all.json');
const RUNS = 3;
const REST_MS = 3000;
const MiB = 1024 * 1024;

export interface ValidateAllFigures {
  label: string;
  wallMs: number;
  files?: number;
  errors?: number;
  cancelled?: boolean;
  /** Longest event-loop delay seen (ms): how long the extension host could not answer anything. */
  maxStallMs: number;
  p99StallMs: number;
  peakRssMiB: number;
  peakHeapMiB: number;
  startRssMiB: number;
}

export interface ValidateAllBenchResult {
  runs: ValidateAllFigures[];
  /** One more run under the CPU profiler: whose code ran in each stall. */
  profiled: LongTaskReport;
}

interface Summary {
  files: number;
  errors: number;
  cancelled: boolean;
}

export async function run(): Promise<void> {
  await runBenchEntry('Validate All', VALIDATE_ALL_BENCH_RESULT, async (): Promise<ValidateAllBenchResult> => {
    const extension = ourExtension();
    await extension.activate();
    const ourBundles = join(extension.extensionPath, 'dist');
    console.log(`${RELAY_MARKER}Validate All bench: extension active`);
    const runs: ValidateAllFigures[] = [];
    runs.push(await measure('extension host at rest', () => new Promise((r) => setTimeout(r, REST_MS))));
    for (let i = 0; i < RUNS; i++) {
      runs.push(
        await measure(`Validate All Pipelines, run ${i + 1}${i === 0 ? ' (cold)' : ''}`, () =>
          vscode.commands.executeCommand<Summary>('adfBatchEndpoints.validateAllPipelines'),
        ),
      );
    }
    const profile = await profiled(() => vscode.commands.executeCommand('adfBatchEndpoints.validateAllPipelines'));
    return { runs, profiled: longTasks(profile, (url) => url.includes(ourBundles)) };
  });
}

/** A CPU profile of the extension host's thread (1 ms samples) while `action` runs. */
async function profiled(action: () => PromiseLike<unknown>): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  const post = (method: string, params: object = {}): Promise<unknown> =>
    new Promise((resolvePost, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolvePost(result))),
    );
  try {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 1000 });
    await post('Profiler.start');
    await action();
    return ((await post('Profiler.stop')) as { profile: CpuProfile }).profile;
  } finally {
    session.disconnect();
  }
}

async function measure(
  label: string,
  action: () => PromiseLike<Summary | undefined | void>,
): Promise<ValidateAllFigures> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 25);
  delay.enable();
  const started = performance.now();
  const summary = (await action()) ?? undefined;
  const wallMs = performance.now() - started;
  delay.disable();
  clearInterval(sampler);
  console.log(
    `${RELAY_MARKER}${label}: ${(wallMs / 1000).toFixed(1)} s, longest stall ${(delay.max / 1e6).toFixed(0)} ms`,
  );
  return {
    label,
    wallMs,
    files: summary?.files,
    errors: summary?.errors,
    cancelled: summary?.cancelled,
    maxStallMs: delay.max / 1e6,
    p99StallMs: delay.percentile(99) / 1e6,
    peakRssMiB: peakRss / MiB,
    peakHeapMiB: peakHeap / MiB,
    startRssMiB: start.rss / MiB,
  };
}
