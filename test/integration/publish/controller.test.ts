// The wizard's extension-side controller, end to end in plain Node against the emulator (the same controller the
// extension-host suites drive through the real webview panel).
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBatchPipeline, toGitJson } from '../../../src/core/pipeline';
import { factoryResourceId } from '../../../src/core/publish';
import { pipelineOptionsOf } from '../../../src/wizard/form';
import { drive, endpointOf, toAuth } from './controller-helpers';
import { W, usePublishEmulator } from './fixture';

describe('integration: the wizard controller against the emulator', () => {
  const fx = usePublishEmulator();

  it('walks endpoint -> target -> auth (granting the role once) -> data -> review -> publish -> run to a completed job', async () => {
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'));
    await toAuth(d, 'adf-mi');
    let view = d.controller.view();
    assert.equal(view.step, 'auth');
    assert.equal(view.auth.roleGrant.status, 'offer', JSON.stringify(view.checks.auth));
    assert.equal(view.auth.roleGrant.scope, W.workspaceId);
    const since = (await fx.control.requests()).at(-1)?.seq ?? 0;
    await d.send('grantRole');
    assert.equal(d.confirms.length, 1);
    assert.match(d.confirms[0].detail, new RegExp(`Scope: ${W.workspaceId}`));
    assert.equal(d.controller.view().auth.roleGrant.status, 'granted');
    await d.send('grantRole');
    assert.equal(d.confirms.length, 1, 'no second offer once granted');
    const creates = (await fx.control.requests(since)).filter(
      (r) => r.routeId === 'authorization.roleAssignments.create',
    );
    assert.equal(creates.length, 1, 'one role assignment, not two');
    await d.send('next');
    assert.equal(d.controller.view().step, 'data');
    await d.send('updateForm', { patch: { inputPath: 'data/scoring/', pollIntervalSeconds: 1 } });
    view = d.controller.view();
    assert.equal(view.data.inputPreview, 'azureml://datastores/workspaceblobstore/paths/data/scoring/');
    assert.match(view.data.outputDatastores.find((o) => o.name === 'lake')?.disabledReason ?? '', /ADLS Gen2/);
    await d.send('next');
    view = d.controller.view();
    assert.equal(view.step, 'review');
    assert.equal(view.review?.errors, 0, JSON.stringify(view.review?.problems));
    assert.equal(view.review?.exists, false);
    assert.deepEqual(
      view.review?.diagram.map((a) => a.name),
      ['Run Batch-Endpoint', 'Wait for job', 'If job completed'],
    );
    assert.equal(view.canContinue, true, view.blockedReason);
    await d.send('publish');
    view = d.controller.view();
    assert.equal(view.publish.status, 'done', JSON.stringify(view.error));
    const stored = await fx.azure.pipelines.read(W.factory('adf-mi'), view.form.pipelineName);
    const expected = generateBatchPipeline(
      pipelineOptionsOf(view.form, d.controller.endpoint, { ...fx.cloud, mlStudioUrl: 'https://ml.example' }),
    );
    assert.deepEqual(stored?.properties, JSON.parse(JSON.stringify(expected.properties)));
    assert.equal(view.review?.json, toGitJson(expected));
    await d.send('next');
    assert.equal(d.controller.view().step, 'run');
    assert.deepEqual(
      d.controller.view().run.parameters.find((p) => p.name === 'poll_interval'),
      { name: 'poll_interval', type: 'Int', defaultValue: '1', secure: false, required: false },
    );
    await d.send('runNow', { values: {} });
    await d.controller.whenRunEnded();
    view = d.controller.view();
    assert.equal(view.run.pipelineStatus, 'Succeeded', view.run.message);
    assert.equal(view.run.job?.status, 'Completed');
    assert.match(view.run.job?.studioUrl ?? '', /^https:\/\/ml\.example\/runs\//);
    assert.ok(view.run.activities.some((a) => a.name === 'Check status'));
    // The Pipeline Runs view follows the run too (ids and factory, never parameter values).
    assert.deepEqual(
      d.tracked.map(({ startedAt: _, ...run }) => run),
      [
        {
          runId: view.run.runId,
          factoryId: factoryResourceId(W.factory('adf-mi')),
          pipelineName: view.form.pipelineName,
          tenantId: W.tenant,
          source: 'wizard',
        },
      ],
    );
  });

  it('blocks a factory without a managed identity with its message', async () => {
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'));
    await toAuth(d, 'adf-noid');
    const view = d.controller.view();
    const check = view.checks.auth.find((c) => c.id === 'auth.factoryIdentity');
    assert.equal(check?.blocking, true);
    assert.match(check?.action ?? '', /Enable its managed identity/);
    assert.deepEqual(view.auth.factoryIdentity, { status: 'offer', factoryName: 'adf-noid' });
    assert.equal(view.canContinue, false);
    await d.send('next');
    assert.equal(d.controller.view().step, 'auth');
    assert.match(d.controller.view().notice ?? '', /no system-assigned managed identity/);
  });

  it('blocks an endpoint without a default deployment until one is chosen', async () => {
    const d = drive(fx, endpointOf(fx, 'score-nodefault'));
    d.controller.start();
    await d.controller.whenIdle();
    assert.equal(d.controller.view().canContinue, false);
    assert.match(d.controller.view().blockedReason ?? '', /no default deployment/);
    await d.send('updateForm', { patch: { deployment: 'only' } });
    assert.equal(d.controller.view().canContinue, true);
  });

  it('turns a stale ETag into the conflict flow, and overwrites only after confirmation', async () => {
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'));
    await toAuth(d, 'adf-ready');
    await d.send('next');
    await d.send('updateForm', { patch: { inputPath: 'data/' } });
    await d.send('next');
    // Someone publishes a pipeline of that name after the review read the factory.
    const name = d.controller.view().form.pipelineName;
    const theirs = generateBatchPipeline({
      name,
      endpointUri: fx.scoringUri('score-fast'),
      description: 'theirs',
      auth: { kind: 'mi' },
    });
    await fx.azure.pipelines.write(W.factory('adf-ready'), theirs, { ifNoneMatch: '*' });
    await d.send('publish');
    let view = d.controller.view();
    assert.equal(view.publish.status, 'conflict');
    assert.match(view.publish.conflict?.reason ?? '', /created .* after your review/);
    assert.ok(
      view.publish.conflict?.diff?.hunks.some((h) =>
        h.lines.some((l) => l.kind === 'removed' && l.text.includes('theirs')),
      ),
    );
    assert.equal(
      (await fx.azure.pipelines.read(W.factory('adf-ready'), name))?.properties.description,
      'theirs',
      'not overwritten',
    );
    d.answers.push(false);
    await d.send('resolveConflict', { choice: 'overwrite' });
    assert.equal(d.controller.view().publish.status, 'conflict', 'declined: still the conflict');
    await d.send('resolveConflict', { choice: 'overwrite' });
    view = d.controller.view();
    assert.equal(view.publish.status, 'done');
    assert.notEqual((await fx.azure.pipelines.read(W.factory('adf-ready'), name))?.properties.description, 'theirs');
  });

  it('shows a 403 on the role grant with what to do, keeping the form', async () => {
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'), fx.readerAzure);
    await toAuth(d, 'adf-mi');
    await d.send('updateForm', { patch: { description: 'keep me' } });
    await d.send('grantRole');
    const view = d.controller.view();
    assert.equal(view.error?.title, 'You are not allowed to assign roles on this workspace');
    assert.equal(view.error?.statusCode, 403);
    assert.match(view.error?.action ?? '', /az role assignment create/);
    assert.equal(view.auth.roleGrant.status, 'failed');
    assert.equal(view.form.description, 'keep me');
  });

  it('warns about git mode and saves into the repository folder instead, asking before overwriting a different file', async () => {
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'));
    await toAuth(d, 'adf-git');
    await d.send('next');
    await d.send('updateForm', { patch: { inputPath: 'data/' } });
    await d.send('next');
    await d.send('publish');
    assert.equal(d.controller.view().publish.status, 'confirmGitMode');
    assert.match(
      d.controller.view().publish.gitModeWarning ?? '',
      /next publish from the collaboration branch overwrites it/,
    );
    const repository = join(d.folder, 'repo');
    mkdirSync(join(repository, 'pipeline'), { recursive: true });
    await d.send('updateForm', { patch: { repositoryFolder: repository } });
    await d.send('confirmGitMode', { choice: 'saveToRepository' });
    let view = d.controller.view();
    assert.equal(view.form.targetKind, 'repository');
    assert.equal(view.step, 'review');
    const file = join(repository, 'pipeline', `${view.form.pipelineName}.json`);
    writeFileSync(file, '{"name": "old", "properties": {"activities": []}}\n');
    await d.send('back'); // entering the review again reads the file
    await d.send('next');
    assert.equal(d.controller.view().review?.exists, true);
    d.answers.push(false);
    await d.send('publish');
    assert.equal(d.diffs.length, 1, 'the difference was shown');
    assert.match(readFileSync(file, 'utf8'), /"old"/, 'declined: untouched');
    await d.send('publish');
    view = d.controller.view();
    assert.equal(view.publish.status, 'done');
    assert.equal(readFileSync(file, 'utf8'), `${view.review?.json}\n`);
  });

  it('exports the git JSON, ARM template and template zip', async () => {
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'));
    d.controller.start();
    await d.controller.whenIdle();
    await d.send('next');
    await d.send('updateForm', { patch: { targetKind: 'export' } });
    await d.send('chooseFolder', { purpose: 'export' });
    await d.send('next');
    await d.send('next');
    await d.send('updateForm', { patch: { inputPath: 'data/' } });
    await d.send('next');
    await d.send('publish');
    const view = d.controller.view();
    assert.equal(view.publish.status, 'done', JSON.stringify(view.error ?? view.notice));
    assert.deepEqual(
      view.publish.result?.files?.map((f) => f.slice(join(d.folder, 'export').length + 1)),
      ['Run-score-fast.json', 'Run-score-fast.arm-template.json', 'Run-score-fast.zip'],
    );
    for (const file of view.publish.result?.files ?? []) assert.ok(existsSync(file));
    assert.equal(view.publish.result?.canRun, false);
  });

  it('follows a run and cancels it', async () => {
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'));
    await toAuth(d, 'adf-ready');
    await d.send('next');
    await d.send('updateForm', { patch: { inputPath: 'data/', pollIntervalSeconds: 3600 } });
    await d.send('next');
    await d.send('publish');
    await d.send('next');
    await d.send('runNow', { values: {} });
    assert.equal(d.controller.view().run.status, 'running');
    await d.send('cancelRun');
    await d.controller.whenRunEnded();
    const run = d.controller.view().run;
    assert.equal(run.pipelineStatus, 'Cancelled');
    assert.equal(run.status, 'ended');
    assert.ok(d.log.some((l) => /Asked Data Factory to cancel run/.test(l)));
  });

  it('explains a factory deleted after it was chosen (404), reloads the list and keeps the form', async () => {
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'));
    await toAuth(d, 'adf-ready');
    await d.send('next');
    await d.send('updateForm', { patch: { inputPath: 'data/', description: 'mine' } });
    const original = await fx.control.getSeed();
    const seed = structuredClone(original);
    const rg = seed.subscriptions[0].resourceGroups!.find((g) => g.name === 'rg-adf')!;
    rg.dataFactories = rg.dataFactories!.filter((f) => f.name !== 'adf-ready');
    seed.roleAssignments = seed.roleAssignments?.filter((ra) => ra.principalId !== W.readyIdentity);
    await fx.control.setSeed(seed);
    try {
      await d.send('next');
      const view = d.controller.view();
      assert.equal(view.error?.statusCode, 404);
      assert.equal(view.error?.title, 'Data Factory adf-ready was not found');
      assert.match(view.error?.action ?? '', /Nothing you entered is lost/);
      assert.equal(view.form.description, 'mine');
      assert.equal(
        view.target.factories?.some((f) => f.name === 'adf-ready'),
        false,
        'the list was reloaded',
      );
      assert.match(view.checks.target.find((c) => c.id === 'target.factory')?.message ?? '', /no longer exists/);
      assert.equal(view.canContinue, false);
    } finally {
      await fx.control.setSeed(original);
    }
  });

  it('lets the SDK retry throttling (429), and shows an expired sign-in (401) and a 409 with what to do, then retries', async () => {
    await fx.control.addFault({
      route: 'adf.factories.list',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
      count: 1,
    });
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'));
    await toAuth(d, 'adf-ready');
    assert.equal(d.controller.view().error, undefined, 'a 429 retried by the SDK never reaches the user');
    const lists = (await fx.control.requests()).filter((r) => r.routeId === 'adf.factories.list');
    assert.deepEqual(
      lists.map((r) => r.status),
      [429, 200],
    );
    await d.send('next');
    await d.send('updateForm', { patch: { inputPath: 'data/', description: 'kept' } });
    await d.send('next');
    await fx.control.addFault({ route: 'adf.pipelines.createOrUpdate', kind: 'status', status: 401, count: 1 });
    await d.send('publish');
    let view = d.controller.view();
    assert.equal(view.error?.statusCode, 401);
    assert.equal(view.error?.canSignIn, true);
    assert.equal(view.error?.title, 'Your sign-in expired or was not accepted');
    assert.equal(view.form.description, 'kept');
    await fx.control.addFault({ route: 'adf.pipelines.createOrUpdate', kind: 'status', status: 409, count: 1 });
    await d.send('retry');
    view = d.controller.view();
    assert.equal(view.error?.title, 'Conflict');
    await d.send('retry');
    view = d.controller.view();
    assert.equal(view.error, undefined);
    assert.equal(view.publish.status, 'done');
  });
});
