// Typed client of the emulator's control API (/_emulator/...), for tests in any process.
import { request } from 'node:https';
import type { BatchJobStatus } from './batch-jobs';
import type { ActiveFault, FaultRule, LatencyRule } from './faults';
import type { RequestLogEntry } from './request-log';
import type { EmulatorCloud } from './emulator';
import type { EmulatorSeed } from './seed';
import type { JobDataEntry } from './world-types';

export type { ActiveFault, FaultRule, LatencyRule } from './faults';
export type { RequestLogEntry } from './request-log';

export interface ControlJob {
  name: string;
  workspaceId: string;
  endpoint: string;
  deployment: string;
  status: BatchJobStatus;
  polls: number;
  createdAt: string;
  inputs: Record<string, JobDataEntry>;
  outputs: Record<string, JobDataEntry>;
  submittedBy: string;
}

export interface ControlPipelineRun {
  runId: string;
  factoryId: string;
  pipelineName: string;
  status: string;
  message: string;
  runGroupId: string;
  activityRuns: Array<{ activityName: string; activityType: string; status: string }>;
}

export class EmulatorControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'EmulatorControlError';
  }
}

export interface EmulatorControlClientOptions {
  /** The emulator CA; not needed when the process trusts it (NODE_EXTRA_CA_CERTS). */
  caCertPem?: string;
}

export interface UserTokenRequest {
  /** User principal name or object id of a seeded user. */
  user: string;
  tenantId?: string;
  /** `https://management.azure.com/.default` or the audience itself. */
  scope: string;
  /** true: the user went through the interactive sign-in (grants the tenant's consent). */
  interactive?: boolean;
  /** The client application (default VS Code's). */
  appId?: string;
  lifetimeSeconds?: number;
}

export interface UserTokenAnswer {
  accessToken: string;
  /** Seconds since the epoch. */
  expiresOn: number;
  tenantId: string;
  account: { objectId: string; userPrincipalName: string; displayName: string; homeTenantId: string };
}

export class EmulatorControlClient {
  constructor(
    readonly url: string,
    private readonly options: EmulatorControlClientOptions = {},
  ) {}

  health(): Promise<{ url: string; cloud: EmulatorCloud; pageSize: number; timeScale: number }> {
    return this.call('GET', 'health');
  }

  /** Back to the seed; clears faults, latency, the request log, runs and jobs. */
  async reset(): Promise<void> {
    await this.call('POST', 'reset');
  }

  /** Replaces the seed (and resets). Rejects with the seed's problems when invalid. */
  async setSeed(seed: EmulatorSeed): Promise<void> {
    await this.call('POST', 'seed', seed);
  }

  getSeed(): Promise<EmulatorSeed> {
    return this.call('GET', 'seed');
  }

  addFault(rule: FaultRule): Promise<ActiveFault> {
    return this.call('POST', 'faults', rule);
  }

  async listFaults(): Promise<ActiveFault[]> {
    return (await this.call<{ faults: ActiveFault[] }>('GET', 'faults')).faults;
  }

  /** One active fault as it is now (its hits, and for a hang the requests it holds open). */
  async fault(id: string): Promise<ActiveFault> {
    const found = (await this.listFaults()).find((f) => f.id === id);
    if (!found) throw new Error(`no fault ${id}`);
    return found;
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', 'faults');
  }

  async addLatency(rule: LatencyRule): Promise<void> {
    await this.call('POST', 'latency', rule);
  }

  async clearLatency(): Promise<void> {
    await this.call('DELETE', 'latency');
  }

  /** Logged requests (control calls excluded), optionally only those after `since` (an entry's seq). */
  async requests(since = 0): Promise<RequestLogEntry[]> {
    return (await this.call<{ requests: RequestLogEntry[] }>('GET', `requests?since=${since}`)).requests;
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', 'requests');
  }

  async jobs(): Promise<ControlJob[]> {
    return (await this.call<{ jobs: ControlJob[] }>('GET', 'jobs')).jobs;
  }

  async pipelineRuns(): Promise<ControlPipelineRun[]> {
    return (await this.call<{ runs: ControlPipelineRun[] }>('GET', 'pipeline-runs')).runs;
  }

  /** Runs pipeline runs with the local engine (activities really run) or the default executor. */
  async setPipelineRunExecutor(executor: 'engine' | 'default'): Promise<void> {
    await this.call('POST', 'pipeline-run-executor', { executor });
  }

  /** A signed token for any audience; a negative lifetime gives an expired one. */
  async mintToken(input: {
    audience: string;
    tenantId?: string;
    objectId?: string;
    appId?: string;
    lifetimeSeconds?: number;
  }): Promise<string> {
    return (await this.call<{ accessToken: string }>('POST', 'token', input)).accessToken;
  }

  /**
   * A seeded user's token (default tenant: the user's home tenant). Rejects with an EmulatorControlError whose
   * `body` is Entra ID's error (`error_codes` 65001 with `suberror: consent_required` until an interactive
   * sign-in to that tenant, 50020 for a tenant the user is not a member of).
   */
  async userToken(input: UserTokenRequest): Promise<UserTokenAnswer> {
    return this.call<UserTokenAnswer>('POST', 'user-token', input);
  }

  async managedIdentityToken(input: {
    subscriptionId: string;
    resourceGroup: string;
    factory: string;
    resource: string;
    credential?: string;
  }): Promise<string> {
    return (await this.call<{ accessToken: string }>('POST', 'managed-identity-token', input)).accessToken;
  }

  private call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<T>((resolve, reject) => {
      const req = request(
        `${this.url}/_emulator/${path}`,
        {
          method,
          agent: false,
          ca: this.options.caCertPem,
          headers:
            payload === undefined
              ? {}
              : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = undefined;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              parsed = text;
            }
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve(parsed as T);
            else {
              const message = (parsed as { error?: { message?: string } } | undefined)?.error?.message ?? text;
              reject(
                new EmulatorControlError(
                  status,
                  `Emulator control ${method} /_emulator/${path} answered ${status}: ${message}`,
                  parsed,
                ),
              );
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
}
