// Every Azure call ends: with the emulator's `hang` fault (a request that is never answered), each tree load, factory
// list, review read, publish and role grant goes through the SDK's retry policy attempt by attempt, each attempt cut
// by the request timeout, and ends with "Azure did not answer in N s"; hung lists free their loader slots.
import * as assert from 'node:assert/strict';
import { ClientSecretCredential } from '@azure/identity';
import { AzureClientPool } from '../../../src/azure/sdk/client-pool';
import { requestPolicyOptions, type RequestLogEntry } from '../../../src/azure/sdk/policies';
import { SdkResourceReader } from '../../../src/azure/sdk/resource-reader';
import { createWizardAzure, type WizardAzure } from '../../../src/azure/sdk/wizard-azure';
import { describeAzureError, formatAzureError, type SubscriptionRef, ResourceLoader } from '../../../src/core/azure';
import type { PipelineDocument } from '../../../src/core/pipeline';
import { emulatorCredentialOptions, trustEmulatorCaPolicy } from '../../../tools/emulator/trust';
import { useEmulator } from '../../support/emulator';
import { W, WIZARD_SEED } from '../publish/fixture';

const TIMEOUT_MS = 300;
/** The SDK's default retry policy: 3 retries after the first attempt. */
const ATTEMPTS = 4;
/** Four attempts of 0.3 s plus the SDK's back-off (about 1 + 2 + 4 s with up to 20% jitter), with room to spare. */
const MAX_MS = 15_000;

describe('Azure requests that are never answered (emulator hang fault)', function () {
  this.timeout(60_000);
  const fx = useEmulator(WIZARD_SEED);
  let azure: WizardAzure;
  let reader: SdkResourceReader;
  let attempts: RequestLogEntry[] = [];
  const subscription: SubscriptionRef = { subscriptionId: W.subscription, tenantId: W.tenant, name: 'wizard' };

  before(async () => {
    const clientOptions = requestPolicyOptions(
      { timeoutMs: () => TIMEOUT_MS, onRequest: (entry) => attempts.push(entry) },
      { additionalPolicies: [{ policy: trustEmulatorCaPolicy(fx.emulator.caCertPem), position: 'perCall' }] },
    );
    const credential = new ClientSecretCredential(
      W.tenant,
      W.owner.clientId,
      W.owner.secret,
      emulatorCredentialOptions(fx.emulator),
    );
    const pool = new AzureClientPool({ cloud: fx.cloud, credentialForTenant: () => credential, clientOptions });
    azure = createWizardAzure(pool, W.tenant, W.subscription);
    reader = new SdkResourceReader(pool);
    // A token before any fault, so that only the call under test hangs.
    await reader.listWorkspaces(subscription);
  });
  beforeEach(() => {
    attempts = [];
  });

  /** Hangs every request matching the route, runs the call, and checks how and when it ended. */
  async function endsWithTimeout(route: string, method: string, call: () => Promise<unknown>): Promise<void> {
    await fx.control.addFault({ kind: 'hang', route, method, count: 100 });
    const started = Date.now();
    const error = await call().then(
      () => undefined,
      (e: unknown) => e,
    );
    const elapsed = Date.now() - started;
    assert.ok(error, 'the call failed');
    assert.equal(
      formatAzureError(describeAzureError(error))
        .split(' (')[0]
        .replace(/ Retry in a moment.*$/, ''),
      'Azure did not answer in 0.3 s',
    );
    assert.ok(elapsed < MAX_MS, `ended after ${elapsed} ms`);
    const hung = attempts.filter((a) => a.method === method && new RegExp(route, 'i').test(new URL(a.url).pathname));
    assert.equal(hung.length, ATTEMPTS, `each attempt timed out and was retried: ${JSON.stringify(hung)}`);
    assert.ok(hung.every((a) => a.status === undefined && /did not answer/.test(a.error ?? '')));
  }

  it('a tree load (workspaces of a subscription)', async () => {
    await endsWithTimeout('/workspaces$', 'GET', () => reader.listWorkspaces(subscription));
  });

  it('the factory list', async () => {
    await endsWithTimeout('/factories$', 'GET', () => azure.reads.listFactories());
  });

  it('the review read of the published pipeline', async () => {
    await endsWithTimeout('/pipelines/[^/]+$', 'GET', () =>
      azure.pipelines.read(W.factory('adf-ready'), 'Existing-Pipeline'),
    );
  });

  it('a publish', async () => {
    const document = { name: 'Hung-Publish', properties: { activities: [] } } as unknown as PipelineDocument;
    await endsWithTimeout('/pipelines/[^/]+$', 'PUT', () =>
      azure.pipelines.write(W.factory('adf-mi'), document, { ifNoneMatch: '*' }),
    );
  });

  it('a role grant', async () => {
    const scope = W.workspaceId.slice(1);
    await endsWithTimeout('/roleAssignments/[^/]+$', 'PUT', () =>
      azure.roles.create(scope, '0c0c0c0c-2222-4000-8000-0000000000c9', {
        roleDefinitionId: `${W.workspaceId}/providers/Microsoft.Authorization/roleDefinitions/f6c7c914-8db3-469d-8ca1-694a8f32e121`,
        principalId: W.miIdentity,
        principalType: 'ServicePrincipal',
      }),
    );
  });

  it('a pipeline run that is not answered is not started again: one attempt, and the message says it may have started', async () => {
    await fx.control.addFault({ kind: 'hang', route: '/createRun$', method: 'POST', count: 100 });
    const error = await azure.runs.createRun(W.factory('adf-ready'), 'Existing-Pipeline', {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.match(
      formatAzureError(describeAzureError(error)),
      /^Azure did not answer in 0.3 s; the run may have started: look in the Pipeline Runs view/,
    );
    const posts = attempts.filter((a) => a.method === 'POST' && /\/createRun$/i.test(new URL(a.url).pathname));
    assert.equal(posts.length, 1, `one attempt, not retried: ${JSON.stringify(posts)}`);
  });

  it('four hung subscriptions free their loader slots: an unrelated workspace still expands', async () => {
    const workspace = (await reader.listWorkspaces(subscription)).items[0];
    assert.ok(workspace, 'the seed has a workspace');
    const hungIds = [1, 2, 3, 4].map((n) => `0d0d0d0d-0000-4000-8000-00000000000${n}`);
    await fx.control.addFault({ kind: 'hang', route: `/subscriptions/(${hungIds.join('|')})/`, count: 100 });
    const loader = new ResourceLoader({ reader, pageSize: 50, concurrency: 4 });
    const hung = hungIds.map((id) =>
      loader.workspaces({ subscriptionId: id, tenantId: W.tenant, name: id }).ensureLoaded(),
    );
    const endpoints = await loader.batchEndpoints(workspace).ensureLoaded();
    assert.ok(endpoints.items.length > 0, `the workspace expanded: ${JSON.stringify(endpoints)}`);
    const ends = await Promise.all(hung);
    for (const end of ends) assert.match(end.error?.message ?? '', /^Azure did not answer in 0.3 s/);
  });
});
