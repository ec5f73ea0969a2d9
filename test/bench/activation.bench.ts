// Activation bench (`npm run bench`, `npm run bench:activation`): builds the production bundles (esbuild.mjs
// --production, into .cache/bench-production/dist), prints their sizes, then times require + activate() of
// dist/extension.js in fresh processes (the activation probe, Node with a stand-in vscode) and the first load of
// each lazily loaded bundle. Figures only; returns false when activation loads a lazy bundle or the Azure SDK.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { runExtensionHostSuites } from '../harness/exthost-runner';
import { LAZY_BUNDLES, type ActivationResult } from './activation-probe';
import type { RealActivationResult } from './activation-exthost';

const repoRoot = resolve(__dirname, '..', '..', '..');
const productionRoot = join(repoRoot, '.cache', 'bench-production');
const RUNS = 9;
/** Each run in code-server starts a workbench: a few are enough. */
const REAL_HOST_RUNS = 3;

export async function runActivationBench(): Promise<boolean> {
  console.log(`\n== activation: production bundles, ${RUNS} fresh processes; ${machineLoad()} ==`);
  const build = spawnSync(
    process.execPath,
    ['esbuild.mjs', '--production', `--outdir=${join(productionRoot, 'dist')}`],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (build.status !== 0) {
    console.log(`production build failed: ${build.stderr || build.stdout}`);
    return false;
  }
  reportSizes();
  const runs: ActivationResult[] = [];
  for (let i = 0; i < RUNS; i++) {
    const child = spawnSync(process.execPath, [join(__dirname, 'activation-probe.js'), productionRoot], {
      encoding: 'utf8',
    });
    try {
      runs.push(JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as ActivationResult);
    } catch {
      console.log(`activation probe failed: ${child.stderr || child.stdout}`);
      return false;
    }
  }
  const activation = runs.map((r) => r.activationMs);
  console.log(
    `activation (require + activate of dist/extension.js): median ${median(activation)} ms, p90 ${percentile(activation, 0.9)} ms, min ${Math.min(...activation).toFixed(1)} ms`,
  );
  for (const bundle of LAZY_BUNDLES)
    console.log(
      `  first use then loads dist/${bundle}.js: ${median(runs.map((r) => r.lazyLoadMs[bundle]))} ms (median)`,
    );
  const loaded = [...new Set(runs.flatMap((r) => r.azureModulesLoaded))];
  console.log(
    `lazy bundles or Azure SDK modules loaded by activation: ${loaded.length === 0 ? 'none' : loaded.join(', ')}`,
  );
  return (await measureInRealExtensionHost()) && loaded.length === 0;
}

/**
 * Activation of the production build in code-server's extension host, each run in a fresh workbench on an empty
 * folder (nothing there activates the extension before the bench entry does).
 */
async function measureInRealExtensionHost(): Promise<boolean> {
  // The production bundles beside the manifest and the files it names, as an installed extension has them.
  for (const entry of ['package.nls.json', 'l10n', 'media']) {
    const link = join(productionRoot, entry);
    if (!existsSync(link)) symlinkSync(join(repoRoot, entry), link);
  }
  // The extension must still be inactive when the entry activates it, but in code-server something fires
  // onLanguage:json at startup even in an empty folder (with that event left out, the extension stayed inactive; with
  // it, every run found it active). The copy's manifest leaves that event out: activate() does not depend on it.
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { activationEvents: string[] };
  manifest.activationEvents = manifest.activationEvents.filter((event) => event !== 'onLanguage:json');
  rmSync(join(productionRoot, 'package.json'), { force: true });
  writeFileSync(join(productionRoot, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const folder = join(repoRoot, '.cache', 'bench-empty-folder');
  mkdirSync(folder, { recursive: true });
  const results: RealActivationResult[] = [];
  for (let i = 0; i < REAL_HOST_RUNS; i++) {
    const file = join(repoRoot, 'test-results', 'bench', `activation-${i}.json`);
    rmSync(file, { force: true });
    await runExtensionHostSuites({
      folder,
      extensionPath: productionRoot,
      label: 'bench-activation',
      testsPath: join(__dirname, 'activation-exthost', 'index.js'),
      env: { ADF_BATCH_BENCH_RUN: String(i) },
      output: () => undefined,
    });
    if (!existsSync(file)) {
      console.log(`activation in code-server's extension host, run ${i + 1}: no figures`);
      return false;
    }
    results.push(JSON.parse(readFileSync(file, 'utf8')) as RealActivationResult);
  }
  const times = results.map((r) => r.activationMs);
  console.log(
    `activation in code-server's extension host (extension.activate(), ${REAL_HOST_RUNS} fresh workbenches): median ${median(times)} ms, min ${Math.min(...times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms; already active before: ${results.some((r) => r.activeBefore) ? 'YES (figures void)' : 'never'}`,
  );
  const bundles = [...new Set(results.flatMap((r) => r.bundlesLoaded))].sort();
  console.log(`  bundles of the extension loaded by then: ${bundles.join(', ')}`);
  return results.every((r) => !r.activeBefore) && bundles.join() === 'extension.js';
}

function reportSizes(): void {
  const dist = join(productionRoot, 'dist');
  for (const file of readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    const role =
      file === 'extension.js' ? 'loaded at activation' : file === 'cli.js' ? 'the CLI' : 'loaded at first use';
    console.log(`bundle dist/${file} (${role}): ${(statSync(join(dist, file)).size / 1024).toFixed(1)} KiB`);
  }
}

function median(values: number[]): string {
  return percentile(values, 0.5);
}

function percentile(values: number[], p: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(1);
}

/** The load figures the issue asks each bench to print beside its numbers. */
export function machineLoad(): string {
  const [one, five] = loadavg();
  return `machine: ${cpus().length} cores, load average ${one.toFixed(2)} (1 min) ${five.toFixed(2)} (5 min)`;
}

if (require.main === module) {
  void runActivationBench().then((ok) => {
    process.exitCode = ok ? 0 : 1;
  });
}
