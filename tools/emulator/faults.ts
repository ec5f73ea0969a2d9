// Injected faults and latency, matched by route (route id or a path regular expression) and method.

/** Which requests a rule applies to. Both fields optional: absent means any. */
export interface RequestMatch {
  /** A route id as shown in the request log (e.g. "ml.workspaces.listBySubscription"), or a
   * case-insensitive regular expression tested against the request path (e.g. "/workspaces$"). */
  route?: string;
  method?: string;
}

export type FaultKind = 'status' | 'reset' | 'hang';

export interface FaultRule extends RequestMatch {
  /** status: answer `status` (429, 500, 503...); reset: destroy the connection; hang: never answer. */
  kind: FaultKind;
  /** For kind "status". Default 503. */
  status?: number;
  /** Retry-After header in seconds for kind "status" (default 1 for 429 and 503, none otherwise). */
  retryAfterSeconds?: number;
  /** How many matching requests get the fault. Default 1. */
  count?: number;
}

export interface ActiveFault extends FaultRule {
  id: string;
  remaining: number;
  hits: number;
  /** Requests a `hang` fault holds open now: the client has not given up on them (timed out or aborted) yet. */
  held: number;
}

export interface LatencyRule extends RequestMatch {
  ms: number;
}

export interface MatchedRequest {
  routeId: string;
  method: string;
  path: string;
}

export function matches(rule: RequestMatch, request: MatchedRequest): boolean {
  if (rule.method && rule.method.toUpperCase() !== request.method.toUpperCase()) return false;
  if (!rule.route) return true;
  if (rule.route === request.routeId) return true;
  try {
    return new RegExp(rule.route, 'i').test(request.path);
  } catch {
    return false;
  }
}

/** Validates a fault rule from the control API; returns a problem or undefined. */
export function faultProblem(rule: Partial<FaultRule>): string | undefined {
  if (!['status', 'reset', 'hang'].includes(rule.kind as string)) return 'kind must be "status", "reset" or "hang"';
  if (rule.status !== undefined && (!Number.isInteger(rule.status) || rule.status < 400 || rule.status > 599))
    return 'status must be an integer from 400 to 599';
  if (rule.count !== undefined && (!Number.isInteger(rule.count) || rule.count < 1))
    return 'count must be a positive integer';
  if (
    rule.retryAfterSeconds !== undefined &&
    (typeof rule.retryAfterSeconds !== 'number' || rule.retryAfterSeconds < 0)
  )
    return 'retryAfterSeconds must be a number >= 0';
  return regexProblem(rule.route);
}

export function regexProblem(route: unknown): string | undefined {
  if (route === undefined) return undefined;
  if (typeof route !== 'string') return 'route must be a string';
  try {
    new RegExp(route, 'i');
    return undefined;
  } catch (error) {
    return `route is not a valid regular expression: ${(error as Error).message}`;
  }
}

export class FaultBook {
  private faults: ActiveFault[] = [];
  private latencies: LatencyRule[] = [];
  private nextId = 1;

  addFault(rule: FaultRule): ActiveFault {
    const fault: ActiveFault = { ...rule, id: `fault-${this.nextId++}`, remaining: rule.count ?? 1, hits: 0, held: 0 };
    this.faults.push(fault);
    return fault;
  }

  /** The fault for this request, consuming one of its remaining count. */
  take(request: MatchedRequest): ActiveFault | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && matches(f, request));
    if (!fault) return undefined;
    fault.remaining -= 1;
    fault.hits += 1;
    return { ...fault };
  }

  /** Counts a request a `hang` fault holds until its client closes it (`release`). */
  hold(id: string): () => void {
    const fault = this.faults.find((f) => f.id === id);
    if (fault) fault.held += 1;
    let released = false;
    return () => {
      if (fault && !released) fault.held -= 1;
      released = true;
    };
  }

  listFaults(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  addLatency(rule: LatencyRule): void {
    this.latencies.push({ ...rule });
  }

  /** Total latency (ms) to add to this request. */
  latencyFor(request: MatchedRequest): number {
    return this.latencies.filter((l) => matches(l, request)).reduce((sum, l) => sum + l.ms, 0);
  }

  listLatency(): LatencyRule[] {
    return this.latencies.map((l) => ({ ...l }));
  }

  clear(): void {
    this.faults = [];
    this.latencies = [];
  }

  clearFaults(): void {
    this.faults = [];
  }

  clearLatency(): void {
    this.latencies = [];
  }
}
