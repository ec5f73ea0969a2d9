// "Validate All Pipelines": finds every pipeline file of the workspace and publishes its problems, so the
// Problems panel lists them all. Runs on command and once in the background after startup. The files are read,
// classified and validated in a worker thread (scan/scan-worker.ts), a batch at a time, so the extension host's
// thread only lists the files and publishes results; progress shows in the status bar, which cancels the scan.
// A file watcher keeps the results current (through the same worker); deleted files lose their problems, and so
// do closed files that are not part of the workspace (workspace pipeline files fall back to their saved text).
import * as vscode from 'vscode';
import { uriExists } from '../workspace-files';
import type { Severity } from '../core/validator';
import type { Log } from '../log';
import type { PipelineDiagnostics } from './diagnostics';
import type { PipelineDocumentSelector } from './document-selector';
import { MAX_SCAN_FILE_BYTES, type ScanFileRequest, type ScanProblem } from './scan/protocol';
import { ScanStatus } from './scan/scan-status';
import { ScanWorkerClient } from './scan/scan-worker-client';
import { readValidationSettings, validateOptions } from './validation-settings';

/** What the scan looks at; node_modules and .git never hold a factory's files. */
const CANDIDATES = '**/*.{json,jsonc}';
const EXCLUDED = '**/{node_modules,.git}/**';
/** Files listed per workspace folder at most: a budget for the listing, far above any factory repository. */
const MAX_LISTED_FILES = 200_000;
/** The background scan shows its progress only when it takes longer than this. */
const QUIET_MS = 1000;
/** Files per request to the worker, and requests under way at once: bounds the memory results take. */
const BATCH = 50;
const IN_FLIGHT = 2;
/** Files the watcher reports are gathered this long, then validated together (a checkout brings thousands). */
const WATCH_GATHER_MS = 100;

export interface WorkspaceValidationSummary {
  /** Pipeline files found (and validated, or left to their open editor). */
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly cancelled: boolean;
}

/** Called with the files done and found, as the scan goes (the status bar, and the tests' progress event). */
export type ScanProgress = (done: number, total: number) => void;

interface Counts {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export class WorkspaceValidation implements vscode.Disposable {
  /** Pipeline files found on disk by the last scan or since (by the watcher). */
  private readonly pipelineFiles = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private running?: { source: vscode.CancellationTokenSource; done: Promise<WorkspaceValidationSummary> };
  private readonly worker: ScanWorkerClient;
  private readonly status = new ScanStatus();
  /** Files the watcher reported, waiting to be validated together. */
  private readonly changed = new Map<string, vscode.Uri>();
  private changedTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly diagnostics: PipelineDiagnostics,
    private readonly selector: PipelineDocumentSelector,
    extensionPath: string,
    private readonly log?: Log,
    private readonly onProgress?: ScanProgress,
  ) {
    // The worker thread has its own @vscode/l10n: it gets VS Code's bundle so its diagnostics are localised too.
    this.worker = new ScanWorkerClient(extensionPath, vscode.l10n.bundle);
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
      vscode.workspace.onDidCloseTextDocument((document) => this.onDocumentClosed(document.uri)),
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

  /** The command: scan with progress in the status bar at once, then say what was found. */
  async runCommand(): Promise<WorkspaceValidationSummary> {
    const summary = await this.scan(0, true);
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
   * The background scan: silent while it is quick, then progress in the status bar. Never throws. A scan already
   * under way is joined, unless `restart` (what it found is out of date: settings or workspace folders changed).
   */
  async runInBackground(restart = false): Promise<WorkspaceValidationSummary | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) return undefined;
    try {
      return await this.scan(QUIET_MS, restart);
    } catch {
      return undefined;
    }
  }

  /** Cancels the scan under way, if any (the status bar item's command). */
  cancel(): void {
    this.running?.source.cancel();
  }

