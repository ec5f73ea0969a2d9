// "Validate All Pipelines": finds every pipeline file of the workspace and publishes its problems, so the
// Problems panel lists them all. Runs on command and once in the background after startup, with cancellable
// progress; a file watcher keeps the results current; deleted files lose their problems, and so do closed
// files that are not part of the workspace (workspace pipeline files fall back to their saved text).
import * as vscode from 'vscode';
import { uriExists } from '../workspace-files';
import type { Problem } from '../core/validator';
import type { Log } from '../log';
import type { PipelineDiagnostics } from './diagnostics';
import type { PipelineDocumentSelector } from './document-selector';

/** What the scan looks at; node_modules and .git never hold a factory's files. */
const CANDIDATES = '**/*.{json,jsonc}';
const EXCLUDED = '**/{node_modules,.git}/**';
/** Files above this size are skipped: no pipeline is that large (ADF's limit is 200 KB; ARM templates a few MB). */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** The background scan shows its progress only when it takes longer than this. */
const QUIET_MS = 1000;

export interface WorkspaceValidationSummary {
  /** Pipeline files found (and validated, or left to their open editor). */
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly cancelled: boolean;
}

type ProgressSink = (done: number, total: number, file?: vscode.Uri) => void;

export class WorkspaceValidation implements vscode.Disposable {
  /** Pipeline files found on disk by the last scan or since (by the watcher). */
  private readonly pipelineFiles = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private running?: { source: vscode.CancellationTokenSource; done: Promise<WorkspaceValidationSummary> };

