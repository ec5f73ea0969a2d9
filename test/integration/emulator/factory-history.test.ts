import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClientSecretCredential } from '@azure/identity';
import { DataFactoryManagementClient } from '@azure/arm-datafactory';
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createEmptyPipeline,
  createHttpHeaders,
  createPipelineRequest,
  type PipelinePolicy,
} from '@azure/core-rest-pipeline';
import { callsScoringUri, classifyPipeline } from '../../../src/core/factory';
import { checkSeed, SeedError } from '../../../tools/emulator/seed';
import { emulatorArmClientOptions, emulatorCredentialOptions, trustEmulatorCaPolicy } from './trust';
import { useEmulator } from '../../support/emulator';

// The sandbox world of `npm start`: a factory with batch pipelines, past runs (the last Score-Churn run failed
// while polling its job) and past batch jobs.
const SEED = join(process.cwd(), 'test', 'sandbox', 'seed.json');
const SUB = '5a000000-0000-4000-8000-000000000001';
const RG = 'rg-contoso-data';
const FACTORY = 'contoso-analytics';
const FAILED_RUN = '7e57f00d-0000-4000-8000-000000001207';
const WS = `/subscriptions/${SUB}/resourceGroups/rg-contoso-ml/providers/Microsoft.MachineLearningServices/workspaces/contoso-ml`;

