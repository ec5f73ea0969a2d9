// The HTTP side: parse, route, apply latency and faults, authenticate, answer, log.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { authenticate } from './auth';
import { controlRoutes } from './control';
import type { Emulator } from './emulator';
import { armError, mlError } from './errors';
import type { ActiveFault } from './faults';
import { ReplyError, type EmulatorRequest, type Reply } from './http';
import { loggedHeaders, loggedQuery, type RequestLogEntry } from './request-log';
import { Router, type Route, type RouteMatch } from './router';
import { authorizationRoutes } from './routes/arm-authorization';
import { dataFactoryRoutes } from './routes/arm-datafactory';
import { managedIdentityRoutes } from './routes/arm-managed-identity';
import { mlRoutes } from './routes/arm-ml';
import { subscriptionRoutes } from './routes/arm-subscriptions';
import { matchDataPlane } from './routes/batch-jobs';
import { entraRoutes } from './routes/entra';
import type { TokenClaims } from './tokens';

const MAX_BODY = 16 * 1024 * 1024;

export class RequestHandler {
  private readonly router = new Router([
    ...entraRoutes(),
    ...subscriptionRoutes(),
    ...mlRoutes(),
    ...dataFactoryRoutes(),
    ...authorizationRoutes(),
    ...managedIdentityRoutes(),
  ]);
  private readonly control = new Router(controlRoutes());
  /** Requests held open by "hang" faults, released on stop. */
  readonly hanging = new Set<ServerResponse>();

  constructor(private readonly emulator: Emulator) {}

  async handle(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    let req: EmulatorRequest;
    try {
      req = await readRequest(incoming);
    } catch (error) {
      send(res, armError(413, 'RequestTooLarge', (error as Error).message));
      return;
    }
    if (req.path.startsWith('/_emulator/')) {
      const reply = await this.run(this.control.match(req.method, req.segments), req, undefined);
      send(res, reply);
      return;
    }
    const match = this.resolve(req);
    const routeId = match && 'route' in match ? match.route.id : 'unmatched';
    const entry: Omit<RequestLogEntry, 'seq' | 'status' | 'durationMs'> = {
      time: new Date(started).toISOString(),
      method: req.method,
      path: req.path,
      query: loggedQuery(req.query),
      routeId,
      headers: loggedHeaders(req.headers),
    };
    const log = (status: number, extra: Partial<RequestLogEntry> = {}): void => {
      this.emulator.log.add({ ...entry, ...extra, status, durationMs: Date.now() - started });
    };

    const probe = { routeId, method: req.method, path: req.path };
    const delay = this.emulator.faults.latencyFor(probe);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const fault = this.emulator.faults.take(probe);
    if (fault) {
      this.inject(fault, res, match && 'route' in match ? match.route : undefined);
      log(fault.kind === 'status' ? (fault.status ?? 503) : 0, {
        fault: fault.kind === 'status' ? `status:${fault.status ?? 503}` : fault.kind,
      });
      return;
    }

    let caller: TokenClaims | undefined;
    const reply = await this.run(match, req, (claims) => (caller = claims));
    send(res, reply);
    log(
      reply.status,
      caller
        ? {
            caller: {
              tenantId: caller.tid,
              objectId: caller.oid,
              appId: caller.appid,
              audience: caller.aud,
              tokenId: caller.uti,
            },
          }
        : {},
    );
  }

  private resolve(req: EmulatorRequest): ReturnType<Router['match']> {
    return (
      matchDataPlane(this.emulator.world.endpointsByScoringPath, req.path, req.method) ??
      this.router.match(req.method, req.segments)
    );
  }

  /** Runs the matched route with its checks; every failure becomes a reply. */
  private async run(
    match: ReturnType<Router['match']>,
    req: EmulatorRequest,
    onCaller: ((claims: TokenClaims) => void) | undefined,
  ): Promise<Reply> {
    try {
      if (req.segments.slice(0, -1).some((s) => s === '')) {
        // What ARM answers for `//subscriptions/...` (a scope passed with a leading slash).
        return armError(
          400,
          'MissingSubscription',
          'The request did not have a subscription or a valid tenant level resource provider.',
        );
      }
      if (!match) return this.unmatched(req);
      if ('methodMismatch' in match) {
        return armError(
          405,
          'MethodNotAllowed',
          `The emulator does not support ${req.method} on ${req.path}; it supports ${match.allowed.join(', ')}.`,
          { Allow: match.allowed.join(', ') },
        );
      }
      return await this.invoke(match, req, onCaller);
    } catch (error) {
      if (error instanceof ReplyError) return error.reply;
      console.error(`[emulator] ${req.method} ${req.path} failed:`, error);
      return armError(500, 'InternalServerError', `The emulator failed: ${(error as Error).message}`);
    }
  }

