// Editor bench (`npm run bench`): keystroke-to-diagnostics latency on a 120-activity pipeline, measured inside
// code-server's extension host (test/bench/editor-exthost/index.ts runs there as the extension tests entry).
// Prints the median and p95 of the latency, of VS Code's own JSON language service reporting its schema error on
// the same keystrokes (the anchor users already have), of our part inside the extension host (after the change
// event) and of the validator alone; and the machine's load, which these figures depend on.
// Figures only.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { runExtensionHostSuites } from '../harness/exthost-runner';
import type { EditorBenchResult } from './editor-exthost';

const repoRoot = resolve(__dirname, '..', '..', '..');
const resultFile = join(repoRoot, 'test-results', 'bench', 'editor.json');

export async function runEditorBench(): Promise<boolean> {
  console.log('\n== editor: keystroke-to-diagnostics latency in the extension host (code-server) ==');
  console.log(
    `machine: ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  rmSync(resultFile, { force: true });
  rmSync(resultFile.replace(/\.json$/, '.error.txt'), { force: true });
  const run = await runExtensionHostSuites({
    testsPath: join(repoRoot, 'out', 'test', 'bench', 'editor-exthost', 'index.js'),
    output: (line) => {
      if (line.trim()) console.log(`  [exthost] ${line}`);
    },
  });
  if (run.failed || !existsSync(resultFile)) {
    const errorFile = resultFile.replace(/\.json$/, '.error.txt');
    const why = existsSync(errorFile) ? `: ${readFileSync(errorFile, 'utf8')}` : '';
    console.log(`editor bench did not produce figures (exit code ${run.exitCode})${why}`);
    return false;
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as EditorBenchResult;
  const kb = (result.bytes / 1024).toFixed(0);
  console.log(
    `pipeline: ${result.activities} activities, ${kb} KiB; ${result.samples} keystrokes, each an edit that makes a dependency's upstream name a number, or back`,
  );
  console.log(
    `keystroke -> diagnostics: median ${median(result.latencyMs).toFixed(1)} ms, p95 ${percentile(result.latencyMs, 95).toFixed(1)} ms (a keystroke after a quiet window validates at once; inside a burst it waits for a pause of 2x the last validation, ${result.debounceMs.min}-${result.debounceMs.max} ms)`,
  );
  console.log(
    `  the first ${result.warmupLatencyMs.length} keystrokes after opening (V8 still optimising the validator; not in the figures above): median ${median(result.warmupLatencyMs).toFixed(1)} ms, max ${Math.max(...result.warmupLatencyMs).toFixed(1)} ms`,
  );
  console.log(
    result.jsonSilent
      ? `VS Code's JSON language service, same keystrokes: no figures: ${result.jsonSilent}`
      : `VS Code's JSON language service, same keystrokes (schema error from our contributed schema): median ${median(result.jsonLatencyMs).toFixed(1)} ms, p95 ${percentile(result.jsonLatencyMs, 95).toFixed(1)} ms`,
  );
  console.log(
    `  of which change event in the extension host -> diagnostics: median ${median(result.changeToDiagnosticsMs).toFixed(1)} ms, p95 ${percentile(result.changeToDiagnosticsMs, 95).toFixed(1)} ms (the rest is the edit's round trip through the workbench)`,
  );
  console.log(
    'published = when getDiagnostics shows it (polled each ms), as the workbench gets it; onDidChangeDiagnostics comes 50 ms later',
  );
  console.log(
    `validator alone on that text: median ${median(result.validateMs).toFixed(2)} ms, p95 ${percentile(result.validateMs, 95).toFixed(2)} ms`,
  );
  return true;
}

function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

if (require.main === module) {
  void runEditorBench().then((ok) => {
    process.exitCode = ok ? 0 : 1;
  });
}
