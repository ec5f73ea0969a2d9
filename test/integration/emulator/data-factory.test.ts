import assert from 'node:assert/strict';
import { RestError } from '@azure/core-rest-pipeline';
import type { PipelineResource } from '@azure/arm-datafactory';
import type { PipelineRunExecutor } from '../../../tools/emulator/index';
import { all, ARM_SCOPE, claimsOf, IDS, send, useEmulator } from './fixture';

const RG = 'rg-adf';
const FACTORY = 'adf-int-mi';

/** A pipeline in the raw JSON shape (typeProperties kept as is). */
function pipeline(waitSeconds: number): PipelineResource {
  return {
    parameters: { poll_interval: { type: 'Int', defaultValue: 5 }, endpoint_uri: { type: 'String' } },
    activities: [{ name: 'Wait', type: 'Wait', typeProperties: { waitTimeInSeconds: waitSeconds } } as never],
  };
}

async function waitForRun(fx: ReturnType<typeof useEmulator>, runId: string, until: string[]): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 200; i++) {
    const run = await fx.adf().pipelineRuns.get(RG, FACTORY, runId);
    if (seen.at(-1) !== run.status) seen.push(run.status!);
    if (until.includes(run.status!)) return seen;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`run ${runId} did not reach ${until.join('/')}; saw ${seen.join(' -> ')}`);
}

const window = (): { lastUpdatedAfter: Date; lastUpdatedBefore: Date } => ({
  lastUpdatedAfter: new Date(Date.now() - 60_000),
  lastUpdatedBefore: new Date(Date.now() + 60_000),
});

