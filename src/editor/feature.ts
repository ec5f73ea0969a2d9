// Validation in the editor, behind register.ts: diagnostics as you type, the workspace scan, quick fixes, and hover
// and completion inside expressions. Lives in dist/editor.js (with the validator), loaded at first need.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Log } from '../log';
import { PipelineDiagnostics } from './diagnostics';
import { PipelineDocumentSelector } from './document-selector';
import { registerExpressionCompletion } from './expression-completion';
import { registerExpressionHover } from './expression-hover';
import { PipelineDocuments } from './pipeline-documents';
import { registerQuickFixes } from './quick-fixes';
import { RuleLinks } from './rule-links';
import { VALIDATION_SECTION } from './validation-settings';
import { WorkspaceValidation, type ScanProgress, type WorkspaceValidationSummary } from './workspace-validation';

export interface EditorValidation {
  /** "Validate All Pipelines". */
  validateAll(): Promise<WorkspaceValidationSummary>;
  /** The background scan (the caller decides whether the workspace is worth it). */
  runInBackground(): Promise<WorkspaceValidationSummary | undefined>;
  /** Cancels the scan under way. */
  cancel(): void;
}

/**
 * Starts validating open documents and registers the providers. `shouldScan` says whether the workspace is worth a
 * background scan (it has ADF-shaped files or include globs): the scan runs only then.
 */
export function createEditorValidation(
  context: vscode.ExtensionContext,
  shouldScan: () => Promise<boolean>,
  log?: Log,
  onScanProgress?: ScanProgress,
): EditorValidation {
  // The validator (src/core) never imports vscode: its messages go through @vscode/l10n, given VS Code's bundle.
  // This bundle (dist/editor.js) holds its own copy of @vscode/l10n, so it is configured here.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  // One parse per document version, shared by classification, diagnostics, quick fixes, hover and completion.
  const documents = new PipelineDocuments();
  const selector = new PipelineDocumentSelector(documents);
  const diagnostics = new PipelineDiagnostics(selector, documents, new RuleLinks(context.extensionUri));
  const workspaceValidation = new WorkspaceValidation(
    diagnostics,
    selector,
    context.extensionPath,
    log,
    onScanProgress,
  );
  // Settings or workspace folders changed: a scan under way has out-of-date results, so it starts over.
  const scanAgainIfWorthIt = async (): Promise<WorkspaceValidationSummary | undefined> =>
    (await shouldScan()) ? workspaceValidation.runInBackground(true) : undefined;
  context.subscriptions.push(
    diagnostics,
    workspaceValidation,
    registerQuickFixes(diagnostics),
    registerExpressionHover(selector, documents),
    registerExpressionCompletion(selector, documents),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(VALIDATION_SECTION)) return;
      selector.forgetDocuments();
      diagnostics.clearAll();
      diagnostics.validateOpenDocuments();
      void scanAgainIfWorthIt();
    }),
    // A folder added to the workspace brings its pipeline files: scan again, in the background.
    vscode.workspace.onDidChangeWorkspaceFolders((event) => {
      if (event.added.length) void scanAgainIfWorthIt();
    }),
  );
  // Documents opened before (the one that activated us, for one) never fired onDidOpen for us.
  diagnostics.validateOpenDocuments();
  return {
    validateAll: () => workspaceValidation.runCommand(),
    runInBackground: () => workspaceValidation.runInBackground(),
    cancel: () => workspaceValidation.cancel(),
  };
}
