// Web: a real HTTP call. Output = the response JSON (or { Response: text }) plus ADFWebActivityResponseHeaders;
// a non-2xx status fails the activity with the response in the message. Follows ADF's asynchronous pattern
// (202 Accepted + Location: poll until the answer is not 202) unless turnOffAsync is set.
import type { ActivityContext, ActivityHandler } from '../activity-context';
import { abortableDelay } from '../clock';
import { entraRefusal } from '../entra-errors';
import { ActivityFailure, ErrorCodes } from '../errors';
import type { HttpResponse } from '../http-client';
import { parseTimespan } from '../../pipeline';
import { evaluateString, requireProperty, typeName, typeProperties } from './values';
import { authorizationHeader, maskAuthentication } from './web-authentication';

const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
const MAX_REQUEST_TIMEOUT_MS = 10 * 60_000;
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

export const webActivity: ActivityHandler = async (context) => {
  const properties = typeProperties(context);
  const url = evaluateString(context, requireProperty(context, 'url'), 'url');
  const method = evaluateString(context, requireProperty(context, 'method'), 'method').toUpperCase();
  if (!METHODS.includes(method))
    throw new ActivityFailure(
      `Activity '${context.activity.name}': method '${method}' is not one of ${METHODS.join(', ')}.`,
      ErrorCodes.badActivity,
    );
  const headers = evaluateHeaders(context, properties.headers);
  const body =
    method === 'GET' || properties.body === undefined ? undefined : bodyText(context.evaluate(properties.body, 'body'));
  const timeoutMs = requestTimeout(context, properties.httpRequestTimeout);
  context.setInput({
    method,
    url,
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(body !== undefined ? { body: parseOrText(body) } : {}),
    ...(properties.authentication
      ? { authentication: maskAuthentication(context.evaluate(properties.authentication, 'authentication')) }
      : {}),
  });

  const authorization = await authorizationHeader(context, properties.authentication);
  const sent: Record<string, string> = { ...headers };
  if (authorization) sent.authorization = authorization;
  if (body !== undefined && !Object.keys(sent).some((h) => h.toLowerCase() === 'content-type'))
    sent['content-type'] = 'application/json';
  const disableCertValidation = properties.disableCertValidation === true;

  let response = await call(context, { method, url, headers: sent, body, timeoutMs, disableCertValidation });
  if (properties.turnOffAsync !== true) {
    while (response.status === 202 && response.headers.location) {
      const location = new URL(response.headers.location, url).toString();
      await abortableDelay(retryAfterMs(response) ?? context.run.services.webAsyncPollMs, context.signal);
      const pollHeaders: Record<string, string> = authorization ? { authorization } : {};
      response = await call(context, {
        method: 'GET',
        url: location,
        headers: pollHeaders,
        body: undefined,
        timeoutMs,
        disableCertValidation,
      });
    }
  }
  const output = responseOutput(response);
  if (response.status < 200 || response.status > 299) {
    // A token endpoint refusing the credentials (the Authorize step): Entra ID's words, not its JSON.
    const refusal = response.status === 400 || response.status === 401 ? entraRefusal(response.body) : undefined;
    throw new ActivityFailure(
      refusal
        ? `Error calling the endpoint '${url}'. Response status code: ${response.status}. Entra ID refused the request: ${refusal}`
        : `Error calling the endpoint '${url}'. Response status code: ${response.status}. Response: ${truncate(response.body, 4000) || '(empty)'}`,
      ErrorCodes.webCallFailed,
      'UserError',
      output,
    );
  }
  return output;
};

interface CallOptions {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  timeoutMs: number;
  disableCertValidation: boolean;
}

async function call(context: ActivityContext, options: CallOptions): Promise<HttpResponse> {
  try {
    return await context.run.services.http.send({ ...options, signal: context.signal });
  } catch (error) {
    if (context.signal.aborted) throw error;
    throw new ActivityFailure(
      `Error calling the endpoint '${options.url}': ${(error as Error).message}`,
      ErrorCodes.webCallFailed,
    );
  }
}

function evaluateHeaders(context: ActivityContext, raw: unknown): Record<string, string> {
  if (raw === undefined || raw === null) return {};
  const value = context.evaluate(raw, 'headers');
  const headers: Record<string, string> = {};
  // Newer ADF JSON writes headers as a list of { name, value }.
  const entries = Array.isArray(value)
    ? (value as { name?: unknown; value?: unknown }[]).map((h) => [h?.name, h?.value] as const)
    : value && typeof value === 'object'
      ? Object.entries(value)
      : undefined;
  if (!entries)
    throw new ActivityFailure(
      `Activity '${context.activity.name}', headers: expected an object, got ${typeName(value)}.`,
      ErrorCodes.badActivity,
    );
  for (const [name, headerValue] of entries) {
    if (typeof name !== 'string' || !name) continue;
    headers[name] = typeof headerValue === 'string' ? headerValue : JSON.stringify(headerValue);
  }
  return headers;
}

function bodyText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function requestTimeout(context: ActivityContext, raw: unknown): number {
  if (raw === undefined || raw === null) return DEFAULT_REQUEST_TIMEOUT_MS;
  const text = evaluateString(context, raw, 'httpRequestTimeout');
  const ms = parseTimespan(text);
  if (ms === undefined || ms <= 0 || ms > MAX_REQUEST_TIMEOUT_MS) {
    throw new ActivityFailure(
      `Activity '${context.activity.name}': httpRequestTimeout '${text}' must be a timespan from 00:00:01 to 00:10:00.`,
      ErrorCodes.badActivity,
    );
  }
  return ms;
}

function responseOutput(response: HttpResponse): Record<string, unknown> {
  const parsed = response.body === '' ? undefined : parseOrText(response.body);
  const base =
    parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : parsed === undefined
        ? {}
        : { Response: parsed };
  return { ...base, ADFWebActivityResponseHeaders: response.headers };
}

function retryAfterMs(response: HttpResponse): number | undefined {
  const seconds = Number(response.headers['retry-after']);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 60) * 1000 : undefined;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}...` : text;
}
