// Diagnostics for pipeline documents: on open and as you type (debounced), each with its rule code linking to
// docs/rules.md and its related locations. Also publishes results for files on disk (the workspace scan's worker);
// an open document's own results always win over those.
import * as vscode from 'vscode';
import { typingDelayMs, LatestVersionGate } from '../core/editor-support';
import { validate, type Problem, type Severity } from '../core/validator';
import type { PipelineDocumentSelector } from './document-selector';
import type { PipelineDocuments } from './pipeline-documents';
import type { RuleLinks } from './rule-links';
import type { ScanProblem } from './scan/protocol';
import { readValidationSettings, validateOptions } from './validation-settings';

export const DIAGNOSTIC_SOURCE = 'adf';
const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

interface ProblemWithRange<R> {
  readonly range: R;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly related?: ReadonlyArray<{ readonly range: R; readonly message: string }>;
}

interface LiveResult {
  /** The document instance: a closed untitled document's name is reused by the next one. */
  readonly document: vscode.TextDocument;
  readonly version: number;
  readonly problems: readonly Problem[];
}

export class PipelineDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('adf-pipelines');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly gate = new LatestVersionGate();
  private readonly live = new Map<string, LiveResult>();
  /** How long the last validation of each document took and when it ended (ms), for the typing delay. */
  private readonly lastRuns = new Map<string, { readonly ms: number; readonly endedAt: number }>();
  /** A key per document instance for the version gate (versions restart with each new instance). */
  private readonly instanceKeys = new WeakMap<vscode.TextDocument, string>();
  private instanceCount = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly selector: PipelineDocumentSelector,
    private readonly documents: PipelineDocuments,
    private readonly links: RuleLinks,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length) this.schedule(event.document, this.typingDelay(event.document));
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forgetLive(document.uri)),
    );
  }

  /** Validates every open document (on startup and when the settings change). */
  validateOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** Validates `document` after `delayMs`, replacing any validation already waiting for it. */
  schedule(document: vscode.TextDocument, delayMs: number): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.validateDocument(document);
      }, delayMs),
    );
  }

  /** Validates the current text of an open document and publishes the result, unless a newer one exists. */
  async validateDocument(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed) return;
    const key = document.uri.toString();
    const version = document.version;
    const isPipeline = await this.selector.isPipelineDocument(document);
    // Classifying may wait for the file system: by then the text may have moved on, or the file closed.
    if (document.isClosed || document.version !== version) return;
    if (!isPipeline) {
      if (this.live.has(key) || this.collection.has(document.uri)) {
        this.live.delete(key);
        this.collection.delete(document.uri);
      }
      return;
    }
    const started = performance.now();
    const problems = validate(this.documents.get(document), validateOptions(readValidationSettings(document.uri)));
    const endedAt = performance.now();
    this.lastRuns.set(key, { ms: endedAt - started, endedAt });
    if (!this.gate.accept(this.instanceKey(document), version)) return;
    this.live.set(key, { document, version, problems });
    const positionAt = (offset: number): vscode.Position => document.positionAt(offset);
    this.collection.set(
      document.uri,
      this.toDiagnostics(
        document.uri,
        problems,
        (r) => new vscode.Range(positionAt(r.start), positionAt(Math.max(r.start, r.end))),
      ),
    );
  }

  /**
   * The problems of an open document at its current version (validating it now if the last result is older),
   * or undefined when it is not a pipeline document. Used by quick fixes.
   */
  async problemsFor(document: vscode.TextDocument): Promise<readonly Problem[] | undefined> {
    const cached = this.live.get(document.uri.toString());
    if (cached && cached.document === document && cached.version === document.version) return cached.problems;
    if (!(await this.selector.isPipelineDocument(document))) return undefined;
    return validate(this.documents.get(document), validateOptions(readValidationSettings(document.uri)));
  }

  /** True while an open document (not the file on disk) owns the diagnostics of `uri`. */
  isOpen(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && !d.isClosed);
  }

  /**
   * Publishes what the workspace scan's worker found for files on disk, in one update, except for files open in an
   * editor (their live text is what counts).
   */
  publishScanned(results: ReadonlyArray<readonly [vscode.Uri, readonly ScanProblem[]]>): void {
    const entries: Array<[vscode.Uri, vscode.Diagnostic[]]> = [];
    for (const [uri, problems] of results) {
      if (this.isOpen(uri)) continue;
      // A file without problems still gets its (empty) entry, which set(entries) would not make.
      if (problems.length === 0) this.collection.set(uri, []);
      else entries.push([uri, this.toDiagnostics(uri, problems, (r) => new vscode.Range(...r))]);
    }
    if (entries.length) this.collection.set(entries);
  }

  clear(uri: vscode.Uri): void {
    this.forgetLive(uri);
    this.collection.delete(uri);
  }

  clearAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.live.clear();
    this.collection.clear();
  }

  private forgetLive(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const document = this.live.get(key)?.document;
    if (document) this.gate.forget(this.instanceKey(document));
    this.live.delete(key);
    this.lastRuns.delete(key);
  }

  /** At once after a quiet spell, else when the typing pauses (core/editor-support/debounce.ts). */
  private typingDelay(document: vscode.TextDocument): number {
    const key = document.uri.toString();
    const last = this.lastRuns.get(key);
    return typingDelayMs({
      lastValidationMs: last?.ms,
      sinceLastValidationMs: last === undefined ? undefined : performance.now() - last.endedAt,
      waiting: this.timers.has(key),
    });
  }

  private instanceKey(document: vscode.TextDocument): string {
    let key = this.instanceKeys.get(document);
    if (!key) {
      key = `${document.uri.toString()}#${++this.instanceCount}`;
      this.instanceKeys.set(document, key);
    }
    return key;
  }

  /** Problems with ranges of any kind (offsets in the editor, line/character from the scan worker). */
  private toDiagnostics<R>(
    uri: vscode.Uri,
    problems: ReadonlyArray<ProblemWithRange<R>>,
    range: (r: R) => vscode.Range,
  ): vscode.Diagnostic[] {
    return problems.map((problem) => {
      const diagnostic = new vscode.Diagnostic(
        range(problem.range),
        problem.message,
        SEVERITY[problem.severity] ?? vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = this.links.code(problem.code);
      if (problem.related?.length) {
        diagnostic.relatedInformation = problem.related.map(
          (related) =>
            new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, range(related.range)), related.message),
        );
      }
      return diagnostic;
    });
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.collection.dispose();
  }
}
