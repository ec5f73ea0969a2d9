// Wires validation in the editor without loading it: the validator and its providers (dist/editor.js) load when a
// JSON document that may be a pipeline file is open, when the workspace is ADF-shaped, or on "Validate All Pipelines".
import * as vscode from 'vscode';
import { registerCommand } from '../commands/register-command';
import type { Log } from '../log';
import { loadBundle } from '../lazy/load-bundle';
import type * as Bundle from './bundle';
import { CANCEL_VALIDATION_COMMAND, VALIDATE_ALL_COMMAND } from './command-ids';
import type { EditorValidation } from './feature';
import type { ValidationApi } from './validation-api';
import { isAdfShapedWorkspace, mayBePipelineText, VALIDATION_SECTION } from './workspace-shape';

export { VALIDATE_ALL_COMMAND };
/** Wait after activation before the background workspace scan, so that it never competes with startup. */
const STARTUP_SCAN_DELAY_MS = 1500;
const LANGUAGES = new Set(['json', 'jsonc']);
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote']);
/** Files created or renamed into the workspace that make it ADF-shaped (the scan then follows them). */
const ADF_SHAPED_WATCH = '**/{pipeline/*.json,pipeline-content.json,ARMTemplateForFactory.json}';

export function registerEditorValidation(context: vscode.ExtensionContext, log?: Log): ValidationApi {
  let editor: EditorValidation | undefined;
  const watchers: vscode.Disposable[] = [];
  const scanProgress = new vscode.EventEmitter<{ done: number; total: number }>();
  context.subscriptions.push(scanProgress);
  const load = (): EditorValidation => {
    if (!editor) {
      editor = loadBundle<typeof Bundle>(context.extensionPath, 'editor').createEditorValidation(
        context,
        isAdfShapedWorkspace,
        log,
        (done, total) => scanProgress.fire({ done, total }),
      );
      vscode.Disposable.from(...watchers.splice(0)).dispose();
    }
    return editor;
  };
  const loadFor = (document: vscode.TextDocument): void => {
    if (editor || !LANGUAGES.has(document.languageId) || !SCHEMES.has(document.uri.scheme)) return;
    if (mayBePipelineText(document.uri.path, document.getText())) load();
  };
  const shapeWatcher = vscode.workspace.createFileSystemWatcher(ADF_SHAPED_WATCH, false, true, true);
  watchers.push(
    vscode.workspace.onDidOpenTextDocument(loadFor),
    vscode.workspace.onDidChangeTextDocument((event) => loadFor(event.document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(VALIDATION_SECTION)) vscode.workspace.textDocuments.forEach(loadFor);
    }),
    shapeWatcher,
    shapeWatcher.onDidCreate(() => void load().runInBackground()),
  );
  context.subscriptions.push(
    registerCommand(VALIDATE_ALL_COMMAND, () => load().validateAll()),
    registerCommand(CANCEL_VALIDATION_COMMAND, () => editor?.cancel()),
    { dispose: () => vscode.Disposable.from(...watchers.splice(0)).dispose() },
  );
  // After activation has returned: documents already open (the one that activated us, for one) load the validator;
  // later the background scan, which activation must not wait for and which runs only in an ADF-shaped workspace.
  const startup = setTimeout(() => vscode.workspace.textDocuments.forEach(loadFor), 0);
  const scan = setTimeout(
    () => void isAdfShapedWorkspace().then((shaped) => (shaped ? load().runInBackground() : undefined)),
    STARTUP_SCAN_DELAY_MS,
  );
  context.subscriptions.push({
    dispose: () => {
      clearTimeout(startup);
      clearTimeout(scan);
    },
  });
  return { onDidReportScanProgress: scanProgress.event };
}
