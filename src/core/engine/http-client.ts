// The engine's only door to the network: Web activities, token and Key Vault requests go through an HttpClient.
// The Node implementation trusts extra CA certificates (the emulator's) passed in, not process-wide.
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Abort the request after this many ms (ADF's Web activity default is 1 minute). */
  timeoutMs?: number;
  /** Skip TLS certificate validation (the Web activity's disableCertValidation). */
  disableCertValidation?: boolean;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  body: string;
}

export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
}

export interface NodeHttpClientOptions {
  /** PEM certificates to trust in addition to Node's default roots (e.g. the emulator's CA). */
  ca?: string | string[];
  /** Larger responses fail the request (ADF's Web activity limit is 4 MB). */
  maxResponseBytes?: number;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export function createNodeHttpClient(options: NodeHttpClientOptions = {}): HttpClient {
  const extraCa = options.ca === undefined ? [] : Array.isArray(options.ca) ? options.ca : [options.ca];
  const ca = extraCa.length ? [...tlsRootCertificates(), ...extraCa] : undefined;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  return { send: (request) => send(request, ca, maxBytes) };
}

/** Node's default trust: its root store plus NODE_EXTRA_CA_CERTS (an explicit `ca` option replaces both). */
function tlsRootCertificates(): string[] {
  const roots = [...tls.rootCertificates];
  const extraFile = process.env.NODE_EXTRA_CA_CERTS;
  if (extraFile) {
    try {
      roots.push(readFileSync(extraFile, 'utf8'));
    } catch {
      // Node itself warns about an unreadable NODE_EXTRA_CA_CERTS; nothing to add here.
    }
  }
  return roots;
}

function send(request: HttpRequest, ca: string[] | undefined, maxBytes: number): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      reject(new Error(`Invalid URL '${request.url}'.`));
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      reject(new Error(`Unsupported URL scheme '${url.protocol}' in '${request.url}': only http and https.`));
      return;
    }
    if (request.signal?.aborted) {
      reject(abortError());
      return;
    }
    const headers: Record<string, string | number> = { ...(request.headers ?? {}) };
    if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body);
    const requestOptions: https.RequestOptions = {
      method: request.method,
      headers,
      ...(url.protocol === 'https:' ? { ca, rejectUnauthorized: !request.disableCertValidation } : {}),
    };
    // Settles once: later events of a destroyed request or response are ignored.
    let settled = false;
    const req = (url.protocol === 'https:' ? https : http).request(url, requestOptions, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (settled) return;
        size += chunk.length;
        if (size > maxBytes) {
          fail(new Error(`The response of ${request.method} ${request.url} is larger than ${maxBytes} bytes.`));
          res.destroy();
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        if (settled) return;
        settled = true;
        cleanup();
        resolve({
          status: res.statusCode ?? 0,
          headers: flattenHeaders(res.headers),
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
      res.on('error', fail);
    });
    const stop = (error: Error): void => {
      fail(error);
      req.destroy();
    };
    const onAbort = (): void => stop(abortError());
    const timer = request.timeoutMs
      ? setTimeout(
          () => stop(new Error(`${request.method} ${request.url} timed out after ${request.timeoutMs} ms.`)),
          request.timeoutMs,
        )
      : undefined;
    request.signal?.addEventListener('abort', onAbort, { once: true });
    function cleanup(): void {
      if (timer) clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    }
    function fail(error: Error): void {
      if (settled) return;
      settled = true;
      cleanup();
      reject(error);
    }
    req.on('error', fail);
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function abortError(): Error {
  const error = new Error('The operation was aborted.');
  error.name = 'AbortError';
  return error;
}
