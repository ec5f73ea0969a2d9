// The pipeline policies every Azure request of the extension goes through (ARM, Entra ID through @azure/identity, the
// wizard's raw ARM calls): a per-attempt timeout that hands a hung request to the SDK's retry policy as a retryable
// ETIMEDOUT, and a debug log line per attempt with method, URL (query values masked), status, duration and request ids.
import type { CommonClientOptions } from '@azure/core-client';
import { RestError, type PipelinePolicy, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { TIMEOUT_NOT_RETRIED } from '../../core/azure';

/** One attempt of one request, as logged. */
export interface RequestLogEntry {
  method: string;
  /** The URL with every query value but api-version masked. */
  url: string;
  status?: number;
  durationMs: number;
  requestId?: string;
  correlationId?: string;
  error?: string;
}

export interface RequestPolicyOptions {
  /** Milliseconds one attempt may take (read per request, so a settings change applies at once); 0 means none. */
  timeoutMs: () => number;
  onRequest?: (entry: RequestLogEntry) => void;
}

/** The message a request that got no answer ends with (after the retries). */
export function timeoutMessage(timeoutMs: number): string {
  return `Azure did not answer in ${Math.round(timeoutMs / 100) / 10} s`;
}

/**
 * Requests that must not be sent twice: a timed-out attempt may have reached Azure, so a retry could start a second
 * pipeline run (createRun is a POST without an idempotency key).
 */
function isNotRepeatable(request: PipelineRequest): boolean {
  if (request.method !== 'POST') return false;
  try {
    return /\/createRun$/i.test(new URL(request.url).pathname);
  } catch {
    return false;
  }
}

/**
 * Aborts one attempt after the timeout and throws a RestError with code ETIMEDOUT, which the retry policy retries,
 * except for a request that must not be sent twice (TIMEOUT_NOT_RETRIED, with a message saying it may have run).
 */
export function requestTimeoutPolicy(timeoutMs: () => number): PipelinePolicy {
  return {
    name: 'adfBatchRequestTimeout',
    async sendRequest(request: PipelineRequest, next): Promise<PipelineResponse> {
      const ms = timeoutMs();
      if (!(ms > 0)) return next(request);
      const caller = request.abortSignal;
      const timer = new AbortController();
      const handle = setTimeout(() => timer.abort(), ms);
      const onCallerAbort = (): void => timer.abort();
      caller?.addEventListener('abort', onCallerAbort);
      if (caller?.aborted) timer.abort();
      request.abortSignal = timer.signal;
      try {
        return await next(request);
      } catch (error) {
        if (timer.signal.aborted && !caller?.aborted) {
          if (isNotRepeatable(request))
            throw new RestError(
              `${timeoutMessage(ms)}; the run may have started: look in the Pipeline Runs view or ADF Studio before starting it again`,
              { code: TIMEOUT_NOT_RETRIED, request },
            );
          throw new RestError(timeoutMessage(ms), { code: 'ETIMEDOUT', request });
        }
        throw error;
      } finally {
        clearTimeout(handle);
        caller?.removeEventListener('abort', onCallerAbort);
        // The retry policy checks the caller's signal: a timeout must not look like a cancellation to it.
        request.abortSignal = caller;
      }
    },
  };
}

/** Reports every attempt (after it ended) to `onRequest`. */
export function requestLogPolicy(onRequest: (entry: RequestLogEntry) => void): PipelinePolicy {
  return {
    name: 'adfBatchRequestLog',
    async sendRequest(request: PipelineRequest, next): Promise<PipelineResponse> {
      const started = Date.now();
      const base = { method: request.method, url: maskedUrl(request.url) };
      try {
        const response = await next(request);
        onRequest({ ...base, status: response.status, durationMs: Date.now() - started, ...idsOf(response) });
        return response;
      } catch (error) {
        const response = (error as { response?: PipelineResponse }).response;
        onRequest({
          ...base,
          durationMs: Date.now() - started,
          error: error instanceof Error ? error.message : String(error),
          ...(response ? { status: response.status, ...idsOf(response) } : {}),
        });
        throw error;
      }
    },
  };
}

/** Client options carrying both policies, for SDK clients and @azure/identity credentials alike. */
export function requestPolicyOptions(
  options: RequestPolicyOptions,
  base: CommonClientOptions = {},
): CommonClientOptions {
  return {
    ...base,
    additionalPolicies: [
      ...(base.additionalPolicies ?? []),
      // Per retry, so each attempt gets its own timeout and log line; the log wraps the timeout to see its error.
      ...(options.onRequest ? [{ policy: requestLogPolicy(options.onRequest), position: 'perRetry' as const }] : []),
      { policy: requestTimeoutPolicy(options.timeoutMs), position: 'perRetry' as const },
    ],
  };
}

/** The URL without query values (they may carry secrets such as SAS signatures), api-version kept. */
export function maskedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.split('?')[0];
  }
  for (const key of [...parsed.searchParams.keys()]) {
    if (key.toLowerCase() !== 'api-version') parsed.searchParams.set(key, '***');
  }
  return parsed.toString();
}

function idsOf(response: PipelineResponse): { requestId?: string; correlationId?: string } {
  const requestId = response.headers.get('x-ms-request-id');
  const correlationId = response.headers.get('x-ms-correlation-request-id');
  return { ...(requestId ? { requestId } : {}), ...(correlationId ? { correlationId } : {}) };
}
