// "Validate All Pipelines" and the background scan: every pipeline file of the workspace gets its problems
// without being opened; the file watcher follows creations, changes and deletions; closing a document keeps
// a workspace file's problems (from its saved text) and clears anything else's.
import * as assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import {
  activateExtension,
  adfDiagnostics,
  brokenPipelineText,
  editorFixtures,
  summarize,
  waitForDiagnostics,
  waitForSomeDiagnostics,
} from './editor-fixture';

interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  cancelled: boolean;
}

const BROKEN_CODES = ['ADF606', 'ADF301', 'ADF508', 'ADF505', 'ADF707', 'ADF706', 'ADF708', 'ADF508', 'ADF506'];
/** Scratch folders in the workspace start with this. */
const SCRATCH_PREFIX = 'editor-scan-scratch-';
const codes = (d: readonly vscode.Diagnostic[]): string[] => summarize(d).map((s) => s.split(' ')[0]);

/**
 * Opens `uri` in an editor the way a user does (documents opened through the API stay open for minutes after
 * their editor closes, so their close is not what a user sees).
 */
async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('vscode.open', uri);
  const editor = vscode.window.activeTextEditor;
  assert.equal(editor?.document.uri.toString(), uri.toString());
  return editor as vscode.TextEditor;
}

/** Closes the active editor without saving, and waits until VS Code has closed its document. */
async function closeActiveEditor(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  assert.ok(document);
  const closed = new Promise<void>((resolve) => {
    if (document.isClosed) return resolve();
    const subscription = vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.toString() !== document.uri.toString()) return;
      subscription.dispose();
      resolve();
    });
  });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await closed;
}

