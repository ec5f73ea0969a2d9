// Validate All bench (`npm run bench`, `npm run bench:validate-all`): generates a factory repository of 5,000
// pipeline files (3 to 96 activities each, one in seven with an unknown dependency) and 500 datasets, opens it in
// code-server and runs "Validate All Pipelines" inside the extension host (validate-all-exthost/index.ts): wall
// time, the extension host's peak memory and its longest event-loop stall. Figures only, never asserted.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runExtensionHostSuites } from '../harness/exthost-runner';
import { machineLoad } from './activation.bench';
import { benchPipelineText } from './editor-pipeline';
import type { ValidateAllBenchResult } from './validate-all-exthost';

const repoRoot = resolve(__dirname, '..', '..', '..');
const resultFile = join(repoRoot, 'test-results', 'bench', 'validate-all.json');
const PIPELINES = 5000;
const DATASETS = 500;
const ACTIVITY_COUNTS = [3, 6, 12, 24, 48, 96];

export async function runValidateAllBench(): Promise<boolean> {
  const folder = join(repoRoot, '.cache', `bench-factory-${PIPELINES}`);
  const bytes = generateFactory(folder);
  console.log(
    `\n== Validate All: ${PIPELINES} pipeline files and ${DATASETS} datasets (${(bytes / 1024 / 1024).toFixed(0)} MiB) in code-server's extension host; ${machineLoad()} ==`,
  );
  rmSync(resultFile, { force: true });
  const errorFile = resultFile.replace(/\.json$/, '.error.txt');
  rmSync(errorFile, { force: true });
  const run = await runExtensionHostSuites({
    folder,
    label: 'bench-validate-all',
    testsPath: join(repoRoot, 'out', 'test', 'bench', 'validate-all-exthost', 'index.js'),
    output: (line) => {
      if (line.trim()) console.log(`  [exthost] ${line}`);
    },
  });
  if (run.failed || !existsSync(resultFile)) {
    const why = existsSync(errorFile) ? `: ${readFileSync(errorFile, 'utf8')}` : '';
    console.log(`Validate All bench did not produce figures (exit code ${run.exitCode})${why}`);
    return false;
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as ValidateAllBenchResult;
  const pad = (text: string, width: number): string => text.padEnd(width);
  console.log(
    `${pad('', 40)}${pad('wall s', 9)}${pad('files', 7)}${pad('errors', 8)}${pad('longest stall ms', 18)}${pad('p99 stall ms', 14)}peak RSS MiB (start), peak heap MiB`,
  );
  for (const r of result.runs) {
    console.log(
      `${pad(r.label, 40)}${pad((r.wallMs / 1000).toFixed(1), 9)}${pad(`${r.files ?? '-'}${r.cancelled ? ' (cancelled)' : ''}`, 7)}${pad(String(r.errors ?? '-'), 8)}${pad(r.maxStallMs.toFixed(0), 18)}${pad(r.p99StallMs.toFixed(0), 14)}${r.peakRssMiB.toFixed(0)} (${r.startRssMiB.toFixed(0)}), ${r.peakHeapMiB.toFixed(0)}`,
    );
  }
  const { stretches, longestOursMs } = result.profiled;
  console.log(
    `one more run under the CPU profiler (1 ms samples): our code's longest uninterrupted stretch ${longestOursMs.toFixed(0)} ms; busy stretches over 50 ms: ${stretches.length}`,
  );
  for (const s of stretches.slice(0, 8)) {
    console.log(
      `  ${s.ms.toFixed(0)} ms: ours ${s.oursMs.toFixed(0)}, garbage collection ${s.gcMs.toFixed(0)}, other ${s.otherMs.toFixed(0)} (VS Code's own work; mostly ${s.topOther})`,
    );
  }
  return result.runs.slice(1).every((r) => r.files === PIPELINES && r.cancelled === false);
}

/** Writes the repository once (a marker file names its shape); returns its size in bytes. */
function generateFactory(folder: string): number {
  const marker = join(folder, '.bench-shape');
  const shape = JSON.stringify({ PIPELINES, DATASETS, ACTIVITY_COUNTS });
  if (existsSync(marker) && readFileSync(marker, 'utf8').startsWith(shape))
    return Number(readFileSync(marker, 'utf8').slice(shape.length + 1));
  rmSync(folder, { recursive: true, force: true });
  for (const sub of ['pipeline', 'dataset', 'linkedService', 'factory'])
    mkdirSync(join(folder, sub), { recursive: true });
  let bytes = 0;
  const write = (path: string, text: string): void => {
    writeFileSync(join(folder, path), text);
    bytes += Buffer.byteLength(text);
  };
  write('factory/bench-factory.json', '{"name": "bench-factory", "location": "westeurope"}\n');
  write(
    'linkedService/Storage.json',
    '{"name": "Storage", "properties": {"type": "AzureBlobStorage", "typeProperties": {}}}\n',
  );
  for (let i = 1; i <= PIPELINES; i++) {
    const name = `Pipeline-${String(i).padStart(4, '0')}`;
    let text = benchPipelineText(ACTIVITY_COUNTS[i % ACTIVITY_COUNTS.length], name);
    if (i % 7 === 0) text = text.replace('"activity": "Wait 1"', '"activity": "Wait 0"');
    write(`pipeline/${name}.json`, text);
  }
  for (let i = 1; i <= DATASETS; i++) {
    const name = `Dataset_${i}`;
    write(
      `dataset/${name}.json`,
      `${JSON.stringify({ name, properties: { type: 'Json', linkedServiceName: { referenceName: 'Storage', type: 'LinkedServiceReference' }, typeProperties: { location: { type: 'AzureBlobStorageLocation', container: 'data', fileName: `${name}.json` } } } }, null, 2)}\n`,
    );
  }
  writeFileSync(marker, `${shape}\n${bytes}`);
  return bytes;
}

if (require.main === module) {
  void runValidateAllBench().then((ok) => {
    process.exitCode = ok ? 0 : 1;
  });
}
