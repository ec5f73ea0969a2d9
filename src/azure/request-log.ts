// One debug line per Azure request attempt in the extension's log (the request ids are what Azure support asks for).
import type { Log } from '../log';
import type { RequestLogEntry } from './sdk/policies';

export function logRequest(log: Log, entry: RequestLogEntry): void {
  const ids = [
    entry.requestId && `x-ms-request-id ${entry.requestId}`,
    entry.correlationId && `x-ms-correlation-request-id ${entry.correlationId}`,
  ]
    .filter(Boolean)
    .join(', ');
  const outcome = entry.status !== undefined ? String(entry.status) : `failed (${entry.error ?? 'no answer'})`;
  log.debug(`${entry.method} ${entry.url} ${outcome} in ${entry.durationMs} ms${ids ? ` [${ids}]` : ''}`);
}
