// Turns whatever the SDK, @azure/identity or the network threw into one clear message for the tree.
// Duck-typed on purpose: RestError and the identity errors are not imported so this stays light.
import * as l10n from '@vscode/l10n';

export interface AzureErrorInfo {
  /** The service's own message (or the closest thing to it), one line. */
  message: string;
  /** What the user can do about it, when we know. */
  hint?: string;
  statusCode?: number;
  code?: string;
}

const TIMEOUT_MESSAGE = /^Azure did not answer in [\d.]+ s/;
/** A function, not a constant: l10n.t must run after the host has configured the bundle. */
function timeoutHint(): string {
  return l10n.t('Retry in a moment (a slow network may need a larger adfBatchEndpoints.requestTimeoutSeconds).');
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  statusCode?: unknown;
  details?: unknown;
  response?: { bodyAsText?: unknown; status?: unknown };
}

/** Normalises an error from an Azure call. Never throws. */
export function describeAzureError(error: unknown): AzureErrorInfo {
  if (typeof error !== 'object' || error === null) {
    return { message: String(error) };
  }
  const e = error as ErrorLike;
  const statusCode =
    typeof e.statusCode === 'number'
      ? e.statusCode
      : typeof e.response?.status === 'number'
        ? e.response.status
        : undefined;
  const body = parseArmErrorBody(e.response?.bodyAsText);
  const code = body?.code ?? (typeof e.code === 'string' ? e.code : undefined);
  const message = oneLine(
    body?.message ?? (typeof e.message === 'string' && e.message ? e.message : String(e.name ?? 'Unknown error')),
  );
  // A request our timeout policy gave up on (after the SDK's retries): its message says it all.
  if (code === 'ETIMEDOUT' && TIMEOUT_MESSAGE.test(message)) return { message, hint: timeoutHint() };
  // One that must not be sent twice (a pipeline run): its message says what to check before trying again.
  if (code === TIMEOUT_NOT_RETRIED && TIMEOUT_MESSAGE.test(message)) return { message };
  const info: AzureErrorInfo = { message, statusCode, code };
  const hint = hintFor(statusCode, code, typeof e.name === 'string' ? e.name : undefined, message);
  if (hint) info.hint = hint;
  return info;
}

/** The code of a timed-out request the SDK must not retry, because it may have been carried out (createRun). */
export const TIMEOUT_NOT_RETRIED = 'ETIMEDOUT_NOT_RETRIED';

/** A request the request timeout gave up on (after the SDK's retries): trying again later may work. */
export function isRequestTimeout(error: unknown): boolean {
  const e = error as ErrorLike | undefined;
  return e?.code === 'ETIMEDOUT' && typeof e.message === 'string' && TIMEOUT_MESSAGE.test(e.message);
}

/** "Forbidden (403): <message>" style text for a tree node or a notification. */
export function formatAzureError(info: AzureErrorInfo): string {
  const prefix = info.statusCode ? `${statusText(info.statusCode)} (${info.statusCode})` : info.code;
  const head = prefix && !info.message.startsWith(prefix) ? `${prefix}: ${info.message}` : info.message;
  return info.hint ? `${head} ${info.hint}` : head;
}

function hintFor(
  status: number | undefined,
  code: string | undefined,
  name: string | undefined,
  message: string,
): string | undefined {
  if (status === 401) {
    return l10n.t(
      'Your sign-in was not accepted: sign in again, and check that adfBatchEndpoints.cloud matches the cloud of your account.',
    );
  }
  if (status === 403) {
    return l10n.t(
      'Your account lacks permission here: ask an owner for the Reader role (or AzureML Data Scientist) on this scope, or hide this subscription with "Select Subscriptions...".',
    );
  }
  if (status === 404) return l10n.t('It may have been deleted: refresh the tree.');
  if (status === 429) return l10n.t('Azure is throttling requests: wait a minute, then retry.');
  if (status !== undefined && status >= 500) return l10n.t('Azure had a problem answering: retry in a moment.');
  if (name === 'CredentialUnavailableError') {
    return /az login|Azure CLI/i.test(message)
      ? l10n.t('Run "az login" in a terminal, then refresh.')
      : l10n.t('Sign in again.');
  }
  if (name === 'AuthenticationError' || name === 'AggregateAuthenticationError') {
    return l10n.t(
      'Check the tenant, client id and secret of the service principal (command "Set Service Principal Secret").',
    );
  }
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'ECONNRESET') {
    return l10n.t('Azure could not be reached: check your network and adfBatchEndpoints.cloud.');
  }
  if (
    code === 'SELF_SIGNED_CERT_IN_CHAIN' ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT'
  ) {
    return l10n.t('The server certificate is not trusted: for a private cloud, give its CA to NODE_EXTRA_CA_CERTS.');
  }
  return undefined;
}

/** ARM error bodies: {"error": {"code", "message"}} (sometimes without the wrapper). */
function parseArmErrorBody(text: unknown): { code?: string; message?: string } | undefined {
  if (typeof text !== 'string' || !text.trim().startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(text) as {
      error?: { code?: unknown; message?: unknown };
      code?: unknown;
      message?: unknown;
    };
    const inner = parsed.error ?? parsed;
    const code = typeof inner.code === 'string' ? inner.code : undefined;
    const message = typeof inner.message === 'string' ? inner.message : undefined;
    return code || message ? { code, message } : undefined;
  } catch {
    return undefined;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function statusText(status: number): string {
  const names: Record<number, string> = {
    400: 'Bad request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not found',
    409: 'Conflict',
    429: 'Too many requests',
    500: 'Internal server error',
    502: 'Bad gateway',
    503: 'Service unavailable',
    504: 'Gateway timeout',
  };
  return names[status] ?? `HTTP ${status}`;
}
