// Wires validation in the editor: diagnostics as you type, the workspace scan and its command, quick fixes,
// and hover and completion inside expressions.
import * as vscode from 'vscode';
import { registerCommand } from '../commands/register-command';
import type { Log } from '../log';
import { PipelineDiagnostics } from './diagnostics';
import { PipelineDocumentSelector } from './document-selector';
import { registerExpressionCompletion } from './expression-completion';
import { registerExpressionHover } from './expression-hover';
import { registerQuickFixes } from './quick-fixes';
import { RuleLinks } from './rule-links';
import { VALIDATION_SECTION } from './validation-settings';
import { VALIDATE_ALL_COMMAND, WorkspaceValidation } from './workspace-validation';

/** Wait after activation before the background workspace scan, so that it never competes with startup. */
const STARTUP_SCAN_DELAY_MS = 1500;

export function registerEditorValidation(context: vscode.ExtensionContext, log?: Log): void {
  const selector = new PipelineDocumentSelector();
  const diagnostics = new PipelineDiagnostics(selector, new RuleLinks(context.extensionUri));
  const workspaceValidation = new WorkspaceValidation(diagnostics, selector, log);
  context.subscriptions.push(
    diagnostics,
    workspaceValidation,
    registerQuickFixes(diagnostics),
    registerExpressionHover(selector),
    registerExpressionCompletion(selector),
    registerCommand(VALIDATE_ALL_COMMAND, () => workspaceValidation.runCommand()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(VALIDATION_SECTION)) return;
      selector.forgetDocuments();
      diagnostics.clearAll();
      diagnostics.validateOpenDocuments();
      void workspaceValidation.runInBackground();
    }),
    // A folder added to the workspace brings its pipeline files: scan again, in the background.
    vscode.workspace.onDidChangeWorkspaceFolders((event) => {
      if (event.added.length) void workspaceValidation.runInBackground();
    }),
  );
  // Documents opened before activation (the one that activated us, for one) never fired onDidOpen for us.
  diagnostics.validateOpenDocuments();
  // After activation has returned: the scan reads every JSON file of the workspace, which activation must not wait for.
  const timer = setTimeout(() => void workspaceValidation.runInBackground(), STARTUP_SCAN_DELAY_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}