describe('editor: workspace validation', function () {
  this.timeout(300_000); // file watcher events take seconds on a loaded machine
  let folder = '';
  const file = (...parts: string[]): vscode.Uri => vscode.Uri.file(join(folder, ...parts));

  before(async () => {
    await activateExtension();
    // A copy of the editor fixture factory inside the opened workspace folder, removed afterwards (leftovers
    // of an aborted run are removed first). A second workspace folder would be cleaner, but code-server does
    // not turn a folder window into a multi-root one without reloading it.
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root, 'the harness opens a workspace folder');
    for (const entry of readdirSync(root))
      if (entry.startsWith(SCRATCH_PREFIX)) rmSync(join(root, entry), { recursive: true, force: true });
    folder = join(root, `${SCRATCH_PREFIX}${process.pid}`);
    cpSync(join(editorFixtures, 'workspace'), folder, { recursive: true });
  });

  after(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('the background scan after startup has validated the pipeline files of the workspace, none of them opened', async () => {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(root);
    const expected = ['CopySales.json', 'NightlyScoring.json', 'Run-BatchEndpoint.json'].map((name) =>
      vscode.Uri.joinPath(root, 'pipeline', name).toString(),
    );
    const validated = (): string[] =>
      vscode.languages
        .getDiagnostics()
        .map(([uri]) => uri.toString())
        .filter((u) => expected.includes(u));
    for (let i = 0; i < 60 && validated().length < expected.length; i++)
      await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(validated().sort(), [...expected].sort(), 'each file has an entry (empty when it has no problem)');
    assert.ok(!vscode.workspace.textDocuments.some((d) => expected.includes(d.uri.toString())));
  });

  it('the file watcher picks up pipeline files copied into the workspace: they get problems without being opened', async () => {
    const broken = await waitForSomeDiagnostics(file('pipeline', 'Score-Broken.json'), 60_000);
    assert.deepEqual(codes(broken), BROKEN_CODES);
    assert.deepEqual(codes(await waitForSomeDiagnostics(file('pipeline', 'Draft.json'))), ['ADF002']);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath.startsWith(folder)), 'nothing was opened');
    assert.deepEqual(adfDiagnostics(file('factory', 'editor-fixture.json')), [], 'factory/ files are not pipelines');
  });

  it('"Validate All Pipelines" counts every pipeline file and its problems, and the Problems panel lists them', async () => {
    const summary = await vscode.commands.executeCommand<Summary>('adfBatchEndpoints.validateAllPipelines');
    assert.equal(summary.cancelled, false);
    // The harness's fixture workspace has 3 pipeline files; this folder has 2.
    assert.ok(summary.files >= 5, `files: ${summary.files}`);
    assert.ok(summary.errors >= 5 && summary.warnings >= 3 && summary.infos >= 1, JSON.stringify(summary));
    const all = vscode.languages
      .getDiagnostics()
      .filter(([uri, d]) => uri.fsPath.startsWith(folder) && d.some((x) => x.source === 'adf'));
    assert.deepEqual(all.map(([uri]) => uri.fsPath.slice(folder.length + 1)).sort(), [
      'pipeline/Draft.json',
      'pipeline/Score-Broken.json',
    ]);
  });

  // Files written by another tool (git, a build) are picked up by "Validate All Pipelines": code-server's file
  // watcher was seen to miss such files in some checkouts, so this does not depend on it.
  it('"Validate All Pipelines" follows the file system: a new file gets problems, a change updates them, a deletion clears them', async () => {
    const validateAll = (): Thenable<Summary> =>
      vscode.commands.executeCommand<Summary>('adfBatchEndpoints.validateAllPipelines');
    const created = file('pipeline', 'Created.json');
    const text = JSON.stringify(
      {
        name: 'Created',
        properties: {
          activities: [{ name: 'W', type: 'Wait', typeProperties: { waitTimeInSeconds: '@frobnicate(1)' } }],
        },
      },
      null,
      2,
    );
    writeFileSync(created.fsPath, text); // as git or another tool would
    await validateAll();
    assert.deepEqual(codes(await waitForSomeDiagnostics(created, 30_000)), ['ADF502']);
    writeFileSync(created.fsPath, text.replace('frobnicate', 'int'));
    await validateAll();
    await waitForDiagnostics(created, (d) => d.length === 0, 30_000);

    const draft = file('pipeline', 'Draft.json');
    assert.equal(adfDiagnostics(draft).length, 1);
    rmSync(draft.fsPath);
    await validateAll();
    await waitForDiagnostics(draft, (d) => d.length === 0, 30_000);
    assert.ok(
      !vscode.languages
        .getDiagnostics()
        .some(([uri]) => uri.toString() === draft.toString() && vscode.languages.getDiagnostics(uri).length > 0),
    );
  });

  it('closing: a workspace file keeps the problems of its saved text; untitled and outside files lose theirs', async () => {
    const editor = await openInEditor(file('pipeline', 'Score-Broken.json'));
    const inWorkspace = editor.document;
    const typo = inWorkspace.getText().indexOf('Authorise');
    await editor.edit((b) =>
      b.replace(new vscode.Range(inWorkspace.positionAt(typo), inWorkspace.positionAt(typo + 9)), 'Authorize'),
    );
    await waitForDiagnostics(inWorkspace.uri, (d) => !codes(d).includes('ADF301'));
    await closeActiveEditor(); // drops the unsaved fix
    await waitForDiagnostics(inWorkspace.uri, (d) => codes(d).join() === BROKEN_CODES.join(), 20_000);

    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    const untitledEditor = vscode.window.activeTextEditor;
    assert.ok(untitledEditor);
    const untitled = await vscode.languages.setTextDocumentLanguage(untitledEditor.document, 'json');
    await (vscode.window.activeTextEditor ?? untitledEditor).edit((b) =>
      b.insert(new vscode.Position(0, 0), brokenPipelineText),
    );
    await waitForSomeDiagnostics(untitled.uri);
    await closeActiveEditor();
    await waitForDiagnostics(untitled.uri, (d) => d.length === 0);

    // A file outside the workspace folders (a fresh copy: the fixture itself was opened through the API before).
    const outsidePath = join(mkdtempSync(join(tmpdir(), 'adf-editor-')), 'arm-template.json');
    copyFileSync(join(editorFixtures, 'loose', 'arm-template.json'), outsidePath);
    const outside = (await openInEditor(vscode.Uri.file(outsidePath))).document;
    await waitForSomeDiagnostics(outside.uri);
    await closeActiveEditor();
    await waitForDiagnostics(outside.uri, (d) => d.length === 0);
    rmSync(dirname(outsidePath), { recursive: true, force: true });
  });
});
