// Shared by the editor suites (runs inside the extension host): fixture paths, waiting for diagnostics, and
// compact views of diagnostics for exact comparisons.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';

/** The repository root (this file compiles to out/test/exthost/editor/). */
export const repoRoot = resolve(__dirname, '..', '..', '..', '..');
export const editorFixtures = join(repoRoot, 'test', 'fixtures', 'editor');
export const brokenPipelinePath = join(editorFixtures, 'workspace', 'pipeline', 'Score-Broken.json');
export const brokenPipelineText = readFileSync(brokenPipelinePath, 'utf8');

export async function activateExtension(): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
  };
  const extension = vscode.extensions.getExtension(`${manifest.publisher}.${manifest.name}`);
  if (!extension) throw new Error('the extension is not installed');
  await extension.activate();
}

/** Our diagnostics (source `adf`) of a document. */
export function adfDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'adf');
}

/** `CODE severity L:C-L:C` (1-based lines and columns), sorted as published. */
export function summarize(diagnostics: readonly vscode.Diagnostic[]): string[] {
  const severity = ['error', 'warning', 'info', 'hint'];
  return diagnostics.map((d) => {
    const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
    const r = d.range;
    return `${code} ${severity[d.severity]} ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
  });
}

/**
 * Resolves once `check` passes on the diagnostics of `uri` (checked now and on every diagnostics change);
 * rejects with the last state after `timeoutMs`.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  check: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 10_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolvePromise, reject) => {
    const test = (): boolean => {
      const current = adfDiagnostics(uri);
      if (!check(current)) return false;
      cleanup();
      resolvePromise(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) test();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(`diagnostics of ${uri.toString()} did not settle: ${JSON.stringify(summarize(adfDiagnostics(uri)))}`),
      );
    }, timeoutMs);
    const cleanup = (): void => {
      subscription.dispose();
      clearTimeout(timer);
    };
    test();
  });
}

/** Until at least one diagnostic of ours is published for `uri`. */
export function waitForSomeDiagnostics(uri: vscode.Uri, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (d) => d.length > 0, timeoutMs);
}

let untitledCount = 0;

/**
 * An untitled JSON document holding `text` (validated by content, editable without touching files). Each gets
 * a name of its own: VS Code reuses "Untitled-1" once the previous one is closed, and a test must never read
 * the diagnostics a closed namesake left behind.
 */
export async function openUntitled(text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `/adf-test-${process.pid}-${++untitledCount}.json` });
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'json');
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not fill ${uri.toString()}`);
  return document;
}

/** Closes every editor, reverting unsaved changes first (closing a dirty editor would ask to save). */
export async function closeAllEditors(): Promise<void> {
  const open = (): number => vscode.window.tabGroups.all.reduce((n, g) => n + g.tabs.length, 0);
  for (let i = 0; i < 50 && open() > 0; i++) {
    const before = open();
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    if (open() === before) break; // nothing active to close: the rest are not dirty
  }
  if (open() > 0) await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function position(document: vscode.TextDocument, marker: string, delta = 0, occurrence = 0): vscode.Position {
  const text = document.getText();
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(marker, index + 1);
    if (index < 0) throw new Error(`"${marker}" (#${occurrence}) not in the document`);
  }
  return document.positionAt(index + delta);
}
