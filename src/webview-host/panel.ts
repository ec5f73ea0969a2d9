// The one webview host of the extension: createPanel() opens a panel whose HTML loads one bundled script (under
// dist/webview) and at most one stylesheet under the strict CSP of html.ts, with localResourceRoots limited to those two
// folders. Requests from the webview pass the feature's checks (router.ts); the feature's view state is posted
// after every change (coalesced, and flushed before each reply); the webview's first request, "ready", is the
// handshake after which the webview is known to run.
import * as vscode from 'vscode';
import { webviewHtml } from './html';
import type { HostMessage, ParamChecks, ReplyMessage, RequestOf } from './protocol';
import { routeRequest, type RouterLog } from './router';

const POSTED_KEPT = 200;

export interface PanelOptions<P extends { ready: unknown }, S> {
  viewType: string;
  title: string;
  extensionUri: vscode.Uri;
  /** The bundle, under dist/webview (built by esbuild.mjs). */
  script: string;
  /** A stylesheet under media/, when the bundle does not carry its styles itself. */
  style?: string;
  /** Shown until the script has drawn the view. */
  loadingText?: string;
  column?: vscode.ViewColumn;
  preserveFocus?: boolean;
  iconPath?: vscode.Uri;
  checks: ParamChecks<P>;
  /** Handles a validated request (including "ready"). */
  handle(request: RequestOf<P>): Promise<void>;
  /** The view state to post now. */
  state(): S;
  log: RouterLog;
  /** Who sends the requests, for the log ("the wizard's webview"). */
  source: string;
}

export class WebviewHost<P extends { ready: unknown }, S> implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private statePending = false;
  private readonly posted: Array<HostMessage<S>> = [];
  private readonly closed = new vscode.EventEmitter<void>();
  private disposed = false;
  /** The webview's script ran and sent "ready" (the handshake). */
  webviewReady = false;
  readonly onDidClose = this.closed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly options: PanelOptions<P, S>,
  ) {
    const webview = panel.webview;
    const { extensionUri } = options;
    webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: resourceRoots(extensionUri, options.style !== undefined),
    };
    webview.html = webviewHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', options.script)).toString(),
      ...(options.style
        ? { styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', options.style)).toString() }
        : {}),
      title: options.title,
      language: vscode.env.language,
      ...(vscode.l10n.bundle ? { l10nBundle: vscode.l10n.bundle } : {}),
      loadingText: options.loadingText ?? vscode.l10n.t('Loading...'),
    });
    this.disposables.push(
      webview.onDidReceiveMessage(async (raw: unknown) => {
        const reply = await this.route(raw);
        if (reply?.ok && (raw as { method?: unknown }).method === 'ready') this.webviewReady = true;
        if (reply) this.post(reply);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Validates and handles a message as if the webview had sent it (tests use this too); returns the reply. */
  route(raw: unknown): Promise<ReplyMessage | undefined> {
    return routeRequest(raw, {
      checks: this.options.checks,
      handle: this.options.handle,
      log: this.options.log,
      source: this.options.source,
      beforeReply: () => this.flushState(),
    });
  }

  /** The feature's state changed: post it once the current task is done. */
  stateChanged(): void {
    if (this.statePending || this.disposed) return;
    this.statePending = true;
    queueMicrotask(() => this.flushState());
  }

  reveal(preserveFocus = false): void {
    if (!this.disposed) this.panel.reveal(this.panel.viewColumn, preserveFocus);
  }

  /** Messages posted to the webview, latest last (for tests: no secret may appear in them). */
  postedMessages(): Array<HostMessage<S>> {
    return [...this.posted];
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    this.closed.fire();
    this.closed.dispose();
  }

  private flushState(): void {
    if (!this.statePending) return;
    this.statePending = false;
    this.post({ type: 'state', state: this.options.state() });
  }

  private post(message: HostMessage<S>): void {
    if (this.disposed) return;
    this.posted.push(message);
    if (this.posted.length > POSTED_KEPT) this.posted.splice(0, this.posted.length - POSTED_KEPT);
    void Promise.resolve(this.panel.webview.postMessage(message)).catch((error: unknown) =>
      this.options.log.warn(`Could not update ${this.options.source}: ${String(error)}`),
    );
  }
}

/** Opens a webview panel for a feature (retained when hidden: the state lives in the extension anyway). */
export function createPanel<P extends { ready: unknown }, S>(options: PanelOptions<P, S>): WebviewHost<P, S> {
  const panel = vscode.window.createWebviewPanel(
    options.viewType,
    options.title,
    { viewColumn: options.column ?? vscode.ViewColumn.Active, preserveFocus: options.preserveFocus ?? false },
    {
      enableScripts: true,
      enableCommandUris: false,
      retainContextWhenHidden: true,
      localResourceRoots: resourceRoots(options.extensionUri, options.style !== undefined),
    },
  );
  if (options.iconPath) panel.iconPath = options.iconPath;
  return new WebviewHost(panel, options);
}

/** The only folders a webview may load from: the bundles, and the stylesheets when it uses one. */
function resourceRoots(extensionUri: vscode.Uri, withStyles: boolean): vscode.Uri[] {
  const bundles = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  return withStyles ? [bundles, vscode.Uri.joinPath(extensionUri, 'media')] : [bundles];
}
