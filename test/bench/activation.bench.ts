// Activation bench (`npm run bench`, `npm run bench:activation`): builds the production bundles (esbuild.mjs
// --production, into .cache/bench-production/dist), prints their sizes, then times require + activate() of
// dist/extension.js in fresh processes (the activation probe, Node with a stand-in vscode) and the first load of
// each lazily loaded bundle. Figures only; returns false when activation loads a lazy bundle or the Azure SDK.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { LAZY_BUNDLES, type ActivationResult } from './activation-probe';

const repoRoot = resolve(__dirname, '..', '..', '..');
const productionRoot = join(repoRoot, '.cache', 'bench-production');
const RUNS = 9;

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
  return loaded.length === 0;
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
