// Route table: ARM-style patterns matched segment by segment, literals case-insensitive.
import type { Emulator } from './emulator';
import type { EmulatorRequest, Reply } from './http';
import type { TokenClaims } from './tokens';

/** entra: no token; arm: ARM audience token + api-version; ml: ML audience token; control/page: no token. */
export type RouteKind = 'entra' | 'arm' | 'ml' | 'control' | 'page';

export interface RouteContext {
  req: EmulatorRequest;
  params: Record<string, string>;
  /** Claims of the verified bearer token (arm and ml routes). */
  caller: TokenClaims;
  emulator: Emulator;
}

export interface Route {
  /** Stable id shown in the request log and usable in fault/latency rules. */
  id: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';
  /** e.g. `/subscriptions/{subscriptionId}/providers/Microsoft.MachineLearningServices/workspaces`.
   * A leading `{*scope}` matches any number of segments (ARM scopes). */
  pattern: string;
  kind: RouteKind;
  /** arm routes: accepted api-versions. */
  apiVersions?: readonly string[];
  /** arm routes: resource type named in api-version errors, e.g. `Microsoft.MachineLearningServices/workspaces`. */
  resourceType?: string;
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}

interface CompiledRoute {
  route: Route;
  scopeParam?: string;
  segments: Array<{ literal?: string; param?: string }>;
}

export type RouteMatch = { route: Route; params: Record<string, string> };

function compile(route: Route): CompiledRoute {
  const parts = route.pattern.split('/').slice(1);
  let scopeParam: string | undefined;
  if (parts[0]?.startsWith('{*')) scopeParam = parts.shift()!.slice(2, -1);
  const segments = parts.map((p) => (p.startsWith('{') ? { param: p.slice(1, -1) } : { literal: p.toLowerCase() }));
  return { route, scopeParam, segments };
}

function matchSegments(compiled: CompiledRoute, segments: string[]): Record<string, string> | undefined {
  const { segments: pattern, scopeParam } = compiled;
  if (scopeParam === undefined ? segments.length !== pattern.length : segments.length < pattern.length)
    return undefined;
  const offset = segments.length - pattern.length;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    const actual = segments[offset + i]!;
    if (expected.literal !== undefined) {
      if (expected.literal !== actual.toLowerCase()) return undefined;
    } else {
      if (actual === '') return undefined;
      params[expected.param!] = actual;
    }
  }
  if (scopeParam !== undefined) params[scopeParam] = '/' + segments.slice(0, offset).join('/');
  return params;
}

export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map(compile);
  }

  /** The matching route, or `methodMismatch` when only the path matched. */
  match(method: string, segments: string[]): RouteMatch | { methodMismatch: true; allowed: string[] } | undefined {
    const allowed: string[] = [];
    for (const c of this.compiled) {
      const params = matchSegments(c, segments);
      if (!params) continue;
      if (c.route.method === method) return { route: c.route, params };
      allowed.push(c.route.method);
    }
    return allowed.length > 0 ? { methodMismatch: true, allowed } : undefined;
  }
}
