// Runs INSIDE the extension host (test/bench/editor.bench.ts starts it through the harness, as an
// extensionTestsPath): edit-to-diagnostics latency on a 120-activity pipeline. Each sample is one edit in a
// dependency, the upstream activity's name "Keep 20" replaced by the number 20 (or back), which both our ADF102 and
// VS Code's own JSON language service report on that line (the file is in pipeline/, which our contributed JSON
// schema covers, and the schema types the name as a string); it times the edit until each is published. (Our schema
// is lenient where the validator checks values itself, so a misspelt condition would be ours alone.)
// Figures go to test-results/bench/editor.json; the Node side prints them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { TYPING_DEBOUNCE_MS } from '../../../src/core/editor-support';
import { validate } from '../../../src/core/validator';
import { BENCH_ACTIVITIES, benchPipelineText } from '../editor-pipeline';
import { BENCH_REPO_ROOT, runBenchEntry } from '../exthost-bench-entry';

export const EDITOR_BENCH_RESULT = join(BENCH_REPO_ROOT, 'test-results', 'bench', 'editor.json');
const SAMPLES = 60;
/** The first keystrokes after opening, while V8 still optimises the validator: reported apart. */
const WARMUP = 20;

export interface EditorBenchResult {
  activities: number;
  bytes: number;
  samples: number;
  latencyMs: number[];
  /** Ours, the first keystrokes after opening (not in latencyMs). */
  warmupLatencyMs: number[];
  /** The same keystrokes until VS Code's JSON language service published its schema error (or its removal). */
  jsonLatencyMs: number[];
  /** Why the JSON language service's figures are missing, if they are. */
  jsonSilent: string;
  /** From the change event in the extension host to the published diagnostics: typing delay + our work. */
  changeToDiagnosticsMs: number[];
  validateMs: number[];
  debounceMs: { min: number; max: number };
}

export async function run(): Promise<void> {
  await runBenchEntry('editor', EDITOR_BENCH_RESULT, async (): Promise<EditorBenchResult> => {
    const folder = mkdtempSync(join(tmpdir(), 'adf-editor-bench-'));
    try {
      mkdirSync(join(folder, 'factory'));
      mkdirSync(join(folder, 'pipeline'));
      writeFileSync(join(folder, 'factory', 'bench.json'), '{"name": "bench"}\n');
      const file = join(folder, 'pipeline', 'Bench-120.json');
      const text = benchPipelineText();
      writeFileSync(file, text);
      return await measure(vscode.Uri.file(file), text);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      rmSync(folder, { recursive: true, force: true });
    }
  });
}

async function measure(uri: vscode.Uri, text: string): Promise<EditorBenchResult> {
  await vscode.commands.executeCommand('vscode.open', uri);
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.toString() !== uri.toString()) throw new Error('the bench pipeline did not open');
  const document = editor.document;
  const name = '"Keep 20"';
  const nameStart = document.getText().indexOf(`"activity": ${name}`) + '"activity": '.length;
  if (nameStart < '"activity": '.length) throw new Error(`a dependency on ${name} is not in the bench pipeline`);
  const editLine = document.positionAt(nameStart).line;
  const onEditLine = (d: vscode.Diagnostic): boolean => d.range.start.line === editLine;
  const hasWrongKind = (): boolean =>
    vscode.languages.getDiagnostics(uri).some((d) => d.source === 'adf' && codeOf(d) === 'ADF102' && onEditLine(d));
  const hasSchemaError = (): boolean =>
    vscode.languages.getDiagnostics(uri).some((d) => d.source !== 'adf' && onEditLine(d));
  await until(() => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'adf'), 60_000);
  const latencies: number[] = [];
  const warmupLatencies: number[] = [];
  const jsonLatencies: number[] = [];
  let jsonSilent = '';
  const afterChange: number[] = [];
  let changedAt = 0;
  const changes = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.document === document) changedAt = performance.now();
  });
  for (let i = 0; i < SAMPLES + WARMUP; i++) {
    const broken = i % 2 === 0;
    const started = performance.now();
    const published = until(() => hasWrongKind() === broken, 10_000);
    let jsonDone = 0;
    // If the JSON language service says nothing on the first keystroke (it is not running, or does not apply our
    // schema to this file), its side is left out, and the reason printed, instead of waiting on every keystroke.
    const jsonPublished = jsonSilent
      ? Promise.resolve()
      : until(() => hasSchemaError() === broken, 30_000).then(
          () => {
            jsonDone = performance.now();
          },
          () => {
            const others = vscode.languages
              .getDiagnostics(uri)
              .filter((d) => d.source !== 'adf')
              .map((d) => `${d.source}@${d.range.start.line}: ${d.message}`);
            jsonSilent = `no diagnostic of the JSON language service on line ${editLine + 1} within 30 s (others: ${others.join(' | ') || 'none'})`;
          },
        );
    await editor.edit(
      (b) => {
        if (broken)
          b.replace(
            new vscode.Range(document.positionAt(nameStart), document.positionAt(nameStart + name.length)),
            '20',
          );
        else b.replace(new vscode.Range(document.positionAt(nameStart), document.positionAt(nameStart + 2)), name);
      },
      { undoStopBefore: false, undoStopAfter: false },
    );
    await published;
    const done = performance.now();
    await jsonPublished;
    if (i < WARMUP) warmupLatencies.push(done - started);
    else {
      latencies.push(done - started);
      if (!jsonSilent) jsonLatencies.push(jsonDone - started);
      afterChange.push(done - changedAt);
    }
    // A user pauses between keystrokes now and then; inside the typing window they would be merged.
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  changes.dispose();

  // The validator alone on the same text, in this process (what each diagnostics update costs).
  const validateMs: number[] = [];
  const textStart = text.indexOf(`"activity": ${name}`) + '"activity": '.length;
  const brokenText = text.slice(0, textStart) + '20' + text.slice(textStart + name.length);
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
    warmupLatencyMs: warmupLatencies,
    jsonLatencyMs: jsonLatencies,
    jsonSilent,
    changeToDiagnosticsMs: afterChange,
    validateMs,
    debounceMs: { ...TYPING_DEBOUNCE_MS },
  };
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

/**
 * Resolves when `check` passes, polled every millisecond. Not on onDidChangeDiagnostics alone: the extension host
 * holds that event back for 50 ms to merge changes (ExtHostDiagnostics' DebounceEmitter), while a collection's update
 * goes to the workbench at once ($changeMany); polling getDiagnostics sees each update when the workbench gets it,
 * for our collection and the JSON language client's alike.
 */
function until(check: () => boolean, timeoutMs: number): Promise<void> {
  return new Promise((resolveUntil, reject) => {
    if (check()) return resolveUntil();
    const started = performance.now();
    const poll = setInterval(() => {
      if (check()) {
        clearInterval(poll);
        resolveUntil();
      } else if (performance.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error('diagnostics did not arrive in time'));
      }
    }, 1);
  });
}
