// One emulator per test file (test/fixtures/seeds/integration.json, page size 3, fast jobs), with
// real SDK clients signed in through @azure/identity's ClientSecretCredential.
import { join } from 'node:path';
import { ClientSecretCredential } from '@azure/identity';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { DataFactoryManagementClient } from '@azure/arm-datafactory';
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { EmulatorControlClient } from '../../../tools/emulator/control-client';
import type { RunningEmulator } from '../../../tools/emulator/index';
import { useEmulator as useSeededEmulator } from '../../support/emulator';
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createEmptyPipeline,
  createHttpHeaders,
  createPipelineRequest,
  type HttpClient,
  type Pipeline,
} from '@azure/core-rest-pipeline';
import { emulatorArmClientOptions, emulatorCredentialOptions, trustEmulatorCaPolicy } from './trust';

export const SEED_PATH = join(process.cwd(), 'test', 'fixtures', 'seeds', 'integration.json');
export const PAGE_SIZE = 3;
export const ARM_SCOPE = 'https://management.azure.com/.default';
export const ML_SCOPE = 'https://ml.azure.com/.default';

/** Ids from integration.json. */
export const IDS = {
  tenant: 'aaaaaaaa-0000-4000-8000-000000000001',
  otherTenant: 'bbbbbbbb-0000-4000-8000-000000000002',
  devSubscription: '11111111-aaaa-4000-8000-000000000001',
  prodSubscription: '22222222-aaaa-4000-8000-000000000002',
  fabrikamSubscription: '33333333-bbbb-4000-8000-000000000003',
  sp: {
    clientId: 'c1c1c1c1-0000-4000-8000-000000000001',
    objectId: '0b0b0b0b-0000-4000-8000-000000000001',
    secret: 'integration-secret',
  },
  reader: {
    clientId: 'c2c2c2c2-0000-4000-8000-000000000002',
    objectId: '0b0b0b0b-0000-4000-8000-000000000002',
    secret: 'reader-secret',
  },
  fabrikam: { clientId: 'c3c3c3c3-0000-4000-8000-000000000003', secret: 'fabrikam-secret' },
  factoryIdentity: 'f1f1f1f1-0000-4000-8000-000000000001',
  user: '0c0c0c0c-0000-4000-8000-000000000001',
  dataScientistRole: 'f6c7c914-8db3-469d-8ca1-694a8f32e121',
} as const;

export interface Fixture {
  emulator: RunningEmulator;
  control: EmulatorControlClient;
  credential: ClientSecretCredential;
  credentialFor(sp: { clientId: string; secret: string }, tenant?: string): ClientSecretCredential;
  ml(subscriptionId?: string, credential?: ClientSecretCredential): AzureMachineLearningWorkspaces;
  adf(subscriptionId?: string): DataFactoryManagementClient;
  authorization(subscriptionId?: string, credential?: ClientSecretCredential): AuthorizationManagementClient;
  subscriptions(credential?: ClientSecretCredential): SubscriptionClient;
}

/** The integration seed's emulator (started before the suite, reset before each test) with SDK clients signed in. */
export function useEmulator(options: { timeScale?: number } = {}): Fixture {
  const fx = {} as Fixture;
  const running = useSeededEmulator(SEED_PATH, { pageSize: PAGE_SIZE, timeScale: options.timeScale ?? 20 });
  before(() => {
    const { emulator, control } = running;
    const credentialFor = (
      sp: { clientId: string; secret: string },
      tenant: string = IDS.tenant,
    ): ClientSecretCredential =>
      new ClientSecretCredential(tenant, sp.clientId, sp.secret, emulatorCredentialOptions(emulator));
    const credential = credentialFor(IDS.sp);
    const arm = emulatorArmClientOptions(emulator);
    Object.assign(fx, {
      emulator,
      control,
      credential,
      credentialFor,
      ml: (sub = IDS.devSubscription, cred = credential) => new AzureMachineLearningWorkspaces(cred, sub, arm),
      adf: (sub = IDS.devSubscription) => new DataFactoryManagementClient(credential, sub, arm),
      authorization: (sub = IDS.devSubscription, cred = credential) =>
        new AuthorizationManagementClient(cred, sub, arm),
      subscriptions: (cred = credential) => new SubscriptionClient(cred, arm),
    } satisfies Fixture);
  });
  return fx;
}

/** Collects an async iterable (SDK list results follow nextLink pages). */
export async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * A plain HTTPS call through @azure/core-rest-pipeline (what a hand-written data plane client does),
 * trusting the emulator CA; with `scope`, the credential's bearer token is attached.
 */
export async function send(
  fx: Fixture,
  request: {
    method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    url: string;
    body?: unknown;
    headers?: Record<string, string>;
    scope?: string;
    token?: string;
  },
): Promise<RawResponse> {
  const headers = createHttpHeaders({
    ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...request.headers,
  });
  if (request.token) headers.set('Authorization', `Bearer ${request.token}`);
  const pipelineRequest = createPipelineRequest({
    url: request.url,
    method: request.method,
    headers,
    body:
      request.body === undefined
        ? undefined
        : typeof request.body === 'string'
          ? request.body
          : JSON.stringify(request.body),
  });
  const response = await rawPipeline(fx, request.scope).sendRequest(rawHttpClient, pipelineRequest);
  let body: unknown = response.bodyAsText;
  try {
    body = response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers.toJSON(), body };
}

const rawHttpClient: HttpClient = createDefaultHttpClient();
const rawPipelines = new WeakMap<Fixture, Map<string, Pipeline>>();

/** One pipeline per fixture and scope, so tokens and connections are reused. */
function rawPipeline(fx: Fixture, scope: string | undefined): Pipeline {
  const byScope = rawPipelines.get(fx) ?? new Map<string, Pipeline>();
  rawPipelines.set(fx, byScope);
  let pipeline = byScope.get(scope ?? '');
  if (!pipeline) {
    pipeline = createEmptyPipeline();
    pipeline.addPolicy(trustEmulatorCaPolicy(fx.emulator.caCertPem));
    if (scope) pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential: fx.credential, scopes: scope }));
    byScope.set(scope ?? '', pipeline);
  }
  return pipeline;
}

/** The claims of a JWT (no verification: for assertions only). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}
