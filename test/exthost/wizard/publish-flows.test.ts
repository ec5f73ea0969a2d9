// Inside the extension host, against the emulator: the wizard opened from the endpoint's tree node and driven
// through its extension-side controller (the same validated messages the webview sends), for each
// authentication option end to end: what the emulator stored equals what the generator produced, and the run ends.
import * as assert from 'node:assert/strict';
import { generateBatchPipeline } from '../../../src/core/pipeline';
import { readCloud } from '../../../src/settings';
import type { WizardHandle } from '../../../src/wizard/wizard-api';
import { pipelineOptionsOf } from '../../../src/wizard/form';
import {
  WORKSPACE_ID,
  factoryPath,
  openWizardFixture,
  send,
  toAuth,
  toReview,
  type WizardFixture,
} from './wizard-fixture';

describe('Create ADF Pipeline wizard: each authentication option end to end (extension host, emulator)', function () {
  this.timeout(180_000);
  let f: WizardFixture;

  before(async () => {
    f = await openWizardFixture();
  });
  beforeEach(async () => {
    await f.reseed();
    f.api.wizard.usePrompts({ confirm: async () => true, secret: async () => f.principal.secret });
  });
  afterEach(async () => {
    for (const name of ['score-fast', 'score-nodefault'])
      f.api.wizard.handle(`${WORKSPACE_ID}/batchEndpoints/${name}`)?.close();
  });
  after(async () => {
    await f?.restore();
  });

  /** Publishes from the review step and checks the stored pipeline against the generator's output. */
  async function publishAndCompare(handle: WizardHandle, factory: string): Promise<void> {
    const review = handle.state().review;
    assert.equal(review?.errors, 0, JSON.stringify(review?.problems));
    assert.equal(handle.state().canContinue, true, handle.state().blockedReason);
    const since = (await f.control.requests()).at(-1)?.seq ?? 0;
    await send(handle, 'next'); // "Publish"
    const state = handle.state();
    assert.equal(state.publish.status, 'done', JSON.stringify(state.error ?? state.publish));
    const puts = (await f.control.requests(since)).filter((r) => r.routeId === 'adf.pipelines.createOrUpdate');
    assert.equal(puts.length, 1);
    assert.equal(
      puts[0].headers['if-none-match'],
      '*',
      'a new pipeline is created only if none appeared since the review',
    );
    const stored = await f.armGet(`${factoryPath(factory)}/pipelines/${state.form.pipelineName}`);
    assert.equal(stored.status, 200);
    const endpoint = {
      id: state.endpoint.id,
      name: state.endpoint.name,
      scoringUri: state.endpoint.scoringUri,
      workspace: {
        id: state.endpoint.workspaceId,
        name: state.endpoint.workspaceName,
        subscriptionId: state.endpoint.subscriptionId,
        resourceGroup: state.endpoint.resourceGroup,
        tenantId: f.principal.tenantId,
      },
    };
    const generated = generateBatchPipeline(pipelineOptionsOf(state.form, endpoint, readCloud()));
    assert.deepEqual(stored.body.properties, JSON.parse(JSON.stringify(generated.properties)));
    assert.deepEqual(stored.body.properties, (JSON.parse(state.review!.json) as { properties: unknown }).properties);
  }

  async function runToTheEnd(handle: WizardHandle): Promise<void> {
    await send(handle, 'next'); // "Run now..."
    assert.equal(handle.state().step, 'run');
    await send(handle, 'runNow', { values: {} });
    await handle.whenRunEnded();
    const run = handle.state().run;
    assert.equal(run.pipelineStatus, 'Succeeded', `${run.message} ${JSON.stringify(run.activities)}`);
    assert.equal(run.job?.status, 'Completed');
    assert.ok(run.activities.some((a) => a.name === 'Check status' && a.status === 'Succeeded'));
    // The Pipeline Runs view follows it as well: closing the panel or reloading the window does not lose it.
    const tracked = f.api.runsView?.tree.runs().find((r) => r.runId === run.runId);
    assert.equal(tracked?.source, 'wizard', `run ${run.runId} is in the Pipeline Runs view`);
    assert.equal(tracked?.pipelineName, handle.state().form.pipelineName);
  }

  it('system-assigned managed identity: grants AzureML Data Scientist once (not twice), publishes, runs', async () => {
    const handle = await f.openFromTree('score-fast');
    await toAuth(handle, 'adf-mi', { authKind: 'mi' });
    assert.equal(handle.state().auth.roleGrant.status, 'offer', JSON.stringify(handle.state().checks.auth));
    const confirmations: string[] = [];
    f.api.wizard.usePrompts({
      confirm: async (r) => {
        confirmations.push(r.detail);
        return true;
      },
    });
    const since = (await f.control.requests()).at(-1)?.seq ?? 0;
    await send(handle, 'grantRole');
    await send(handle, 'grantRole');
    await send(handle, 'reload', { what: 'checks' });
    await send(handle, 'grantRole');
    const creates = (await f.control.requests(since)).filter(
      (r) => r.routeId === 'authorization.roleAssignments.create',
    );
    assert.equal(creates.length, 1, 'one role assignment created, not two');
    assert.equal(creates[0].status, 201);
    assert.equal(confirmations.length, 1, 'asked once');
    assert.match(confirmations[0], new RegExp(`Scope: ${WORKSPACE_ID}`));
    assert.equal(handle.state().checks.auth.find((c) => c.id === 'auth.workspaceRole')?.status, 'pass');
    await toReview(handle);
    await publishAndCompare(handle, 'adf-mi');
    await runToTheEnd(handle);
  });

  it('user-assigned managed identity: checks the ADF credential and its role, publishes, runs', async () => {
    const handle = await f.openFromTree('score-fast');
    await toAuth(handle, 'adf-mi', { authKind: 'uami' });
    const state = handle.state();
    assert.equal(state.form.credentialName, 'uami-cred', 'the only credential is picked');
    assert.equal(
      state.checks.auth.find((c) => c.id === 'auth.credential')?.status,
      'pass',
      JSON.stringify(state.checks.auth),
    );
    assert.equal(state.checks.auth.find((c) => c.id === 'auth.workspaceRole')?.status, 'pass');
    await toReview(handle);
    await publishAndCompare(handle, 'adf-mi');
    await runToTheEnd(handle);
  });

  it('service principal with the secret in Key Vault: picks the linked service, names the secret, publishes, runs', async () => {
    const handle = await f.openFromTree('score-fast');
    await toAuth(handle, 'adf-mi', { authKind: 'sp-keyvault' });
    assert.equal(handle.state().form.keyVaultLinkedService, 'kv-ls', 'the only Key Vault linked service is picked');
    assert.deepEqual(
      handle.state().auth.keyVaultLinkedServices.map((l) => l.name),
      ['kv-ls'],
      'only Key Vault linked services are offered',
    );
    await send(handle, 'updateForm', {
      patch: { secretName: 'batch-sp-secret', spTenantId: f.principal.tenantId, spClientId: f.principal.clientId },
    });
    assert.deepEqual(
      handle
        .state()
        .checks.auth.filter((c) => c.id === 'auth.keyVault' || c.id === 'auth.secretName')
        .map((c) => c.status),
      ['pass', 'pass'],
    );
    await toReview(handle);
    await publishAndCompare(handle, 'adf-mi');
    await runToTheEnd(handle);
  });

  it('service principal with the secret as a SecureString parameter: asks for it at run time, publishes, runs', async () => {
    const handle = await f.openFromTree('score-fast');
    await toAuth(handle, 'adf-mi', {
      authKind: 'sp-secret',
      spTenantId: f.principal.tenantId,
      spClientId: f.principal.clientId,
    });
    assert.ok(handle.state().checks.auth.some((c) => c.id === 'auth.secureString'));
    await toReview(handle);
    await publishAndCompare(handle, 'adf-mi');
    const secure = handle.state().run.parameters.find((p) => p.name === 'client_secret');
    assert.deepEqual(secure, {
      name: 'client_secret',
      type: 'SecureString',
      defaultValue: '',
      secure: true,
      required: true,
    });
    let asked = 0;
    f.api.wizard.usePrompts({
      secret: async () => {
        asked += 1;
        return f.principal.secret;
      },
    });
    await runToTheEnd(handle);
    assert.equal(asked, 1);
  });

  it('a stale ETag leads to the conflict flow: the difference is shown, nothing is overwritten until confirmed', async () => {
    const handle = await f.openFromTree('score-fast');
    await toAuth(handle, 'adf-ready', { authKind: 'mi' });
    await toReview(handle);
    await send(handle, 'next');
    assert.equal(handle.state().publish.status, 'done');
    const name = handle.state().form.pipelineName;
    // Back to the review (it reads the ETag), then someone else publishes in between.
    await send(handle, 'goTo', { step: 'review' });
    assert.equal(handle.state().review?.exists, true);
    const etag = handle.state().review?.etag;
    assert.ok(etag);
    await f.reseed((seed) => {
      const factory = seed.subscriptions[0]
        .resourceGroups!.find((g) => g.name === 'rg-adf')!
        .dataFactories!.find((d) => d.name === 'adf-ready')!;
      factory.pipelines = [
        ...(factory.pipelines ?? []),
        { name, properties: { description: 'Changed in ADF Studio', activities: [] } },
      ];
    });
    const since = (await f.control.requests()).at(-1)?.seq ?? 0;
    await send(handle, 'updateForm', { patch: { pollIntervalSeconds: 2 } });
    await send(handle, 'next');
    let state = handle.state();
    assert.equal(state.publish.status, 'conflict', JSON.stringify(state.error ?? state.publish));
    assert.ok(
      state.publish.conflict?.diff?.hunks.some((h) =>
        h.lines.some((l) => l.kind === 'removed' && l.text.includes('Changed in ADF Studio')),
      ),
    );
    const refused = (await f.control.requests(since)).find((r) => r.routeId === 'adf.pipelines.createOrUpdate');
    assert.equal(refused?.status, 412);
    assert.equal(refused?.headers['if-match'], etag);
    assert.equal(
      (await f.armGet(`${factoryPath('adf-ready')}/pipelines/${name}`)).body.properties &&
        ((await f.armGet(`${factoryPath('adf-ready')}/pipelines/${name}`)).body.properties as { description?: string })
          .description,
      'Changed in ADF Studio',
    );
    f.api.wizard.usePrompts({ confirm: async () => false });
    await send(handle, 'resolveConflict', { choice: 'overwrite' });
    assert.equal(handle.state().publish.status, 'conflict', 'declined: still the conflict, nothing written');
    f.api.wizard.usePrompts({ confirm: async () => true });
    await send(handle, 'resolveConflict', { choice: 'overwrite' });
    state = handle.state();
    assert.equal(state.publish.status, 'done');
    const stored = await f.armGet(`${factoryPath('adf-ready')}/pipelines/${name}`);
    assert.deepEqual(stored.body.properties, (JSON.parse(state.review!.json) as { properties: unknown }).properties);
  });

  it('blocks a factory without identity with its message', async () => {
    const handle = await f.openFromTree('score-fast');
    await toAuth(handle, 'adf-noid', { authKind: 'mi' });
    const state = handle.state();
    const check = state.checks.auth.find((c) => c.id === 'auth.factoryIdentity');
    assert.equal(check?.status, 'fail');
    assert.equal(check?.blocking, true);
    assert.match(check?.message ?? '', /adf-noid has no system-assigned managed identity/);
    assert.match(check?.action ?? '', /Enable its managed identity/);
    assert.equal(state.canContinue, false);
    await send(handle, 'next');
    assert.equal(handle.state().step, 'auth', 'cannot go on');
  });

  it('shows a 403 on the role grant with what to do, and keeps what was entered', async () => {
    await f.reseed((seed) => {
      const me = seed.servicePrincipals!.find((p) => p.clientId === f.principal.clientId)!;
      me.canAssignRoles = false;
    });
    const handle = await f.openFromTree('score-fast');
    await toAuth(handle, 'adf-mi', { authKind: 'mi', description: 'typed before the error' });
    await send(handle, 'grantRole');
    const state = handle.state();
    assert.equal(state.error?.statusCode, 403);
    assert.equal(state.error?.title, 'You are not allowed to assign roles on this workspace');
    assert.match(state.error?.action ?? '', /Owner or User Access Administrator/);
    assert.match(
      state.error?.action ?? '',
      /az role assignment create --assignee-object-id f1f1f1f1-1111-4000-8000-0000000000c1/,
    );
    assert.equal(state.form.description, 'typed before the error');
    assert.equal(state.auth.roleGrant.status, 'failed');
  });
});
