// Completion inside expressions: functions, pipeline() properties, pipeline().parameters.*, declared variables
// for variables('...') and the activities that run before this one for activity('...').
import * as vscode from 'vscode';
import {
  expressionCursorAt,
  type ExpressionCursor,
  expressionFunctions,
  functionSnippet,
  PIPELINE_PROPERTIES,
  quoteForExpression,
  pipelineScopeAt,
  type PipelineScope,
  stringAtOffset,
} from '../core/editor-support';
import { JSON_DOCUMENTS, type PipelineDocumentSelector } from './document-selector';
import { documentTree } from './document-tree';

export const EXPRESSION_TRIGGER_CHARACTERS = ['@', '.', '(', "'", '{', ','];

export class ExpressionCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly selector: PipelineDocumentSelector) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.CompletionItem[] | undefined> {
    if (!(await this.selector.isPipelineDocument(document))) return undefined;
    const offset = document.offsetAt(position);
    const root = documentTree(document);
    const s = stringAtOffset(document.getText(), root, offset);
    if (!s) return undefined;
    const cursor = expressionCursorAt(s.value, s.toValueIndex(offset));
    if (!cursor) return undefined;
    const start = document.positionAt(s.toFileOffset(cursor.start));
    const range = new vscode.Range(start.line === position.line ? start : position, position);
    const scope = pipelineScopeAt(root, offset);
    return this.items(cursor, scope).map((item) => {
      item.range = range;
      return item;
    });
  }

  private items(cursor: ExpressionCursor, scope: PipelineScope | undefined): vscode.CompletionItem[] {
    switch (cursor.kind) {
      case 'function':
        return expressionFunctions().map((info, index) => {
          const item = new vscode.CompletionItem(
            { label: info.name, description: info.category },
            vscode.CompletionItemKind.Function,
          );
          item.detail = info.signature;
          item.documentation = new vscode.MarkdownString(info.description);
          item.insertText = new vscode.SnippetString(jsonEscape(functionSnippet(info)));
          item.filterText = info.name;
          // System functions first: pipeline(), activity(), variables() start most expressions.
          item.sortText = `${info.category === 'system' ? '0' : '1'}${String(index).padStart(3, '0')}`;
          if (info.maxArgs !== 0)
            item.command = { command: 'editor.action.triggerSuggest', title: vscode.l10n.t('Suggest arguments') };
          return item;
        });
      case 'pipelineProperty':
        return PIPELINE_PROPERTIES.map((p) => {
          const item = new vscode.CompletionItem(p.name, vscode.CompletionItemKind.Property);
          item.documentation = new vscode.MarkdownString(p.description);
          return item;
        });
      case 'parameter':
        return (scope?.parameters ?? []).map((p) => {
          const item = new vscode.CompletionItem(
            { label: p.name, description: p.type },
            vscode.CompletionItemKind.Variable,
          );
          item.detail = vscode.l10n.t('parameter: {0}', p.type ?? vscode.l10n.t('no type'));
          if (p.hasDefault)
            item.documentation = new vscode.MarkdownString(
              vscode.l10n.t('default: {0}', `\`${JSON.stringify(p.defaultValue)}\``),
            );
          item.insertText = jsonEscape(p.name);
          return item;
        });
      case 'variable':
        return (scope?.variables ?? []).map((v) => {
          const item = new vscode.CompletionItem(
            { label: v.name, description: v.type },
            vscode.CompletionItemKind.Variable,
          );
          item.detail = `variable: ${v.type ?? 'no type'}`;
          item.insertText = jsonEscape(quoteForExpression(v.name));
          return item;
        });
      case 'activity':
        return (scope?.readableActivities ?? []).map((a) => {
          const item = new vscode.CompletionItem(
            { label: a.name, description: a.type },
            vscode.CompletionItemKind.Reference,
          );
          item.detail = `activity: ${a.type ?? 'no type'} (runs before this one)`;
          item.insertText = jsonEscape(quoteForExpression(a.name));
          return item;
        });
      default:
        return [];
    }
  }
}

/** Text as it must appear inside a JSON string (quotes and backslashes escaped). */
function jsonEscape(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

export function registerExpressionCompletion(selector: PipelineDocumentSelector): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    JSON_DOCUMENTS,
    new ExpressionCompletionProvider(selector),
    ...EXPRESSION_TRIGGER_CHARACTERS,
  );
}
