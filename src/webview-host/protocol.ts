// The one message envelope between the extension and any of its webviews (modelled on vscode-pull-request-github):
// the webview sends requests with ids, the extension answers each with a reply and pushes its view state. A feature
// describes its requests as a `{ method: params }` map and a check per method (its own protocol.ts); every request
// passes validateRequest before the extension acts on it. Imported by both sides: no `vscode`, no DOM.
import { InvalidMessage, integer, oneOf, plainObject, type Check } from './checks';

/** The id of the JSON element of a webview's HTML that carries the extension's l10n bundle (src/webview/l10n.ts). */
export const L10N_ELEMENT_ID = 'l10n-bundle';

export type RequestOf<P> = {
  [M in keyof P & string]: { type: 'request'; id: number; method: M; params: P[M] };
}[keyof P & string];

export type ParamChecks<P> = { [M in keyof P]: Check<P[M]> };

export interface ReplyMessage {
  type: 'reply';
  id: number;
  ok: boolean;
  error?: string;
}

export interface StateMessage<S> {
  type: 'state';
  state: S;
}

/** What the extension posts to a webview. */
export type HostMessage<S> = ReplyMessage | StateMessage<S>;

export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

/** Validates a request from a webview against the feature's checks; the extension acts only on `ok`. Never throws. */
export function validateRequest<P>(message: unknown, checks: ParamChecks<P>): Validation<RequestOf<P>> {
  try {
    const object = plainObject(message, 'message');
    if (object.type !== 'request') throw new InvalidMessage('message.type must be "request"');
    const id = integer(0, Number.MAX_SAFE_INTEGER)(object.id, 'message.id');
    const method = oneOf(Object.keys(checks))(object.method, 'message.method') as keyof P & string;
    const extra = Object.keys(object).filter((k) => !['type', 'id', 'method', 'params'].includes(k));
    if (extra.length > 0) throw new InvalidMessage(`message has unknown field ${extra[0]}`);
    const params = (checks[method] as Check<unknown>)(object.params, 'message.params');
    return { ok: true, value: { type: 'request', id, method, params } as RequestOf<P> };
  } catch (error) {
    if (error instanceof InvalidMessage) return { ok: false, error: error.message };
    return { ok: false, error: `message could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The id of a message that failed validation, when it has a usable one (to send the error reply). */
export function messageIdOf(message: unknown): number | undefined {
  const id = (message as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : undefined;
}

/** Validates a message from the extension (the webview's side of the envelope). */
export function isHostMessage<S>(message: unknown): message is HostMessage<S> {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as { type?: unknown; id?: unknown; ok?: unknown; state?: unknown };
  if (m.type === 'reply') return typeof m.id === 'number' && typeof m.ok === 'boolean';
  if (m.type === 'state') return typeof m.state === 'object' && m.state !== null;
  return false;
}
