// Every message from the webview passes the shared validator before the controller sees it; a rejected one gets
// an error reply (when it has an id) and a line in the log, and nothing else happens.
import { messageIdOf, validateWebviewMessage } from './protocol-checks';
import type { ReplyMessage, WebviewRequest } from './protocol';
import type { WizardLog } from './services';

export interface RouterTarget {
  handle(request: WebviewRequest): Promise<void>;
}

export async function routeWebviewMessage(raw: unknown, target: RouterTarget, log: WizardLog, beforeReply: () => void = () => undefined): Promise<ReplyMessage | undefined> {
  const checked = validateWebviewMessage(raw);
  if (!checked.ok) {
    log.warn(`Ignored an invalid message from the wizard's webview: ${checked.error}`);
    const id = messageIdOf(raw);
    return id === undefined ? undefined : { type: 'reply', id, ok: false, error: `Invalid message: ${checked.error}` };
  }
  try {
    await target.handle(checked.value);
    beforeReply();
    return { type: 'reply', id: checked.value.id, ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(`The wizard failed on "${checked.value.method}": ${message}`);
    beforeReply();
    return { type: 'reply', id: checked.value.id, ok: false, error: message };
  }
}
