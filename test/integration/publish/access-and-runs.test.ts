// Role assignments, the facts the wizard reads, and a published pipeline really running against the emulator.
import * as assert from 'node:assert/strict';
import { generateBatchPipeline } from '../../../src/core/pipeline';
import { checkUserAssignedCredential, describeGitMode, outputDatastoreChoices } from '../../../src/core/preflight';
import {
  adviseAzureError,
  grantDataScientistRole,
  monitorRun,
  publishPipeline,
  readWorkspaceAccess,
  type RunSnapshot,
} from '../../../src/core/publish';
import { W, usePublishEmulator } from './fixture';

describe('integration: access checks, role grant and runs against the emulator', () => {
  const fx = usePublishEmulator();

  it('reads factories with identity and git mode, credentials with their principal, linked services, datastores and deployments', async () => {
    const factories = await fx.azure.reads.listFactories();
    assert.deepEqual(
      factories.map((f) => f.name),
      ['adf-git', 'adf-mi', 'adf-noid', 'adf-ready'],
    );
    assert.equal(factories.find((f) => f.name === 'adf-mi')?.identityPrincipalId, W.miIdentity);
    assert.equal(factories.find((f) => f.name === 'adf-noid')?.identityPrincipalId, undefined);
    assert.equal(
      describeGitMode(factories.find((f) => f.name === 'adf-git')?.repoConfiguration),
      'git: GitHub contoso/adf-pipelines (branch main, root /adf)',
    );
    assert.equal(factories.find((f) => f.name === 'adf-mi')?.resourceGroup, 'rg-adf');
    const credentials = await fx.azure.reads.listCredentials(W.factory('adf-mi'));
    assert.equal(credentials[0]?.principalId, W.uamiPrincipal);
    assert.equal(checkUserAssignedCredential('uami-cred', credentials, 'adf-mi').status, 'pass');
    assert.deepEqual(
      (await fx.azure.reads.listLinkedServices(W.factory('adf-mi'))).map((l) => [l.name, l.type]),
      [
        ['blob-ls', 'AzureBlobStorage'],
        ['kv-ls', 'AzureKeyVault'],
      ],
    );
    const datastores = await fx.azure.reads.listDatastores(W.workspace);
    assert.deepEqual(
      outputDatastoreChoices(datastores)
        .filter((d) => !d.disabledReason)
        .map((d) => d.name),
      ['workspaceblobstore', 'inputs'],
    );
    assert.deepEqual(
      (await fx.azure.reads.listDeployments(W.workspace, 'score-fast')).map((d) => d.name),
      ['blue', 'green'],
    );
  });

  it('grants AzureML Data Scientist once, not twice', async () => {
    const request = { workspaceId: W.workspaceId, principalId: W.miIdentity };
    assert.equal((await readWorkspaceAccess(fx.azure.roles, request)).access.kind, 'missing');
    const since = (await fx.control.requests()).at(-1)?.seq ?? 0;
    assert.equal((await grantDataScientistRole(fx.azure.roles, request)).kind, 'created');
    assert.deepEqual(await grantDataScientistRole(fx.azure.roles, request), {
      kind: 'alreadyGranted',
      roleName: 'AzureML Data Scientist',
    });
    const creates = (await fx.control.requests(since)).filter(
      (r) => r.routeId === 'authorization.roleAssignments.create',
    );
    assert.equal(creates.length, 1);
    assert.equal(creates[0].status, 201);
    assert.doesNotMatch(creates[0].path, /\/\//, 'no double slash: the scope went without its leading slash');
    const access = await readWorkspaceAccess(fx.azure.roles, request);
    assert.deepEqual(access.access, {
      kind: 'granted',
      roleName: 'AzureML Data Scientist',
      scope: W.workspaceId,
      count: 1,
    });
  });

  it('answers 403 to a caller who may not assign roles, with what to do', async () => {
    const error = await grantDataScientistRole(fx.readerAzure.roles, {
      workspaceId: W.workspaceId,
      principalId: W.miIdentity,
    }).catch((e: unknown) => e);
    assert.equal((error as { statusCode?: number }).statusCode, 403);
    const advice = adviseAzureError(error, {
      operation: 'grantRole',
      workspaceId: W.workspaceId,
      principalId: W.miIdentity,
    });
    assert.equal(advice.title, 'You are not allowed to assign roles on this workspace');
    assert.match(advice.message, /roleAssignments\/write/);
  });

  it('runs the published pipeline to the end: pipeline run, activity runs, batch job status and its Studio link', async () => {
    const factory = W.factory('adf-ready');
    const document = generateBatchPipeline({
      name: 'Run-Score-Fast',
      endpointUri: fx.scoringUri('score-fast'),
      inputUri: 'azureml://datastores/inputs/paths/data/',
      pollIntervalSeconds: 1,
      cloud: fx.cloud,
      auth: { kind: 'mi' },
    });
    assert.equal(
      (await publishPipeline(fx.azure.pipelines, { factory, document, reviewedEtag: undefined })).kind,
      'published',
    );
    const runId = await fx.azure.runs.createRun(factory, document.name, { poll_interval: 1 });
    const seen: RunSnapshot[] = [];
    const last = await monitorRun(fx.azure.runs, factory, runId, {
      intervalMs: 100,
      onSnapshot: (s) => seen.push(s),
      context: { mlStudioUrl: 'https://ml.example', workspaceId: W.workspaceId, tenantId: W.tenant },
    });
    assert.equal(last.status, 'Succeeded', last.message);
    assert.equal(last.job?.status, 'Completed');
    assert.match(last.job?.studioUrl ?? '', /^https:\/\/ml\.example\/runs\/.+\?wsid=/);
    assert.ok(
      last.activities.some((a) => a.name === 'Check status' && a.runs >= 2),
      JSON.stringify(last.activities),
    );
    assert.ok(seen.length >= 2);
  });

  it('cancels a run', async () => {
    const factory = W.factory('adf-ready');
    const document = generateBatchPipeline({
      name: 'Run-Slow',
      endpointUri: fx.scoringUri('score-fast'),
      inputUri: 'azureml://datastores/inputs/paths/data/',
      pollIntervalSeconds: 3600,
      cloud: fx.cloud,
      auth: { kind: 'mi' },
    });
    await publishPipeline(fx.azure.pipelines, { factory, document, reviewedEtag: undefined });
    const runId = await fx.azure.runs.createRun(factory, document.name, {});
    await fx.azure.runs.cancelRun(factory, runId);
    const last = await monitorRun(fx.azure.runs, factory, runId, { intervalMs: 100, onSnapshot: () => undefined });
    assert.equal(last.status, 'Cancelled');
  });
});
