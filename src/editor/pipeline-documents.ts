// The parsed form of each open document, made once per version and shared by diagnostics, quick fixes, hover,
// completion and the classification of the document: a new version is parsed from the previous one (its tree
// patched after a small edit, its parsed expressions kept).
import type * as vscode from 'vscode';
import { parsePipelineDocument, type PipelineDocument } from '../core/validator';

export class PipelineDocuments {
  /** Per document instance (a closed untitled document's name is reused by the next one): its latest version. */
  private readonly parsed = new WeakMap<vscode.TextDocument, { version: number; document: PipelineDocument }>();

  /** The document at its current version. */
  get(document: vscode.TextDocument): PipelineDocument {
    const cached = this.parsed.get(document);
    if (cached && cached.version === document.version) return cached.document;
    const parsed = parsePipelineDocument(document.getText(), cached ? { previous: cached.document } : undefined);
    this.parsed.set(document, { version: document.version, document: parsed });
    return parsed;
  }
}
