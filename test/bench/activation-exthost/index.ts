// Runs INSIDE the extension host (activation.bench.ts opens an empty folder in code-server, where nothing activates
// the extension, and starts this as the extension tests entry): times the extension's activation as VS Code does it
// (require of dist/extension.js and activate()) and lists the lazily loaded bundles it loaded.
// Figures go to test-results/bench/activation-<n>.json; the Node side prints them.
import { basename, join } from 'node:path';
import { BENCH_REPO_ROOT, ourExtension, RELAY_MARKER, runBenchEntry } from '../exthost-bench-entry';

export interface RealActivationResult {
  /** Whether something had activated the extension before this entry ran (the figure is then meaningless). */
  activeBefore: boolean;
  activationMs: number;
  /** dist/*.js files of the extension in require.cache after activation. */
  bundlesLoaded: string[];
}

export async function run(): Promise<void> {
  const file = join(
    BENCH_REPO_ROOT,
    'test-results',
    'bench',
    `activation-${process.env.ADF_BATCH_BENCH_RUN ?? '0'}.json`,
  );
  await runBenchEntry('activation', file, async (): Promise<RealActivationResult> => {
    const extension = ourExtension();
    const activeBefore = extension.isActive;
    const started = performance.now();
    await extension.activate();
    const activationMs = performance.now() - started;
    const dist = join(extension.extensionPath, 'dist');
    const bundlesLoaded = Object.keys(require.cache)
      .filter((path) => path.startsWith(dist))
      .map((path) => basename(path));
    console.log(`${RELAY_MARKER}activation in the extension host: ${activationMs.toFixed(1)} ms`);
    return { activeBefore, activationMs, bundlesLoaded };
  });
}
