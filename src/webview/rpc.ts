// The webview's side of the message envelope (src/webview-host/protocol.ts), for any feature: requests with ids,
// replies matched back, state pushed by the extension. Only messages that pass isHostMessage are read.
import { isHostMessage, type ReplyMessage } from '../webview-host/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** `P` maps each request method to its parameters, `S` is the view state the extension pushes. */
export class WebviewRpc<P, S> {
  private readonly vscode: VsCodeApi = acquireVsCodeApi();
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: ReplyMessage) => void>();

  constructor(private readonly onState: (state: S) => void) {
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isHostMessage<S>(message)) return;
      if (message.type === 'state') this.onState(message.state);
      else {
        this.waiting.get(message.id)?.(message);
        this.waiting.delete(message.id);
      }
    });
  }

  request<M extends keyof P & string>(method: M, params: P[M]): Promise<ReplyMessage> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.vscode.postMessage({ type: 'request', id, method, params });
    });
  }

  /** What setState kept before a reload, when `accept` recognises it. */
  persisted<T>(accept: (value: unknown) => value is T): T | undefined {
    const state = this.vscode.getState();
    return accept(state) ? state : undefined;
  }

  persist(state: unknown): void {
    this.vscode.setState(state);
  }
}
