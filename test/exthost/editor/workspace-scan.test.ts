// The workspace scan at scale: "Validate All Pipelines" over a folder of generated pipeline files, whose reading and
// validation happen in a worker thread. Its results arrive (every file's problems, counted in the summary), a file
// open in an editor keeps the editor's results, and the scan stops when its status bar item's cancel command runs.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/api';
import { adfDiagnostics, closeAllEditors, repoRoot, summarize, waitForDiagnostics } from './editor-fixture';

interface Summary {
  files: number;
  errors: number;
  cancelled: boolean;
}

const GENERATED = 1500;
const SCRATCH_PREFIX = 'editor-scan-many-';
const codes = (d: readonly vscode.Diagnostic[]): string[] => summarize(d).map((s) => s.split(' ')[0]);
const validateAll = (): Thenable<Summary> =>
  vscode.commands.executeCommand<Summary>('adfBatchEndpoints.validateAllPipelines');

/** A pipeline whose one problem is a call of an unknown function (ADF502). */
function generatedPipeline(i: number): string {
  const activities = [{ name: `Wait ${i}`, type: 'Wait', typeProperties: { waitTimeInSeconds: '@frobnicate(1)' } }];
  return `${JSON.stringify({ name: `Generated-${i}`, properties: { activities } }, null, 2)}\n`;
}

describe('editor: workspace scan in a worker thread', function () {
  this.timeout(600_000); // thousands of files on a loaded 2-core machine
  let api: ExtensionApi;
  let folder = '';
  const generated = (i: number): vscode.Uri =>
    vscode.Uri.file(join(folder, 'pipeline', `Generated-${String(i).padStart(4, '0')}.json`));

  before(async () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      publisher: string;
      name: string;
    };
    const extension = vscode.extensions.getExtension<ExtensionApi>(`${manifest.publisher}.${manifest.name}`);
    assert.ok(extension, 'the extension is installed');
    api = await extension.activate();
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root, 'the harness opens a workspace folder');
    for (const entry of readdirSync(root))
      if (entry.startsWith(SCRATCH_PREFIX)) rmSync(join(root, entry), { recursive: true, force: true });
    folder = join(root, `${SCRATCH_PREFIX}${process.pid}`);
    mkdirSync(join(folder, 'pipeline'), { recursive: true });
    mkdirSync(join(folder, 'factory'));
    writeFileSync(join(folder, 'factory', 'generated.json'), '{"name": "generated"}\n');
    for (let i = 1; i <= GENERATED; i++) writeFileSync(generated(i).fsPath, generatedPipeline(i));
  });

  after(async () => {
    await closeAllEditors();
    rmSync(folder, { recursive: true, force: true });
  });

  it('cancel (the status bar item\'s command) stops "Validate All Pipelines" part way, and its summary says so', async () => {
    let cancelledAt: { done: number; total: number } | undefined;
    const reports: string[] = [];
    const progress = api.validation.onDidReportScanProgress((p) => {
      reports.push(`${p.done}/${p.total}`);
      if (cancelledAt || p.done === 0 || p.done >= p.total) return;
      cancelledAt = p;
      void vscode.commands.executeCommand('adfBatchEndpoints.cancelPipelineValidation');
    });
    try {
      const summary = await validateAll();
      assert.ok(
        cancelledAt,
        `the scan reported progress before it ended: ${reports.join(' ')}; ${JSON.stringify(summary)}`,
      );
      assert.equal(summary.cancelled, true, JSON.stringify(summary));
      assert.ok(summary.files < cancelledAt.total - 100, `${summary.files} of ${cancelledAt.total} files`);
    } finally {
      progress.dispose();
    }
  });

  it('"Validate All Pipelines" publishes the problems of every file, and an open file keeps its editor\'s results', async () => {
    // The first file, fixed in an editor but not saved: the scan must not put back the problem of its saved text.
    const editor = await vscode.window.showTextDocument(generated(1));
    const at = editor.document.getText().indexOf('frobnicate');
    await editor.edit((b) =>
      b.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 10)), 'int'),
    );
    await waitForDiagnostics(generated(1), (d) => d.length === 0, 30_000);

    const reports: Array<{ done: number; total: number }> = [];
    const progress = api.validation.onDidReportScanProgress((p) => reports.push(p));
    let summary: Summary;
    try {
      summary = await validateAll();
    } finally {
      progress.dispose();
    }
    assert.equal(summary.cancelled, false);
    // The fixture workspace has pipeline files of its own besides the generated ones.
    assert.ok(summary.files >= GENERATED, `files: ${summary.files}`);
    assert.ok(summary.errors >= GENERATED - 1, `errors: ${summary.errors}`);
    assert.ok(reports.length > 2 && reports.at(-1)?.done === reports.at(-1)?.total, JSON.stringify(reports.at(-1)));
    const wrong: string[] = [];
    for (let i = 2; i <= GENERATED; i++) {
      const found = codes(adfDiagnostics(generated(i)));
      if (found.join() !== 'ADF502') wrong.push(`Generated-${i}: ${found.join() || 'none'}`);
    }
    assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} file(s) without their problem`);
    assert.deepEqual(adfDiagnostics(generated(1)), [], 'the open, fixed file keeps its editor results');
  });
});