  private async invoke(
    { route, params }: RouteMatch,
    req: EmulatorRequest,
    onCaller: ((claims: TokenClaims) => void) | undefined,
  ): Promise<Reply> {
    let caller: TokenClaims | undefined;
    if (route.kind === 'arm' || route.kind === 'ml') {
      caller = authenticate(this.emulator, req, route.kind);
      onCaller?.(caller);
    }
    if (route.kind === 'arm') checkApiVersion(route, req);
    const reply = await route.handle({ req, params, caller: caller!, emulator: this.emulator });
    if (route.kind === 'arm') {
      const requestId = randomUUID();
      reply.headers = { 'x-ms-request-id': requestId, 'x-ms-correlation-request-id': requestId, ...reply.headers };
    }
    return reply;
  }

  private unmatched(req: EmulatorRequest): Reply {
    if (req.path.startsWith('/portal') || req.path.startsWith('/studio')) return emulatedPage(req.path);
    if (req.path.startsWith('/ml/')) {
      return mlError(
        404,
        'NotFound',
        `No batch endpoint answers ${req.method} ${this.emulator.url}${req.path}: POST {scoringUri} submits a job, GET {scoringUri}/{job name} reads one.`,
      );
    }
    return armError(
      404,
      'NotFound',
      `The emulator has no route for ${req.method} ${req.path}. See docs/emulator.md for the routes it implements.`,
    );
  }

  private inject(fault: ActiveFault, res: ServerResponse, route: Route | undefined): void {
    if (fault.kind === 'reset') {
      res.socket?.destroy();
      return;
    }
    if (fault.kind === 'hang') {
      this.hanging.add(res);
      const release = this.emulator.faults.hold(fault.id);
      res.on('close', () => {
        this.hanging.delete(res);
        release();
      });
      return;
    }
    const status = fault.status ?? 503;
    const retryAfter = fault.retryAfterSeconds ?? (status === 429 || status === 503 ? 1 : undefined);
    const headers: Record<string, string> = retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
    const code =
      status === 429
        ? 'TooManyRequests'
        : status === 503
          ? 'ServiceUnavailable'
          : status === 500
            ? 'InternalServerError'
            : 'InjectedFault';
    const message = `Injected fault (${fault.id}): HTTP ${status}.`;
    send(
      res,
      route?.kind === 'ml' ? { ...mlError(status, code, message), headers } : armError(status, code, message, headers),
    );
  }
}

function checkApiVersion(route: Route, req: EmulatorRequest): void {
  const version = req.query.get('api-version');
  const supported = route.apiVersions ?? [];
  if (!version)
    throw new ReplyError(
      armError(
        400,
        'MissingApiVersionParameter',
        'The api-version query parameter (?api-version=) is required for all requests.',
      ),
    );
  if (supported.includes(version)) return;
  if (route.resourceType === 'Microsoft.Resources') {
    throw new ReplyError(
      armError(
        400,
        'InvalidApiVersionParameter',
        `The api-version '${version}' is invalid. The supported versions are '${supported.join(',')}'.`,
      ),
    );
  }
  throw new ReplyError(
    armError(
      400,
      'NoRegisteredProviderFound',
      `No registered resource provider found for location 'global' and API version '${version}' for type '${route.resourceType}'. The supported api-versions are '${supported.join(', ')}'.`,
    ),
  );
}

function emulatedPage(path: string): Reply {
  const title = path.startsWith('/portal') ? 'Azure portal' : 'Azure Machine Learning studio';
  const escaped = path.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: `<!doctype html><title>${title}</title><h1>${title} (emulated)</h1><p>${escaped}</p>`,
  };
}

function readRequest(incoming: IncomingMessage): Promise<EmulatorRequest> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error(`The request body is larger than ${MAX_BODY} bytes.`));
        incoming.destroy();
        return;
      }
      chunks.push(chunk);
    });
    incoming.on('error', reject);
    incoming.on('end', () => {
      // Not `new URL(incoming.url, base)`: a path starting with '//' would be read as a host name.
      const raw = incoming.url ?? '/';
      const queryAt = raw.indexOf('?');
      const path = queryAt < 0 ? raw : raw.slice(0, queryAt);
      const query = new URLSearchParams(queryAt < 0 ? '' : raw.slice(queryAt + 1));
      const segments = path
        .split('/')
        .slice(1)
        .map((s) => {
          try {
            return decodeURIComponent(s);
          } catch {
            return s;
          }
        });
      resolve({
        method: (incoming.method ?? 'GET').toUpperCase(),
        path,
        segments,
        query,
        headers: incoming.headers,
        body: Buffer.concat(chunks),
      });
    });
  });
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | undefined;
  if (reply.body !== undefined) {
    if (typeof reply.body === 'string') payload = reply.body;
    else {
      payload = JSON.stringify(reply.body);
      headers['Content-Type'] ??= 'application/json; charset=utf-8';
    }
  }
  headers['Content-Length'] = String(payload === undefined ? 0 : Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}
