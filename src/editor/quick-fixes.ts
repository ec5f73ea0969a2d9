// Quick fixes: the validator's fixes (rename an unknown dependsOn target, declare a parameter or variable, stop
// a polling loop on Failed and Canceled, set secureInput/secureOutput, add a loop timeout, ...) as code actions
// on the diagnostics they repair.
import * as vscode from 'vscode';
import { problemFixes } from '../core/editor-support';
import { DIAGNOSTIC_SOURCE, type PipelineDiagnostics } from './diagnostics';
import { JSON_DOCUMENTS } from './document-selector';

export class PipelineQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly diagnostics: PipelineDiagnostics) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (!ours.length) return [];
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const version = document.version;
    const problems = await this.diagnostics.problemsFor(document);
    if (!problems || document.version !== version) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code ?? '');
      const range = { start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) };
      for (const fix of problemFixes(problems, code, range, diagnostic.message)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred;
        action.edit = new vscode.WorkspaceEdit();
        for (const edit of fix.edits) {
          action.edit.replace(
            document.uri,
            new vscode.Range(document.positionAt(edit.range.start), document.positionAt(edit.range.end)),
            edit.newText,
          );
        }
        actions.push(action);
      }
    }
    return actions;
  }
}

export function registerQuickFixes(diagnostics: PipelineDiagnostics): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    JSON_DOCUMENTS,
    new PipelineQuickFixes(diagnostics),
    PipelineQuickFixes.metadata,
  );
}