describe('emulator: Data Factory through @azure/arm-datafactory', () => {
  const fx = useEmulator();

  it('lists factories by subscription and resource group, with identity and git configuration', async () => {
    const factories = await all(fx.adf().factories.list());
    assert.deepEqual(factories.map((f) => f.name).sort(), ['adf-int-git', 'adf-int-mi', 'adf-int-noid']);
    const byGroup = await all(fx.adf().factories.listByResourceGroup(RG));
    assert.equal(byGroup.length, 3);
    const mi = await fx.adf().factories.get(RG, FACTORY);
    assert.equal(mi.identity?.type, 'SystemAssigned');
    assert.equal(mi.identity?.principalId, IDS.factoryIdentity);
    assert.equal(mi.repoConfiguration, undefined);
    const noid = byGroup.find((f) => f.name === 'adf-int-noid')!;
    assert.equal(noid.identity, undefined);
    assert.equal(noid.repoConfiguration?.type, 'FactoryGitHubConfiguration');
    assert.equal(noid.repoConfiguration?.collaborationBranch, 'main');
    const git = byGroup.find((f) => f.name === 'adf-int-git')!;
    assert.equal(git.repoConfiguration?.type, 'FactoryVSTSConfiguration');
    assert.equal(git.repoConfiguration?.rootFolder, '/');
  });

  it('PUTs a pipeline with an ETag, then a PUT with the stale ETag gets 412', async () => {
    const pipelines = fx.adf().pipelines;
    const first = await pipelines.createOrUpdate(RG, FACTORY, 'Run-BatchEndpoint', pipeline(1));
    assert.ok(first.etag, 'the write returns an ETag');
    const second = await pipelines.createOrUpdate(RG, FACTORY, 'Run-BatchEndpoint', pipeline(2), {
      ifMatch: first.etag,
    });
    assert.notEqual(second.etag, first.etag, 'every write changes the ETag');
    const error = await pipelines
      .createOrUpdate(RG, FACTORY, 'Run-BatchEndpoint', pipeline(3), { ifMatch: first.etag })
      .catch((e: unknown) => e);
    assert.ok(error instanceof RestError);
    assert.equal(error.statusCode, 412);
    assert.equal(error.code, 'PreconditionFailed');
    const stored = await pipelines.get(RG, FACTORY, 'Run-BatchEndpoint');
    assert.equal(stored.etag, second.etag);
    // The emulator keeps the raw JSON of the accepted write.
    const raw = await send(fx, {
      method: 'GET',
      url: `${fx.emulator.url}${stored.id}?api-version=2018-06-01`,
      scope: ARM_SCOPE,
    });
    assert.deepEqual(
      (raw.body as { properties: { activities: Array<{ typeProperties: unknown }> } }).properties.activities[0]!
        .typeProperties,
      { waitTimeInSeconds: 2 },
    );
    assert.equal(raw.headers.etag, second.etag);
  });

  it('If-None-Match: * refuses to overwrite an existing pipeline; GET, list and DELETE work', async () => {
    const pipelines = fx.adf().pipelines;
    const onlyIfNew = { requestOptions: { customHeaders: { 'If-None-Match': '*' } } };
    await pipelines.createOrUpdate(RG, FACTORY, 'fresh', pipeline(1), onlyIfNew);
    const error = await pipelines.createOrUpdate(RG, FACTORY, 'fresh', pipeline(1), onlyIfNew).catch((e: unknown) => e);
    assert.equal((error as RestError).statusCode, 412);
    const names = (await all(pipelines.listByFactory(RG, FACTORY))).map((p) => p.name).sort();
    assert.deepEqual(names, ['existing-pipeline', 'fresh']);
    await pipelines.delete(RG, FACTORY, 'fresh');
    const gone = await pipelines.get(RG, FACTORY, 'fresh').catch((e: unknown) => e);
    assert.equal((gone as RestError).statusCode, 404);
    assert.equal((gone as RestError).code, 'ResourceNotFound');
  });

  it('rejects a pipeline with duplicate activity names like ADF', async () => {
    const bad = {
      activities: [
        { name: 'A', type: 'Wait' },
        { name: 'a', type: 'Wait' },
      ],
    } as never;
    const error = await fx
      .adf()
      .pipelines.createOrUpdate(RG, FACTORY, 'dupes', bad)
      .catch((e: unknown) => e);
    assert.equal((error as RestError).statusCode, 400);
    assert.match((error as RestError).message, /more than one activity named 'a'/);
  });

  it('createRun returns a runId; the run goes Queued -> InProgress -> Succeeded; activity runs can be queried', async () => {
    await fx.adf().pipelines.createOrUpdate(RG, FACTORY, 'runme', pipeline(1));
    const { runId } = await fx
      .adf()
      .pipelines.createRun(RG, FACTORY, 'runme', { parameters: { endpoint_uri: 'https://example/jobs' } });
    assert.match(runId, /^[0-9a-f-]{36}$/);
    const seen = await waitForRun(fx, runId, ['Succeeded', 'Failed']);
    const order = ['Queued', 'InProgress', 'Succeeded'];
    assert.deepEqual(
      seen,
      order.filter((s) => seen.includes(s)),
      `statuses in order, got ${seen.join(' -> ')}`,
    );
    assert.equal(seen.at(-1), 'Succeeded');
    const run = await fx.adf().pipelineRuns.get(RG, FACTORY, runId);
    assert.equal(run.pipelineName, 'runme');
    assert.deepEqual(run.parameters, { poll_interval: '5', endpoint_uri: 'https://example/jobs' });
    assert.ok(run.runEnd && run.durationInMs !== undefined);
    const activities = await fx.adf().activityRuns.queryByPipelineRun(RG, FACTORY, runId, window());
    // By default the emulator runs pipelines with the local engine: the Wait activity really ran.
    assert.deepEqual(
      activities.value.map((a) => [a.activityName, a.activityType, a.status]),
      [['Wait', 'Wait', 'Succeeded']],
    );
  });

  it('Execute Pipeline in an emulator run finds the child pipeline of the same factory', async () => {
    await fx.adf().pipelines.createOrUpdate(RG, FACTORY, 'child', pipeline(1));
    const parent: PipelineResource = {
      activities: [
        {
          name: 'Run child',
          type: 'ExecutePipeline',
          typeProperties: {
            pipeline: { referenceName: 'child', type: 'PipelineReference' },
            waitOnCompletion: true,
            parameters: { endpoint_uri: 'https://example/jobs' },
          },
        } as never,
      ],
    };
    await fx.adf().pipelines.createOrUpdate(RG, FACTORY, 'parent', parent);
    const { runId } = await fx.adf().pipelines.createRun(RG, FACTORY, 'parent');
    const seen = await waitForRun(fx, runId, ['Succeeded', 'Failed']);
    const activities = await fx.adf().activityRuns.queryByPipelineRun(RG, FACTORY, runId, window());
    assert.equal(seen.at(-1), 'Succeeded', JSON.stringify(activities.value.map((a) => a.error)));
    assert.deepEqual(
      activities.value.map((a) => [a.activityName, a.status]),
      [['Run child', 'Succeeded']],
    );
  });

  it('refuses createRun when a required parameter has no value', async () => {
    await fx.adf().pipelines.createOrUpdate(RG, FACTORY, 'needs-param', pipeline(1));
    const error = await fx
      .adf()
      .pipelines.createRun(RG, FACTORY, 'needs-param')
      .catch((e: unknown) => e);
    assert.equal((error as RestError).statusCode, 400);
    assert.match((error as RestError).message, /endpoint_uri/);
  });

  it('runs a plugged-in PipelineRunExecutor: its activity runs show in queryByPipelineRun', async () => {
    const executor: PipelineRunExecutor = {
      async execute(ctx) {
        const call = ctx.startActivityRun({
          activityName: 'Run Batch-Endpoint',
          activityType: 'WebActivity',
          input: { url: ctx.parameters.endpoint_uri },
        });
        await ctx.sleep(20);
        call.succeed({ id: 'job-1' });
        const check = ctx.startActivityRun({ activityName: 'Check status', activityType: 'WebActivity' });
        check.fail({ message: 'job failed' });
        return { status: 'Failed', message: 'Operation on target Check status failed: job failed' };
      },
    };
    fx.emulator.setPipelineRunExecutor(executor);
    try {
      await fx.adf().pipelines.createOrUpdate(RG, FACTORY, 'engine', pipeline(1));
      const { runId } = await fx
        .adf()
        .pipelines.createRun(RG, FACTORY, 'engine', { parameters: { endpoint_uri: 'https://x/jobs' } });
      assert.equal((await waitForRun(fx, runId, ['Succeeded', 'Failed'])).at(-1), 'Failed');
      const run = await fx.adf().pipelineRuns.get(RG, FACTORY, runId);
      assert.match(run.message!, /Check status failed/);
      const result = await fx.adf().activityRuns.queryByPipelineRun(RG, FACTORY, runId, window());
      assert.deepEqual(
        result.value.map((a) => [a.activityName, a.activityType, a.status]),
        [
          ['Run Batch-Endpoint', 'WebActivity', 'Succeeded'],
          ['Check status', 'WebActivity', 'Failed'],
        ],
      );
      assert.deepEqual(result.value[0]!.input, { url: 'https://x/jobs' });
      assert.deepEqual(result.value[0]!.output, { id: 'job-1' });
      assert.equal((result.value[1]!.error as { message: string }).message, 'job failed');
      const failedOnly = await fx.adf().activityRuns.queryByPipelineRun(RG, FACTORY, runId, {
        ...window(),
        filters: [{ operand: 'Status', operator: 'Equals', values: ['Failed'] }],
      });
      assert.deepEqual(
        failedOnly.value.map((a) => a.activityName),
        ['Check status'],
      );
    } finally {
      fx.emulator.setPipelineRunExecutor({ execute: async () => ({ status: 'Succeeded' }) });
    }
  });

  it('cancels a running pipeline run: Canceling, then Cancelled', async () => {
    let aborted = false;
    fx.emulator.setPipelineRunExecutor({
      async execute(ctx) {
        ctx.startActivityRun({ activityName: 'Wait for job', activityType: 'Until' });
        await ctx.sleep(60_000 * 20).catch(() => (aborted = true));
        return { status: 'Succeeded' };
      },
    });
    try {
      await fx.adf().pipelines.createOrUpdate(RG, FACTORY, 'long', pipeline(1));
      const { runId } = await fx.adf().pipelines.createRun(RG, FACTORY, 'long', { parameters: { endpoint_uri: 'u' } });
      await waitForRun(fx, runId, ['InProgress']);
      await fx.adf().pipelineRuns.cancel(RG, FACTORY, runId);
      assert.equal((await waitForRun(fx, runId, ['Cancelled'])).at(-1), 'Cancelled');
      assert.ok(aborted, 'the executor saw the abort signal');
      const activities = await fx.adf().activityRuns.queryByPipelineRun(RG, FACTORY, runId, window());
      assert.equal(activities.value[0]!.status, 'Cancelled');
    } finally {
      fx.emulator.setPipelineRunExecutor({ execute: async () => ({ status: 'Succeeded' }) });
    }
  });

  it('lists and gets linked services (Key Vault) and credentials (user-assigned identity)', async () => {
    const linked = await all(fx.adf().linkedServices.listByFactory(RG, FACTORY));
    assert.deepEqual(
      linked.map((l) => [l.name, l.properties.type]),
      [['kv-ls', 'AzureKeyVault']],
    );
    const kv = await fx.adf().linkedServices.get(RG, FACTORY, 'kv-ls');
    assert.equal((kv.properties as { baseUrl?: string }).baseUrl, 'https://kv-int.vault.azure.net/');
    const credentials = await all(fx.adf().credentialOperations.listByFactory(RG, FACTORY));
    assert.deepEqual(
      credentials.map((c) => c.name),
      ['uami-cred'],
    );
    const cred = await fx.adf().credentialOperations.get(RG, FACTORY, 'uami-cred');
    assert.equal(cred.properties.type, 'ManagedIdentity');
    assert.match((cred.properties as { resourceId?: string }).resourceId!, /userAssignedIdentities\/uami-batch$/);
  });

  it('issues managed identity tokens for the factory identity and for a credential identity', () => {
    const factory = { subscriptionId: IDS.devSubscription, resourceGroup: RG, name: FACTORY };
    const system = claimsOf(fx.emulator.issueManagedIdentityToken(factory, 'https://ml.azure.com'));
    assert.equal(system.aud, 'https://ml.azure.com');
    assert.equal(system.oid, IDS.factoryIdentity);
    assert.equal(system.tid, IDS.tenant);
    const user = claimsOf(fx.emulator.issueManagedIdentityToken(factory, 'https://ml.azure.com/.default', 'uami-cred'));
    assert.equal(user.oid, 'e1e1e1e1-0000-4000-8000-000000000001');
    assert.equal(user.appid, 'e2e2e2e2-0000-4000-8000-000000000002');
    assert.throws(
      () => fx.emulator.issueManagedIdentityToken({ ...factory, name: 'adf-int-noid' }, 'https://ml.azure.com'),
      /has no system-assigned managed identity/,
    );
  });

  it('adds a system-assigned identity to a factory without one with factories.update (PATCH), once', async () => {
    const updated = await fx.adf().factories.update(RG, 'adf-int-noid', { identity: { type: 'SystemAssigned' } });
    assert.equal(updated.identity?.type, 'SystemAssigned');
    assert.match(updated.identity?.principalId ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(updated.identity?.tenantId, IDS.tenant);
    const again = await fx.adf().factories.update(RG, 'adf-int-noid', { identity: { type: 'SystemAssigned' } });
    assert.equal(again.identity?.principalId, updated.identity?.principalId, 'a second update keeps the identity');
    assert.equal(
      (await fx.adf().factories.get(RG, 'adf-int-noid')).identity?.principalId,
      updated.identity?.principalId,
    );
    // The new principal is in the directory: a role can be assigned to it.
    // The SDK's scope has no leading slash (it is a path parameter after the endpoint's "/").
    const scope = `subscriptions/${IDS.devSubscription}/resourceGroups/${RG}`;
    const assignment = await fx.authorization().roleAssignments.create(scope, '6f1b0c1e-0000-4000-8000-00000000abcd', {
      roleDefinitionId: `/${scope}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`,
      principalId: updated.identity!.principalId!,
    });
    assert.equal(assignment.principalId, updated.identity?.principalId);
    const wrong = await fx
      .adf()
      .factories.update(RG, 'adf-int-noid', { identity: { type: 'UserAssigned' } })
      .catch((e: unknown) => e);
    assert.ok(wrong instanceof RestError);
    assert.equal(wrong.statusCode, 400);
  });
});
