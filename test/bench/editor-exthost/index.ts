// Runs INSIDE the extension host (test/bench/editor.bench.ts starts it through the harness, as an
// extensionTestsPath): keystroke-to-diagnostics latency on a 120-activity pipeline. Each sample types one
// character into the name of an activity that the next one depends on, which makes an ADF301 appear (or
// disappear on the next keystroke), and times the edit until our diagnostics for that text are published.
// Figures go to test-results/bench/editor.json; the Node side prints them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { TYPING_DEBOUNCE_MS } from '../../../src/core/editor-support';
import { validate } from '../../../src/core/validator';
import { BENCH_ACTIVITIES, benchPipelineText } from '../editor-pipeline';

/** Must match resultMarker in test/harness/exthost-runner.ts. */
const resultMarker = '@@exthost-result ';
const repoRoot = resolve(__dirname, '..', '..', '..', '..');
export const EDITOR_BENCH_RESULT = join(repoRoot, 'test-results', 'bench', 'editor.json');
const SAMPLES = 40;
const WARMUP = 4;

export interface EditorBenchResult {
  activities: number;
  bytes: number;
  samples: number;
  latencyMs: number[];
  /** From the change event in the extension host to the published diagnostics: debounce + our work. */
  changeToDiagnosticsMs: number[];
  validateMs: number[];
  debounceMs: { min: number; max: number };
}

export async function run(): Promise<void> {
  let failed = 0;
  const folder = mkdtempSync(join(tmpdir(), 'adf-editor-bench-'));
  try {
    mkdirSync(join(folder, 'factory'));
    mkdirSync(join(folder, 'pipeline'));
    writeFileSync(join(folder, 'factory', 'bench.json'), '{"name": "bench"}\n');
    const file = join(folder, 'pipeline', 'Bench-120.json');
    const text = benchPipelineText();
    writeFileSync(file, text);
    const result = await measure(vscode.Uri.file(file), text);
    mkdirSync(join(repoRoot, 'test-results', 'bench'), { recursive: true });
    writeFileSync(EDITOR_BENCH_RESULT, `${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    failed = 1;
    mkdirSync(join(repoRoot, 'test-results', 'bench'), { recursive: true });
    writeFileSync(
      EDITOR_BENCH_RESULT.replace(/\.json$/, '.error.txt'),
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
  } finally {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    rmSync(folder, { recursive: true, force: true });
  }
  console.log(`${resultMarker}${JSON.stringify({ passed: 1 - failed, failed, skipped: 0 })}`);
  if (failed) throw new Error('editor bench failed');
}

async function measure(uri: vscode.Uri, text: string): Promise<EditorBenchResult> {
  await vscode.commands.executeCommand('vscode.open', uri);
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.toString() !== uri.toString()) throw new Error('the bench pipeline did not open');
  const document = editor.document;
  const hasUnknownDependency = (): boolean =>
    vscode.languages.getDiagnostics(uri).some((d) => d.source === 'adf' && codeOf(d) === 'ADF301');
  await until(() => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'adf'), 60_000);

  // Type after "Keep 20" (its name, in the middle of the file), which "Wait 20" depends on: one character
  // breaks the dependency, the next keystroke (backspace) repairs it.
  const marker = '"name": "Keep 20"';
  const nameEnd = document.getText().indexOf(marker) + marker.length - 1;
  if (nameEnd < marker.length) throw new Error(`${marker} is not in the bench pipeline`);
  const latencies: number[] = [];
  const afterChange: number[] = [];
  let changedAt = 0;
  const changes = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.document === document) changedAt = performance.now();
  });
  for (let i = 0; i < SAMPLES + WARMUP; i++) {
    const broken = i % 2 === 0;
    const started = performance.now();
    const published = until(() => hasUnknownDependency() === broken, 10_000);
    await editor.edit(
      (b) => {
        if (broken) b.insert(document.positionAt(nameEnd), 'x');
        else b.delete(new vscode.Range(document.positionAt(nameEnd), document.positionAt(nameEnd + 1)));
      },
      { undoStopBefore: false, undoStopAfter: false },
    );
    await published;
    const done = performance.now();
    if (i >= WARMUP) {
      latencies.push(done - started);
      afterChange.push(done - changedAt);
    }
    // A user pauses between keystrokes now and then; without a pause the debounce would merge them.
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  changes.dispose();

  // The validator alone on the same text, in this process (what each diagnostics update costs).
  const validateMs: number[] = [];
  const brokenText = text.slice(0, nameEnd) + 'x' + text.slice(nameEnd);
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    validate(i % 2 ? text : brokenText);
    validateMs.push(performance.now() - started);
  }
  return {
    activities: BENCH_ACTIVITIES,
    bytes: Buffer.byteLength(text),
    samples: SAMPLES,
    latencyMs: latencies,
    changeToDiagnosticsMs: afterChange,
    validateMs,
    debounceMs: { ...TYPING_DEBOUNCE_MS },
  };
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

/** Resolves when `check` passes, checked on every diagnostics change (and now). */
function until(check: () => boolean, timeoutMs: number): Promise<void> {
  return new Promise((resolveUntil, reject) => {
    if (check()) return resolveUntil();
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error('diagnostics did not arrive in time'));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics(() => {
      if (!check()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolveUntil();
    });
  });
}