  /**
   * One scan at a time: a new one joins the one running, or cancels it and starts over (`restart`). Progress shows
   * once it has run for `quietMs`.
   */
  private scan(quietMs: number, restart: boolean): Promise<WorkspaceValidationSummary> {
    if (this.running && !restart) return this.running.done;
    this.running?.source.cancel();
    const source = new vscode.CancellationTokenSource();
    const started = Date.now();
    const progress: ScanProgress = (done, total) => {
      this.onProgress?.(done, total);
      if (Date.now() - started >= quietMs && !source.token.isCancellationRequested) this.status.report(done, total);
    };
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
        if (this.running?.source === source) {
          this.running = undefined;
          this.status.hide();
        }
        source.dispose();
      });
    this.running = { source, done };
    return done;
  }

  private async scanFiles(
    token: vscode.CancellationToken,
    progress: ScanProgress,
  ): Promise<WorkspaceValidationSummary> {
    const counts: Counts = { files: 0, errors: 0, warnings: 0, infos: 0 };
    if (!this.selector.isEnabled()) return { ...counts, cancelled: false };
    const candidates = await this.listCandidates(token);
    const found = new Set<string>();
    const inFlight: Array<Promise<void>> = [];
    let done = 0;
    progress(0, candidates.length);
    try {
      for (let i = 0; i < candidates.length; i += BATCH) {
        if (token.isCancellationRequested) return { ...counts, cancelled: true };
        const batch = candidates.slice(i, i + BATCH).map((c) => (typeof c === 'string' ? vscode.Uri.file(c) : c));
        inFlight.push(
          this.validateFiles(batch, token).then((results) => {
            for (const [key, problems] of results) {
              found.add(key);
              tally(counts, problems);
            }
            done += batch.length;
            if (!token.isCancellationRequested) progress(done, candidates.length);
          }),
        );
        if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
      }
      while (inFlight.length) await inFlight.shift();
    } finally {
      // Cancelled or failed: requests still under way finish in the worker; nobody waits for them.
      void Promise.allSettled(inFlight);
    }
    if (token.isCancellationRequested) return { ...counts, cancelled: true };
    // Files known from before that this scan did not find: those gone from disk lose their problems. (Files
    // that stopped being pipelines were cleared by validateFiles; files the watcher added meanwhile stay.)
    for (const key of [...this.pipelineFiles]) {
      if (found.has(key) || token.isCancellationRequested) continue;
      const uri = vscode.Uri.parse(key);
      if (this.diagnostics.isOpen(uri) || (await uriExists(uri))) continue;
      this.pipelineFiles.delete(key);
      this.diagnostics.clear(uri);
    }
    return { ...counts, cancelled: false };
  }

  /**
   * The candidate files of every workspace folder, each folder's in path order by code unit (localeCompare's
   * collation costs tens of ms for thousands of files). The worker lists local folders (their `fsPath`s): decoding
   * findFiles' reply of thousands of URIs would stall this thread; other file systems go through findFiles.
   */
  private async listCandidates(token: vscode.CancellationToken): Promise<Array<string | vscode.Uri>> {
    let candidates: Array<string | vscode.Uri> = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (token.isCancellationRequested) break;
      if (folder.uri.scheme === 'file') {
        const listing = await this.worker.listFiles([folder.uri.fsPath], MAX_LISTED_FILES);
        if (listing.truncated)
          this.log?.warn(
            `validation: ${folder.name} has more than ${MAX_LISTED_FILES} JSON files; the rest are not scanned`,
          );
        candidates = candidates.concat(listing.paths);
      } else {
        const found = await vscode.workspace.findFiles(
          new vscode.RelativePattern(folder, CANDIDATES),
          EXCLUDED,
          MAX_LISTED_FILES,
          token,
        );
        candidates = candidates.concat(found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
      }
    }
    return candidates;
  }

  /**
   * Validates files and publishes their problems: open documents through their editor text, the others in the
   * worker. Returns the problems of each pipeline file among them; files that are not (or no longer) pipeline files
   * lose any problems published for them before. Nothing is published once `token` is cancelled.
   */
  private async validateFiles(
    uris: readonly vscode.Uri[],
    token?: vscode.CancellationToken,
  ): Promise<Map<string, ReadonlyArray<{ readonly severity: Severity }>>> {
    const problems = new Map<string, ReadonlyArray<{ readonly severity: Severity }>>();
    const requests: ScanFileRequest[] = [];
    const byKey = new Map<string, vscode.Uri>();
    for (const uri of uris) {
      const key = uri.toString();
      byKey.set(key, uri);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
      if (open) {
        if (!(await this.selector.isPipelineDocument(open))) continue;
        this.pipelineFiles.add(key);
        await this.diagnostics.validateDocument(open);
        problems.set(key, (await this.diagnostics.problemsFor(open)) ?? []);
        continue;
      }
      const settings = readValidationSettings(uri);
      if (!settings.enabled) continue;
      const local = uri.scheme === 'file';
      requests.push({
        key,
        ...(await this.selector.fileFacts(uri, settings.include)),
        options: validateOptions(settings),
        fsPath: local ? uri.fsPath : undefined,
        text: local ? undefined : await readText(uri),
      });
    }
    const results = await this.worker.validate(requests);
    if (token?.isCancellationRequested) return problems;
    const publish: Array<readonly [vscode.Uri, readonly ScanProblem[]]> = [];
    for (const result of results) {
      const uri = byKey.get(result.key);
      if (!uri) continue;
      if (result.problems === undefined) {
        if (this.pipelineFiles.delete(result.key)) this.diagnostics.clear(uri);
        continue;
      }
      this.pipelineFiles.add(result.key);
      problems.set(result.key, result.problems);
      publish.push([uri, result.problems]);
    }
    this.diagnostics.publishScanned(publish);
    return problems;
  }

  /** Validates the files the watcher reported, together, shortly after the last report. */
  private queueValidation(uri: vscode.Uri): void {
    this.changed.set(uri.toString(), uri);
    this.changedTimer ??= setTimeout(() => {
      this.changedTimer = undefined;
      const uris = [...this.changed.values()];
      this.changed.clear();
      void (async (): Promise<void> => {
        for (let i = 0; i < uris.length; i += BATCH) await this.validateFiles(uris.slice(i, i + BATCH));
      })().catch((error: unknown) => this.log?.error(`validation: changed files: ${String(error)}`));
    }, WATCH_GATHER_MS);
  }

  private onFileChanged(uri: vscode.Uri, created: boolean): void {
    if (created) this.selector.forgetFolders();
    if (this.diagnostics.isOpen(uri) || !vscode.workspace.getWorkspaceFolder(uri)) return;
    this.queueValidation(uri);
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
      if (!this.diagnostics.isOpen(file)) this.queueValidation(file);
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
  private onDocumentClosed(uri: vscode.Uri): void {
    if (uri.scheme === 'untitled' || !vscode.workspace.getWorkspaceFolder(uri)) this.diagnostics.clear(uri);
    else this.queueValidation(uri);
  }

  dispose(): void {
    this.running?.source.cancel();
    clearTimeout(this.changedTimer);
    this.worker.dispose();
    this.status.dispose();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

function isExcluded(uri: vscode.Uri): boolean {
  return /\/(node_modules|\.git)(\/|$)/.test(uri.path);
}

function isCandidate(uri: vscode.Uri): boolean {
  return /\.jsonc?$/i.test(uri.path) && !isExcluded(uri);
}

function tally(counts: Counts, problems: ReadonlyArray<{ readonly severity: Severity }>): void {
  counts.files++;
  for (const p of problems) {
    if (p.severity === 'error') counts.errors++;
    else if (p.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
}

/** The text of a file on a file system the worker cannot read itself. */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_SCAN_FILE_BYTES || stat.type & vscode.FileType.Directory) return undefined;
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
