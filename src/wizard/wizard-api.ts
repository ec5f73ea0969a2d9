// The wizard's part of the API activate() returns, for the extension-host tests (module augmentation of
// ExtensionApi, as src/api.ts describes).
import type {
  ExtensionMessage,
  PersistedWebviewState,
  RequestMethod,
  RequestParams,
  ReplyMessage,
  WizardViewState,
} from './protocol';
import type { WizardEndpoint } from './endpoint';
import type { WizardPrompts } from './services';

export interface WizardHandle {
  readonly endpointId: string;
  /** The state the webview shows. */
  state(): WizardViewState;
  /** Sends a message exactly as the webview would: validated, routed, replied to. */
  send<M extends RequestMethod>(method: M, params?: RequestParams[M]): Promise<ReplyMessage | undefined>;
  /** Sends anything (to prove invalid messages are refused). */
  sendRaw(message: unknown): Promise<ReplyMessage | undefined>;
  /** Waits until no load, grant or publish is running. */
  whenIdle(): Promise<void>;
  /** Waits until the run being followed ends. */
  whenRunEnded(): Promise<void>;
  /** Messages posted to the webview so far. */
  postedMessages(): ExtensionMessage[];
  /** What the webview keeps with setState. */
  persistedState(): PersistedWebviewState;
  /** CSP violations the webview reported. */
  cspViolations(): Array<{ directive: string; blockedUri: string }>;
  /** The webview's script loaded under its CSP and sent "ready". */
  readonly webviewReady: boolean;
  readonly visible: boolean;
  readonly active: boolean;
  close(): void;
}

export interface WizardApi {
  /** Opens (or focuses) the wizard for an endpoint, as "Create ADF Pipeline..." does. */
  open(endpoint: WizardEndpoint): WizardHandle;
  handle(endpointId: string): WizardHandle | undefined;
  /** Panels created so far (a second open of the same endpoint adds none). */
  panelsCreated(): number;
  /** Replaces the prompts (confirmations, SecureString box, folder picker) with test answers; undefined restores. */
  usePrompts(prompts: Partial<WizardPrompts> | undefined): void;
  /** Time between run polls (ms). */
  setMonitorInterval(ms: number): void;
  /** Lines written to the wizard's output channel (after masking). */
  logLines(): string[];
  /** Where this extension keeps global state (settings.json lives two folders up). */
  readonly globalStorageUri: string;
}

declare module '../api' {
  interface ExtensionApi {
    readonly wizard: WizardApi;
  }
}
