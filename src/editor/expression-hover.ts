// Hover inside expressions: the vscode adapter of hoverAt() (src/core/editor-support) over the document's one parse.
import * as vscode from 'vscode';
import { hoverAt } from '../core/editor-support';
import { JSON_DOCUMENTS, type PipelineDocumentSelector } from './document-selector';
import type { PipelineDocuments } from './pipeline-documents';

export class ExpressionHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly selector: PipelineDocumentSelector,
    private readonly documents: PipelineDocuments,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!(await this.selector.isPipelineDocument(document))) return undefined;
    const hover = hoverAt(this.documents.get(document), document.offsetAt(position));
    if (!hover) return undefined;
    const range = new vscode.Range(document.positionAt(hover.range.start), document.positionAt(hover.range.end));
    return new vscode.Hover(new vscode.MarkdownString(hover.contents), range);
  }
}

export function registerExpressionHover(
  selector: PipelineDocumentSelector,
  documents: PipelineDocuments,
): vscode.Disposable {
  return vscode.languages.registerHoverProvider(JSON_DOCUMENTS, new ExpressionHoverProvider(selector, documents));
}
