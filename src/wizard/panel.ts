// One wizard panel: the webview (strict CSP, bundled script), its messages routed through the validator to the
// controller, and the controller's state posted back after every change. The panel keeps its webview alive while
// hidden (retainContextWhenHidden), and the state lives in the controller anyway: hiding and showing loses nothing.
import * as vscode from 'vscode';
import { persistedWebviewState, type ExtensionMessage, type PersistedWebviewState } from './protocol';
import type { WizardController } from './controller';
import { wizardHtml } from './html';
import { routeWebviewMessage } from './message-router';
import type { WizardLog } from './services';

export const WIZARD_VIEW_TYPE = 'adfBatchEndpoints.pipelineWizard';
const POSTED_KEPT = 200;

export class WizardPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private statePending = false;
  private readonly posted: ExtensionMessage[] = [];
  private readonly closed = new vscode.EventEmitter<void>();
  /** The webview's script ran and asked for the state (its first message is "ready"). */
  webviewReady = false;
  readonly onDidClose = this.closed.event;

  constructor(readonly panel: vscode.WebviewPanel, readonly controller: WizardController, extensionUri: vscode.Uri, private readonly log: WizardLog) {
    const webview = panel.webview;
    webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')] };
    webview.html = wizardHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'wizard.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'wizard.css')).toString(),
      title: panel.title,
    });
    this.disposables.push(
      webview.onDidReceiveMessage(async (raw: unknown) => {
        const reply = await routeWebviewMessage(raw, controller, log, () => this.flushState());
        if (reply?.ok && (raw as { method?: unknown }).method === 'ready') this.webviewReady = true;
        if (reply) this.post(reply);
      }),
      controller.onDidChange(() => this.scheduleState()),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  reveal(): void {
    this.panel.reveal(this.panel.viewColumn, false);
  }

  /** Messages posted to the webview, latest last (for tests: no secret may appear in them). */
  postedMessages(): ExtensionMessage[] {
    return [...this.posted];
  }

  /** What the webview keeps with setState for the current state. */
  persistedState(): PersistedWebviewState {
    return persistedWebviewState(this.controller.view());
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.controller.dispose();
    this.closed.fire();
    this.closed.dispose();
  }

  private scheduleState(): void {
    if (this.statePending) return;
    this.statePending = true;
    queueMicrotask(() => this.flushState());
  }

  private flushState(): void {
    if (!this.statePending) return;
    this.statePending = false;
    this.post({ type: 'state', state: this.controller.view() });
  }

  private post(message: ExtensionMessage): void {
    this.posted.push(message);
    if (this.posted.length > POSTED_KEPT) this.posted.splice(0, this.posted.length - POSTED_KEPT);
    void Promise.resolve(this.panel.webview.postMessage(message)).catch((error: unknown) => this.log.warn(`Could not update the wizard's webview: ${String(error)}`));
  }
}