describe('emulator: factory history, recovery runs and batch job lists (sandbox seed)', () => {
  const fx = useEmulator(SEED, { pageSize: 2, timeScale: 20 });
  let credential: ClientSecretCredential;
  const sent: Array<{ url: string; body: string | undefined }> = [];
  const recorder: PipelinePolicy = {
    name: 'recordCreateRun',
    async sendRequest(request, next) {
      if (/createRun/i.test(request.url))
        sent.push({ url: request.url, body: typeof request.body === 'string' ? request.body : undefined });
      return next(request);
    },
  };
  const adf = (): DataFactoryManagementClient => {
    const options = emulatorArmClientOptions(fx.emulator);
    return new DataFactoryManagementClient(credential, SUB, {
      ...options,
      additionalPolicies: [...(options.additionalPolicies ?? []), { policy: recorder, position: 'perCall' }],
    });
  };
  const window = {
    lastUpdatedAfter: new Date(Date.now() - 7 * 86400_000),
    lastUpdatedBefore: new Date(Date.now() + 86400_000),
  };

  before(async () => {
    credential = new ClientSecretCredential(
      '00000000-0000-0000-0000-00000000aaaa',
      '11111111-1111-1111-1111-111111111111',
      'sandbox-secret',
      emulatorCredentialOptions(fx.emulator),
    );
  });
  beforeEach(async () => {
    sent.length = 0;
  });

  it('lists the seeded runs by factory, newest first, page by page with continuation tokens', async () => {
    const names: string[] = [];
    const statuses: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await adf().pipelineRuns.queryByFactory(RG, FACTORY, {
        ...window,
        continuationToken: token,
        orderBy: [{ orderBy: 'RunStart', order: 'DESC' }],
      });
      pages++;
      names.push(...page.value.map((r) => r.pipelineName!));
      statuses.push(...page.value.map((r) => r.status!));
      token = page.continuationToken || undefined;
    } while (token);
    assert.equal(pages, 3, '5 runs in pages of 2');
    assert.deepEqual(names, ['Refresh-Dashboard', 'Score-Churn', 'Read-Invoices', 'Score-Churn', 'Score-Churn']);
    assert.deepEqual(statuses, ['Succeeded', 'Failed', 'Failed', 'Succeeded', 'Succeeded']);
    const onlyChurn = await adf().pipelineRuns.queryByFactory(RG, FACTORY, {
      ...window,
      filters: [{ operand: 'PipelineName', operator: 'Equals', values: ['Score-Churn'] }],
    });
    assert.equal(onlyChurn.value.length, 2, 'first page of the three Score-Churn runs');
    const activities = await adf().activityRuns.queryByPipelineRun(RG, FACTORY, FAILED_RUN, window);
    assert.deepEqual(
      activities.value.map((a) => `${a.activityName}:${a.status}`),
      ['Run Batch-Endpoint:Succeeded', 'Wait for job:Failed'],
    );
  });

  it('Rerun from failed activity: createRun carries referencePipelineRunId, isRecovery and startFromFailure, and the new run starts at the failed activity', async () => {
    const { runId } = await adf().pipelines.createRun(RG, FACTORY, 'Score-Churn', {
      referencePipelineRunId: FAILED_RUN,
      isRecovery: true,
      startFromFailure: true,
    });
    assert.equal(sent.length, 1);
    const url = new URL(sent[0].url);
    assert.equal(url.searchParams.get('referencePipelineRunId'), FAILED_RUN);
    assert.equal(url.searchParams.get('isRecovery'), 'true');
    assert.equal(url.searchParams.get('startFromFailure'), 'true');
    assert.equal(sent[0].body, undefined, "no parameters: the referenced run's values are reused");
    let run = await adf().pipelineRuns.get(RG, FACTORY, runId);
    for (let i = 0; i < 400 && !['Succeeded', 'Failed', 'Cancelled'].includes(run.status!); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      run = await adf().pipelineRuns.get(RG, FACTORY, runId);
    }
    assert.equal(run.status, 'Succeeded', run.message);
    assert.equal(run.runGroupId, FAILED_RUN, 'grouped with the referenced run');
    const activities = {
      value: [] as Awaited<ReturnType<DataFactoryManagementClient['activityRuns']['queryByPipelineRun']>>['value'],
    };
    let token: string | undefined;
    do {
      const page = await adf().activityRuns.queryByPipelineRun(RG, FACTORY, runId, {
        ...window,
        continuationToken: token,
      });
      activities.value.push(...page.value);
      token = page.continuationToken || undefined;
    } while (token);
    const top = activities.value.filter((a) =>
      ['Run Batch-Endpoint', 'Wait for job', 'If job completed'].includes(a.activityName!),
    );
    assert.equal(top[0]?.activityName, 'Wait for job', 'the first activity of the recovery run is the failed one');
    assert.ok(
      !activities.value.some((a) => a.activityName === 'Run Batch-Endpoint'),
      'the succeeded invoke is not run again',
    );
    const checks = activities.value.filter((a) => a.activityName === 'Check status');
    assert.match(
      JSON.stringify(checks.at(-1)?.output),
      /batchjob-churn-nightly-1207/,
      'polls the job the failed run had started',
    );
    const old = await adf().pipelineRuns.get(RG, FACTORY, FAILED_RUN);
    assert.equal(old.isLatest, false);
  });

  it('refuses inconsistent recovery parameters with a clear message', async () => {
    await assert.rejects(
      adf().pipelines.createRun(RG, FACTORY, 'Score-Churn', { isRecovery: true }),
      /needs referencePipelineRunId/,
    );
    await assert.rejects(
      adf().pipelines.createRun(RG, FACTORY, 'Score-Churn', { startFromFailure: true }),
      /only in recovery mode/,
    );
    const succeeded = (
      await adf().pipelineRuns.queryByFactory(RG, FACTORY, {
        ...window,
        filters: [
          { operand: 'Status', operator: 'Equals', values: ['Succeeded'] },
          { operand: 'PipelineName', operator: 'Equals', values: ['Score-Churn'] },
        ],
      })
    ).value[0];
    await assert.rejects(
      adf().pipelines.createRun(RG, FACTORY, 'Score-Churn', {
        referencePipelineRunId: succeeded.runId,
        isRecovery: true,
        startFromFailure: true,
      }),
      /did not fail/,
    );
    await assert.rejects(
      adf().pipelines.createRun(RG, FACTORY, 'Refresh-Dashboard', {
        referencePipelineRunId: FAILED_RUN,
        isRecovery: true,
      }),
      /is a run of pipeline 'Score-Churn'/,
    );
  });

  it("lists a batch endpoint's jobs as `az ml batch-endpoint list-jobs` does (GET .../batchEndpoints/{e}/jobs, 2020-09-01-dataplanepreview)", async () => {
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(trustEmulatorCaPolicy(fx.emulator.caCertPem));
    pipeline.addPolicy(
      bearerTokenAuthenticationPolicy({ credential, scopes: 'https://management.azure.com/.default' }),
    );
    const http = createDefaultHttpClient();
    const get = async (
      url: string,
    ): Promise<{
      status: number;
      body: {
        value?: Array<{ name: string; properties: Record<string, unknown> }>;
        nextLink?: string;
        error?: { code: string };
      };
    }> => {
      const response = await pipeline.sendRequest(
        http,
        createPipelineRequest({ url, method: 'GET', headers: createHttpHeaders({ Accept: 'application/json' }) }),
      );
      return { status: response.status, body: JSON.parse(response.bodyAsText ?? '{}') };
    };
    const base = `${fx.emulator.url}${WS}/batchEndpoints/churn-scoring/jobs`;
    const names: string[] = [];
    let url: string | undefined = `${base}?api-version=2020-09-01-dataplanepreview`;
    while (url) {
      const page = await get(url);
      assert.equal(page.status, 200);
      for (const job of page.body.value ?? []) {
        names.push(job.name);
        assert.equal(job.properties.status, 'Completed');
        assert.match(JSON.stringify(job.properties.outputData), /predictions\.csv/);
      }
      url = page.body.nextLink;
    }
    assert.deepEqual(names, [
      'batchjob-churn-nightly-1207',
      'batchjob-churn-nightly-1206',
      'batchjob-churn-nightly-1205',
    ]);
    const ocr = await get(
      `${fx.emulator.url}${WS}/batchEndpoints/invoice-ocr/jobs?api-version=2020-09-01-dataplanepreview`,
    );
    assert.equal(ocr.body.value?.[0]?.properties.status, 'Failed');
    assert.equal(
      (await get(`${base}?api-version=2020-09-01-dataplanepreview&deployment=churn-v3-preview`)).body.value?.length,
      0,
    );
    assert.equal(
      (await get(`${fx.emulator.url}${WS}/batchEndpoints/nope/jobs?api-version=2020-09-01-dataplanepreview`)).status,
      404,
    );
    assert.equal((await get(`${base}?api-version=2022-10-01`)).status, 400);
  });

  it('cross-reference: a pipeline calls an endpoint through a parameter default or a literal URL, an unrelated URL calls none', async () => {
    const ml = new AzureMachineLearningWorkspaces(credential, SUB, emulatorArmClientOptions(fx.emulator));
    const churn = await ml.batchEndpoints.get('rg-contoso-ml', 'contoso-ml', 'churn-scoring');
    const ocr = await ml.batchEndpoints.get('rg-contoso-ml', 'contoso-ml', 'invoice-ocr');
    // Raw JSON: the typed model would flatten typeProperties (see the reference notes).
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(trustEmulatorCaPolicy(fx.emulator.caCertPem));
    pipeline.addPolicy(
      bearerTokenAuthenticationPolicy({ credential, scopes: 'https://management.azure.com/.default' }),
    );
    const response = await pipeline.sendRequest(
      createDefaultHttpClient(),
      createPipelineRequest({
        url: `${fx.emulator.url}/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.DataFactory/factories/${FACTORY}/pipelines?api-version=2018-06-01`,
        method: 'GET',
      }),
    );
    const listed = JSON.parse(response.bodyAsText!) as {
      value: Array<{ name: string; properties: unknown }>;
      nextLink?: string;
    };
    const second = listed.nextLink
      ? (
          JSON.parse(
            (
              await pipeline.sendRequest(
                createDefaultHttpClient(),
                createPipelineRequest({ url: listed.nextLink, method: 'GET' }),
              )
            ).bodyAsText!,
          ) as typeof listed
        ).value
      : [];
    const all = [...listed.value, ...second];
    assert.equal(all.length, 4);
    const using = (uri: string | undefined): string[] =>
      all.filter((p) => callsScoringUri(classifyPipeline(p), uri)).map((p) => p.name);
    assert.deepEqual(
      using(churn.properties?.scoringUri),
      ['Score-Churn'],
      'through the endpoint_uri parameter default',
    );
    assert.deepEqual(using(ocr.properties?.scoringUri), ['Read-Invoices'], 'the URL written in the activity');
    assert.deepEqual(
      all
        .filter((p) => classifyPipeline(p).isBatch)
        .map((p) => p.name)
        .sort(),
      ['Read-Invoices', 'Score-Churn'],
    );
  });

  it('seed history is checked: runs of unknown pipelines and jobs of unknown deployments are reported', () => {
    const seed = JSON.parse(readFileSync(SEED, 'utf8'));
    seed.subscriptions[0].resourceGroups[1].dataFactories[0].runs.push({
      pipelineName: 'Nope',
      status: 'Done',
      startedMinutesAgo: -1,
    });
    seed.subscriptions[0].resourceGroups[0].workspaces[0].batchEndpoints[0].jobs.push({
      status: 'Completed',
      startedMinutesAgo: 1,
      deployment: 'ghost',
    });
    assert.throws(
      () => checkSeed(seed),
      (error: unknown) => {
        assert.ok(error instanceof SeedError);
        const text = error.problems.join('\n');
        assert.match(text, /runs\[5\]\.pipelineName: expected the name of a seeded pipeline/);
        assert.match(text, /runs\[5\]\.status/);
        assert.match(text, /runs\[5\]\.startedMinutesAgo/);
        assert.match(text, /jobs\[3\]\.deployment: not among the endpoint's deployments/);
        return true;
      },
    );
  });
});
