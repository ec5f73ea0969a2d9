import { ExpressionMemo } from '../expressions';
import { findExcessiveNesting, type JsonDocument, parseJsonDocument, reparseJsonDocument } from '../json';
import { findPipelines, type PipelineInfo } from './pipeline-model';

/** What a new parse may reuse; both are optional. */
export interface ParseReuse {
  /**
   * The same document's previous version: its tree is patched when the edit allows it and its parsed expressions
   * are kept. The previous document is handed over: it must not be read afterwards (its tree may have changed).
   */
  readonly previous?: PipelineDocument;
  /** Parsed expressions shared with other documents (a scan of many files); ignored when `previous` is given. */
  readonly expressions?: ExpressionMemo;
}

/**
 * One version of a pipeline file, parsed once and shared by whatever reads it (validation, hover, completion, quick
 * fixes), in the style of vscode-json-languageservice's JSONDocument: the JSON tree with its syntax errors, the
 * pipelines found in it (computed on first use) and the memo of parsed expressions the validator fills. Everything
 * it keeps belongs to this instance (and to the next version when it is passed as `previous`).
 */
export class PipelineDocument {
  private foundPipelines: readonly PipelineInfo[] | undefined;
  private handedOver = false;

  private constructor(
    readonly json: JsonDocument,
    readonly expressions: ExpressionMemo,
    /** Where the text nests deeper than MAX_JSON_DEPTH (it is then not parsed: `json.root` is undefined). */
    readonly tooDeepAt: number | undefined,
  ) {}

  static parse(text: string, reuse: ParseReuse = {}): PipelineDocument {
    const source = typeof text === 'string' ? text : String(text);
    const expressions = reuse.previous?.expressions ?? reuse.expressions ?? new ExpressionMemo();
    const tree = reuse.previous?.takeOverTree();
    // The parser recurses per level: a document thousands of levels deep would overflow the stack.
    const tooDeepAt = findExcessiveNesting(source);
    if (tooDeepAt !== undefined)
      return new PipelineDocument(
        { text: source, root: undefined, errors: [], duplicateKeys: [] },
        expressions,
        tooDeepAt,
      );
    const json = tree ? reparseJsonDocument(source, tree) : parseJsonDocument(source);
    return new PipelineDocument(json, expressions, undefined);
  }

  get text(): string {
    return this.json.text;
  }

  /** The ADF pipelines in the file (git, ARM resources or a bare body), in document order. */
  get pipelines(): readonly PipelineInfo[] {
    this.foundPipelines ??= findPipelines(this.json.root);
    return this.foundPipelines;
  }

  /** This document's tree for the next version to patch; only once (after that the tree may have changed). */
  private takeOverTree(): JsonDocument | undefined {
    if (this.handedOver) return undefined;
    this.handedOver = true;
    return this.json;
  }
}

/**
 * Parses the text of a pipeline file (never throws: syntax errors and too deep nesting are part of the result). Pass the document's
 * previous version as `reuse.previous` when re-parsing after an edit.
 */
export function parsePipelineDocument(text: string, reuse?: ParseReuse): PipelineDocument {
  return PipelineDocument.parse(text, reuse);
}
