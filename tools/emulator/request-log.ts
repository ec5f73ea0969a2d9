// The request log of the control API. It never holds Authorization values, secrets or bodies.

export interface RequestLogEntry {
  /** Increasing number, usable as `since` to read only later entries. */
  seq: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Route id (e.g. "adf.pipelines.createOrUpdate"), "control.*", or "unmatched". */
  routeId: string;
  /** Status sent; 0 when the connection was reset or the request hung. */
  status: number;
  durationMs: number;
  /** Injected fault, if any: "status:429", "reset", "hang". */
  fault?: string;
  /**
   * Who called, from a valid bearer token (never the token itself); `tokenId` is the token's `uti` claim, which
   * tells tests which token a request carried (a renewed token has a new one).
   */
  caller?: { tenantId: string; objectId: string; appId: string; audience: string; tokenId: string };
  /** A few non-sensitive request headers. */
  headers: Record<string, string>;
}

const LOGGED_HEADERS = [
  'content-type',
  'if-match',
  'if-none-match',
  'azureml-model-deployment',
  'user-agent',
  'x-ms-client-request-id',
];
const SECRET_QUERY = /secret|password|sig|assertion|^code$|token$/i;
const MAX_ENTRIES = 5000;

export function loggedHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of LOGGED_HEADERS) {
    const value = headers[name];
    if (value !== undefined) result[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return result;
}

export function loggedQuery(query: URLSearchParams): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of query) result[key] = SECRET_QUERY.test(key) && key !== '$skipToken' ? '<redacted>' : value;
  return result;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  add(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const full = { ...entry, seq: ++this.seq };
    this.entries.push(full);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return full;
  }

  list(since = 0): RequestLogEntry[] {
    return this.entries.filter((e) => e.seq > since);
  }

  clear(): void {
    this.entries = [];
  }
}
