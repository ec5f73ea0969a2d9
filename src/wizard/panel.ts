// One wizard panel: the webview host (src/webview-host) running the wizard's bundle, its requests checked by the
// wizard's protocol and handled by the controller, and the controller's state posted back after every change.
// The panel keeps its webview alive while hidden, and the state lives in the controller anyway.
import * as vscode from 'vscode';
import { createPanel, type WebviewHost } from '../webview-host/panel';
import type { ReplyMessage } from '../webview-host/protocol';
import type { WizardController } from './controller';
import {
  persistedWebviewState,
  type ExtensionMessage,
  type PersistedWebviewState,
  type RequestParams,
  type WizardViewState,
} from './protocol';
import { WIZARD_REQUEST_CHECKS } from './protocol-checks';
import type { WizardLog } from './services';

export const WIZARD_VIEW_TYPE = 'adfBatchEndpoints.pipelineWizard';

export class WizardPanel {
  private readonly host: WebviewHost<RequestParams, WizardViewState>;
  readonly onDidClose: vscode.Event<void>;

  constructor(
    readonly controller: WizardController,
    extensionUri: vscode.Uri,
    log: WizardLog,
  ) {
    this.host = createPanel<RequestParams, WizardViewState>({
      viewType: WIZARD_VIEW_TYPE,
      title: vscode.l10n.t('ADF Pipeline: {0}', controller.endpoint.name),
      extensionUri,
      script: 'wizard.js',
      style: 'wizard.css',
      loadingText: vscode.l10n.t('Loading the wizard...'),
      iconPath: vscode.Uri.joinPath(extensionUri, 'media', 'activitybar.svg'),
      checks: WIZARD_REQUEST_CHECKS,
      handle: (request) => controller.handle(request),
      state: () => controller.view(),
      log,
      source: "the wizard's webview",
    });
    const subscription = controller.onDidChange(() => this.host.stateChanged());
    this.onDidClose = this.host.onDidClose;
    this.host.onDidClose(() => {
      subscription.dispose();
      controller.dispose();
    });
  }

  get panel(): vscode.WebviewPanel {
    return this.host.panel;
  }

  /** The webview's script loaded under its CSP and sent "ready". */
  get webviewReady(): boolean {
    return this.host.webviewReady;
  }

  /** Sends a message exactly as the webview would: validated, routed, replied to. */
  route(raw: unknown): Promise<ReplyMessage | undefined> {
    return this.host.route(raw);
  }

  reveal(): void {
    this.host.reveal();
  }

  /** Messages posted to the webview, latest last (for tests: no secret may appear in them). */
  postedMessages(): ExtensionMessage[] {
    return this.host.postedMessages();
  }

  /** What the webview keeps with setState for the current state. */
  persistedState(): PersistedWebviewState {
    return persistedWebviewState(this.controller.view());
  }

  dispose(): void {
    this.host.dispose();
  }
}
