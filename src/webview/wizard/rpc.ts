// The webview's side of the message contract: requests with ids, replies matched back, state pushed by the
// extension. Only messages that pass isExtensionMessage are read.
import { isExtensionMessage, type PersistedWebviewState, type ReplyMessage, type RequestMethod, type RequestParams, type WizardViewState } from '../../shared/wizard-messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export class WizardRpc {
  private readonly vscode: VsCodeApi = acquireVsCodeApi();
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: ReplyMessage) => void>();

  constructor(private readonly onState: (state: WizardViewState) => void) {
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isExtensionMessage(message)) return;
      if (message.type === 'state') this.onState(message.state);
      else {
        this.waiting.get(message.id)?.(message);
        this.waiting.delete(message.id);
      }
    });
  }

  request<M extends RequestMethod>(method: M, params: RequestParams[M]): Promise<ReplyMessage> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.vscode.postMessage({ type: 'request', id, method, params });
    });
  }

  persisted(): PersistedWebviewState | undefined {
    const state = this.vscode.getState() as PersistedWebviewState | undefined;
    return state && typeof state === 'object' && 'form' in state ? state : undefined;
  }

  persist(state: PersistedWebviewState): void {
    this.vscode.setState(state);
  }
}