  constructor(
    private readonly diagnostics: PipelineDiagnostics,
    private readonly selector: PipelineDocumentSelector,
    private readonly log?: Log,
  ) {
    // Everything, not just *.json: a folder copied or checked out in one go arrives as a single event for the
    // folder (the watcher drops the events of its children), and so does a deleted folder.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate((uri) =>
        isCandidate(uri) ? this.onFileChanged(uri, true) : void this.onMaybeFolderCreated(uri),
      ),
      watcher.onDidChange((uri) => isCandidate(uri) && this.onFileChanged(uri, false)),
      watcher.onDidDelete((uri) => !isExcluded(uri) && this.onFileDeleted(uri)),
      vscode.workspace.onDidCloseTextDocument((document) => void this.onDocumentClosed(document.uri)),
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.onFileDeleted(uri))),
      vscode.workspace.onDidRenameFiles((event) =>
        event.files.forEach(({ oldUri, newUri }) => {
          this.onFileDeleted(oldUri);
          if (isCandidate(newUri)) this.onFileChanged(newUri, true);
          else void this.onMaybeFolderCreated(newUri);
        }),
      ),
    );
  }

  /** The command: scan with a cancellable progress notification, then say what was found. */
  async runCommand(): Promise<WorkspaceValidationSummary> {
    const summary = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Validating ADF pipelines'),
        cancellable: true,
      },
      (progress, token) => this.scan(token, reporter(progress)),
    );
    const { files, errors, warnings, infos } = summary;
    const message =
      files === 0
        ? vscode.l10n.t('No ADF pipeline files found in the workspace.')
        : summary.cancelled
          ? vscode.l10n.t(
              'Validation cancelled after {0} pipeline file(s): {1} error(s), {2} warning(s), {3} info.',
              files,
              errors,
              warnings,
              infos,
            )
          : vscode.l10n.t(
              'Validated {0} pipeline file(s): {1} error(s), {2} warning(s), {3} info.',
              files,
              errors,
              warnings,
              infos,
            );
    void vscode.window.setStatusBarMessage(message, 10_000);
    return summary;
  }

  /**
   * The background scan after startup: silent while it is quick, then a cancellable progress notification.
   * Never throws.
   */
  async runInBackground(): Promise<WorkspaceValidationSummary | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) return undefined;
    const source = new vscode.CancellationTokenSource();
    let report: ProgressSink = () => undefined;
    let finished = false;
    const done = this.scan(source.token, (d, t, f) => report(d, t, f)).finally(() => {
      finished = true;
    });
    const timer = setTimeout(() => {
      if (finished) return;
      void vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Validating ADF pipelines in the background'),
          cancellable: true,
        },
        (progress, token) => {
          token.onCancellationRequested(() => source.cancel());
          report = reporter(progress);
          return done.catch(() => undefined);
        },
      );
    }, QUIET_MS);
    try {
      return await done;
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
      source.dispose();
    }
  }

  /** One scan at a time: a new one cancels the one running. */
  private scan(token: vscode.CancellationToken, progress: ProgressSink): Promise<WorkspaceValidationSummary> {
    this.running?.source.cancel();
    const source = new vscode.CancellationTokenSource();
    const link = token.onCancellationRequested(() => source.cancel());
    const started = Date.now();
    const done = this.scanFiles(source.token, progress)
      .then(
        (summary) => {
          this.log?.info(
            `validation: ${summary.cancelled ? 'cancelled after' : 'scanned'} ${summary.files} pipeline file(s) in ${Date.now() - started} ms: ${summary.errors} error(s), ${summary.warnings} warning(s), ${summary.infos} info`,
          );
          return summary;
        },
        (error: unknown) => {
          this.log?.error(`validation: the workspace scan failed: ${String(error)}`);
          throw error;
        },
      )
      .finally(() => {
        link.dispose();
        if (this.running?.source === source) this.running = undefined;
        source.dispose();
      });
    this.running = { source, done };
    return done;
  }

  private async scanFiles(
    token: vscode.CancellationToken,
    progress: ProgressSink,
  ): Promise<WorkspaceValidationSummary> {
    const counts = { files: 0, errors: 0, warnings: 0, infos: 0 };
    if (!this.selector.isEnabled()) return { ...counts, cancelled: false };
    const candidates = (await vscode.workspace.findFiles(CANDIDATES, EXCLUDED, undefined, token)).sort((a, b) =>
      a.path.localeCompare(b.path),
    );
    const found = new Set<string>();
    for (let i = 0; i < candidates.length; i++) {
      if (token.isCancellationRequested) return { ...counts, cancelled: true };
      progress(i, candidates.length, candidates[i]);
      const problems = await this.validateFile(candidates[i]);
      if (problems === undefined) continue;
      found.add(candidates[i].toString());
      counts.files++;
      for (const p of problems) {
        if (p.severity === 'error') counts.errors++;
        else if (p.severity === 'warning') counts.warnings++;
        else counts.infos++;
      }
      // Let the extension host breathe between files: typing must stay responsive during a long scan.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    // Files known from before that this scan did not find: those gone from disk lose their problems. (Files
    // that stopped being pipelines were cleared by validateFile; files the watcher added meanwhile stay.)
    for (const key of [...this.pipelineFiles]) {
      if (found.has(key) || token.isCancellationRequested) continue;
      const uri = vscode.Uri.parse(key);
      if (this.diagnostics.isOpen(uri) || (await uriExists(uri))) continue;
      this.pipelineFiles.delete(key);
      this.diagnostics.clear(uri);
    }
    progress(candidates.length, candidates.length);
    return { ...counts, cancelled: false };
  }

  /**
   * Validates one file: an open document through its editor text, any other from disk. Returns its problems,
   * or undefined when it is not a pipeline file (any problems published for it before are cleared).
   */
  private async validateFile(uri: vscode.Uri): Promise<readonly Problem[] | undefined> {
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
    if (open) {
      if (!(await this.selector.isPipelineDocument(open))) return undefined;
      this.pipelineFiles.add(key);
      await this.diagnostics.validateDocument(open);
      return (await this.diagnostics.problemsFor(open)) ?? [];
    }
    const text = await readText(uri);
    if (text === undefined || (await this.selector.classify(uri, () => text)) === undefined) {
      if (this.pipelineFiles.delete(key)) this.diagnostics.clear(uri);
      return undefined;
    }
    this.pipelineFiles.add(key);
    return this.diagnostics.publishFromDisk(uri, text) ?? [];
  }

  private onFileChanged(uri: vscode.Uri, created: boolean): void {
    if (created) this.selector.forgetFolders();
    if (this.diagnostics.isOpen(uri) || !vscode.workspace.getWorkspaceFolder(uri)) return;
    void this.validateFile(uri);
  }

  /** A new folder: validate the pipeline files inside it. */
  private async onMaybeFolderCreated(uri: vscode.Uri): Promise<void> {
    // Names with an extension are files (a build writes thousands): only the rest are worth a stat.
    if (isExcluded(uri) || /\.[A-Za-z0-9]{1,8}$/.test(uri.path) || !vscode.workspace.getWorkspaceFolder(uri)) return;
    try {
      if (!((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory)) return;
    } catch {
      return;
    }
    this.selector.forgetFolders();
    for (const file of await vscode.workspace.findFiles(new vscode.RelativePattern(uri, CANDIDATES), EXCLUDED)) {
      if (!this.diagnostics.isOpen(file)) await this.validateFile(file);
    }
  }

  private onFileDeleted(uri: vscode.Uri): void {
    this.selector.forgetFolders();
    // A deleted folder takes its files with it: forget every result below it.
    const prefix = `${uri.toString()}/`;
    const gone = [uri.toString()];
    this.diagnostics.collection.forEach((u) => {
      if (u.toString().startsWith(prefix)) gone.push(u.toString());
    });
    for (const key of gone) {
      this.pipelineFiles.delete(key);
      this.diagnostics.clear(vscode.Uri.parse(key));
    }
  }

  /**
   * A closed editor: a pipeline file of the workspace keeps its problems (from its saved text, since unsaved
   * edits are gone); anything else (untitled, outside the workspace, deleted) loses them.
   */
  private async onDocumentClosed(uri: vscode.Uri): Promise<void> {
    if (uri.scheme === 'untitled' || !vscode.workspace.getWorkspaceFolder(uri)) {
      this.diagnostics.clear(uri);
      return;
    }
    const text = await readText(uri);
    if (this.diagnostics.isOpen(uri)) return; // reopened meanwhile
    if (text === undefined || (await this.selector.classify(uri, () => text)) === undefined) {
      this.pipelineFiles.delete(uri.toString());
      this.diagnostics.clear(uri);
      return;
    }
    this.pipelineFiles.add(uri.toString());
    this.diagnostics.publishFromDisk(uri, text);
  }

  dispose(): void {
    this.running?.source.cancel();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

function isExcluded(uri: vscode.Uri): boolean {
  return /\/(node_modules|\.git)(\/|$)/.test(uri.path);
}

function isCandidate(uri: vscode.Uri): boolean {
  return /\.jsonc?$/i.test(uri.path) && !isExcluded(uri);
}

function reporter(progress: vscode.Progress<{ message?: string; increment?: number }>): ProgressSink {
  let reported = 0;
  return (done, total, file) => {
    const percent = total ? Math.floor((done / total) * 100) : 100;
    progress.report({
      increment: percent - reported,
      message: file ? `${done + 1}/${total} ${vscode.workspace.asRelativePath(file)}` : undefined,
    });
    reported = percent;
  };
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_FILE_BYTES || stat.type & vscode.FileType.Directory) return undefined;
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
