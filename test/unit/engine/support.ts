// Test helpers for the engine: an in-memory HTTP stub (ONLY at the HTTP boundary), a recording identity, and
// small builders for pipelines and activities.
import { defaultExpressionEvaluator } from '../../../src/core/engine/expression-adapter';
import type { HttpClient, HttpRequest, HttpResponse } from '../../../src/core/engine/http-client';
import type { IdentityResolver, KeyVaultSecretRequest, TokenRequest } from '../../../src/core/engine/identity';
import { PipelineEngine, type PipelineEngineOptions } from '../../../src/core/engine/pipeline-engine';
import type {
  ActivityDefinition,
  ActivityRunRecord,
  PipelineDefinition,
  PipelineRunRecord,
} from '../../../src/core/engine/types';

export type Route = (
  request: HttpRequest,
) => (Partial<HttpResponse> & { status: number }) | Promise<Partial<HttpResponse> & { status: number }>;

/** Answers requests from a function and remembers them. */
export class StubHttp implements HttpClient {
  readonly requests: HttpRequest[] = [];
  constructor(private readonly route: Route) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    this.requests.push(request);
    if (request.signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    const answer = await this.route(request);
    return { status: answer.status, headers: answer.headers ?? {}, body: answer.body ?? '' };
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** Hands out fake tokens and secrets, and records who asked. */
export class RecordingIdentity implements IdentityResolver {
  readonly tokenRequests: TokenRequest[] = [];
  readonly secretRequests: KeyVaultSecretRequest[] = [];
  constructor(private readonly secrets: Record<string, string> = {}) {}

  async getToken(request: TokenRequest): Promise<string> {
    this.tokenRequests.push(request);
    const who =
      request.subject.kind === 'userAssigned'
        ? `uami-${request.subject.credentialName}`
        : request.subject.kind === 'servicePrincipal'
          ? `sp-${request.subject.clientId}`
          : 'msi';
    return `token-${who}-for-${request.resource}`;
  }

  async getKeyVaultSecret(request: KeyVaultSecretRequest): Promise<string> {
    this.secretRequests.push(request);
    const secret = this.secrets[`${request.linkedServiceName}/${request.secretName}`];
    if (secret === undefined) throw new Error(`no secret ${request.secretName}`);
    return secret;
  }
}

export function pipeline(
  activities: ActivityDefinition[],
  extra: Partial<PipelineDefinition['properties']> = {},
  name = 'Test',
): PipelineDefinition {
  return { name, properties: { activities, ...extra } };
}

export function activity(
  name: string,
  type: string,
  typeProperties: Record<string, unknown> = {},
  extra: Partial<ActivityDefinition> = {},
): ActivityDefinition {
  return { name, type, typeProperties, ...extra };
}

export function after(name: string, ...conditions: string[]): ActivityDefinition['dependsOn'] {
  return [{ activity: name, dependencyConditions: conditions.length ? conditions : ['Succeeded'] }];
}

export function wait(name: string, seconds: number, extra: Partial<ActivityDefinition> = {}): ActivityDefinition {
  return activity(name, 'Wait', { waitTimeInSeconds: seconds }, extra);
}

export function fail(name: string, message = 'boom', extra: Partial<ActivityDefinition> = {}): ActivityDefinition {
  return activity(name, 'Fail', { message, errorCode: 'E42' }, extra);
}

export function engine(options: Partial<PipelineEngineOptions> = {}): PipelineEngine {
  return new PipelineEngine({ evaluator: defaultExpressionEvaluator(), timeScale: 1000, ...options });
}

export interface RunOutcome {
  run: PipelineRunRecord;
  activities: ActivityRunRecord[];
  /** The last record of each activity name (loops record one per iteration). */
  byName: Map<string, ActivityRunRecord>;
  statusOf(name: string): string | undefined;
  engine: PipelineEngine;
}

export async function runPipeline(
  definition: PipelineDefinition,
  options: Partial<PipelineEngineOptions> = {},
  parameters: Record<string, unknown> = {},
): Promise<RunOutcome> {
  const e = engine(options);
  const run = await e.run({ pipeline: definition, parameters });
  const activities = e.store.activityRunsOf(run.runId);
  const byName = new Map(activities.map((a) => [a.activityName, a]));
  return { run, activities, byName, statusOf: (name) => byName.get(name)?.status, engine: e };
}
