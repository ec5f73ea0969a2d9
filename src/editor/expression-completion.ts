// Completion inside expressions: the vscode adapter of completionsAt() (src/core/editor-support) over the document's
// one parse; it only turns plain suggestions into CompletionItems (and localizes their details).
import * as vscode from 'vscode';
import { completionsAt, EXPRESSION_TRIGGER_CHARACTERS, type CompletionEntry } from '../core/editor-support';
import { JSON_DOCUMENTS, type PipelineDocumentSelector } from './document-selector';
import type { PipelineDocuments } from './pipeline-documents';

export class ExpressionCompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly selector: PipelineDocumentSelector,
    private readonly documents: PipelineDocuments,
  ) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.CompletionItem[] | undefined> {
    if (!(await this.selector.isPipelineDocument(document))) return undefined;
    const completions = completionsAt(this.documents.get(document), document.offsetAt(position));
    if (!completions) return undefined;
    const start = document.positionAt(completions.start);
    const range = new vscode.Range(start.line === position.line ? start : position, position);
    return completions.entries.map((entry) => {
      const item = completionItem(entry);
      item.range = range;
      return item;
    });
  }
}

function completionItem(entry: CompletionEntry): vscode.CompletionItem {
  switch (entry.kind) {
    case 'function': {
      const item = new vscode.CompletionItem(
        { label: entry.label, description: entry.category },
        vscode.CompletionItemKind.Function,
      );
      item.detail = entry.signature;
      item.documentation = new vscode.MarkdownString(entry.documentation);
      item.insertText = new vscode.SnippetString(entry.insertText);
      item.filterText = entry.label;
      item.sortText = entry.sortText;
      if (entry.takesArguments)
        item.command = { command: 'editor.action.triggerSuggest', title: vscode.l10n.t('Suggest arguments') };
      return item;
    }
    case 'pipelineProperty': {
      const item = new vscode.CompletionItem(entry.label, vscode.CompletionItemKind.Property);
      item.documentation = new vscode.MarkdownString(entry.documentation);
      return item;
    }
    case 'parameter': {
      const item = new vscode.CompletionItem(
        { label: entry.label, description: entry.type },
        vscode.CompletionItemKind.Variable,
      );
      item.detail = vscode.l10n.t('parameter: {0}', entry.type ?? vscode.l10n.t('no type'));
      if (entry.defaultValue)
        item.documentation = new vscode.MarkdownString(
          vscode.l10n.t('default: {0}', `\`${JSON.stringify(entry.defaultValue.value)}\``),
        );
      item.insertText = entry.insertText;
      return item;
    }
    case 'variable':
    case 'activity': {
      const item = new vscode.CompletionItem(
        { label: entry.label, description: entry.type },
        entry.kind === 'variable' ? vscode.CompletionItemKind.Variable : vscode.CompletionItemKind.Reference,
      );
      item.detail =
        entry.kind === 'variable'
          ? `variable: ${entry.type ?? 'no type'}`
          : `activity: ${entry.type ?? 'no type'} (runs before this one)`;
      item.insertText = entry.insertText;
      return item;
    }
  }
}

export function registerExpressionCompletion(
  selector: PipelineDocumentSelector,
  documents: PipelineDocuments,
): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    JSON_DOCUMENTS,
    new ExpressionCompletionProvider(selector, documents),
    ...EXPRESSION_TRIGGER_CHARACTERS,
  );
}
