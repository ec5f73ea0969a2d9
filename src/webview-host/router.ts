// Every message from a webview passes its feature's checks before the feature sees it; a rejected one gets an
// error reply (when it has an id) and a line in the log, and nothing else happens.
import { messageIdOf, validateRequest, type ParamChecks, type ReplyMessage, type RequestOf } from './protocol';

export interface RouterLog {
  warn(message: string): void;
  error(message: string): void;
}

export interface RouteOptions<P> {
  checks: ParamChecks<P>;
  handle(request: RequestOf<P>): Promise<void>;
  log: RouterLog;
  /** Who sent it, for the log ("the wizard's webview"). */
  source: string;
  /** Runs before the reply is sent (to post the state the request produced first). */
  beforeReply?: () => void;
}

export async function routeRequest<P>(raw: unknown, options: RouteOptions<P>): Promise<ReplyMessage | undefined> {
  const { log, source } = options;
  const beforeReply = options.beforeReply ?? ((): void => undefined);
  const checked = validateRequest(raw, options.checks);
  if (!checked.ok) {
    log.warn(`Ignored an invalid message from ${source}: ${checked.error}`);
    const id = messageIdOf(raw);
    return id === undefined ? undefined : { type: 'reply', id, ok: false, error: `Invalid message: ${checked.error}` };
  }
  try {
    await options.handle(checked.value);
    beforeReply();
    return { type: 'reply', id: checked.value.id, ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(`"${checked.value.method}" from ${source} failed: ${message}`);
    beforeReply();
    return { type: 'reply', id: checked.value.id, ok: false, error: message };
  }
}
