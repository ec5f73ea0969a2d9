// Runs INSIDE the extension host (activation.bench.ts opens an empty folder in code-server, where nothing activates
// the extension, and starts this as the extension tests entry): times the extension's activation as VS Code does it
// (require of dist/extension.js and activate()) and lists the lazily loaded bundles it loaded.
// Figures go to test-results/bench/activation-<n>.json; the Node side prints them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import * as vscode from 'vscode';

/** Must match resultMarker and relayMarker in test/harness/exthost-runner.ts. */
const resultMarker = '@@exthost-result ';
const relayMarker = '@@mocha ';
const repoRoot = resolve(__dirname, '..', '..', '..', '..');

export interface RealActivationResult {
  /** Whether something had activated the extension before this entry ran (the figure is then meaningless). */
  activeBefore: boolean;
  activationMs: number;
  /** dist/*.js files of the extension in require.cache after activation. */
  bundlesLoaded: string[];
}

export async function run(): Promise<void> {
  let failed = 0;
  const out = join(repoRoot, 'test-results', 'bench');
  mkdirSync(out, { recursive: true });
  const file = join(out, `activation-${process.env.ADF_BATCH_BENCH_RUN ?? '0'}.json`);
  try {
    const extension = vscode.extensions.all.find((e) => e.id === 'adf-batch-endpoints.adf-batch-endpoints');
    if (!extension) throw new Error('the extension is not installed');
    const activeBefore = extension.isActive;
    const started = performance.now();
    await extension.activate();
    const activationMs = performance.now() - started;
    const dist = join(extension.extensionPath, 'dist');
    const bundlesLoaded = Object.keys(require.cache)
      .filter((path) => path.startsWith(dist))
      .map((path) => basename(path));
    const result: RealActivationResult = { activeBefore, activationMs, bundlesLoaded };
    writeFileSync(file, `${JSON.stringify(result)}\n`);
    console.log(`${relayMarker}activation in the extension host: ${activationMs.toFixed(1)} ms`);
  } catch (error) {
    failed = 1;
    writeFileSync(
      file.replace(/\.json$/, '.error.txt'),
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
  }
  console.log(`${resultMarker}${JSON.stringify({ passed: 1 - failed, failed, skipped: 0 })}`);
  if (failed) throw new Error('activation bench failed');
}
