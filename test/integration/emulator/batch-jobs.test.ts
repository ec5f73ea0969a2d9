import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ARM_SCOPE, IDS, ML_SCOPE, send, useEmulator, type Fixture, type RawResponse } from './fixture';

interface JobBody {
  id: string;
  name: string;
  properties: { status: string; error?: { message: string } };
}

function jobRequest(output: string, input = 'azureml://datastores/inputs/paths/heart/'): unknown {
  return {
    properties: {
      InputData: { heart_dataset: { JobInputType: 'UriFolder', Uri: input } },
      OutputData: { score: { JobOutputType: 'UriFile', Uri: output } },
    },
  };
}

const uniqueOutput = (): string =>
  `azureml://datastores/workspaceblobstore/paths/batch/${randomUUID()}/predictions.csv`;

async function scoringUri(fx: Fixture, endpoint: string): Promise<string> {
  // Read it from ARM, like the product does.
  return (await fx.ml().batchEndpoints.get('rg-ml', 'ws-main', endpoint)).properties.scoringUri!;
}

async function invoke(
  fx: Fixture,
  endpoint: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return send(fx, { method: 'POST', url: await scoringUri(fx, endpoint), body, headers, scope: ML_SCOPE });
}

async function pollStatuses(fx: Fixture, endpoint: string, job: JobBody): Promise<JobBody[]> {
  const uri = await scoringUri(fx, endpoint);
  const seen: JobBody[] = [];
  for (let i = 0; i < 100; i++) {
    const response = await send(fx, { method: 'GET', url: `${uri}/${job.id.split('/').pop()}`, scope: ML_SCOPE });
    assert.equal(response.status, 200);
    const body = response.body as JobBody;
    seen.push(body);
    if (['Completed', 'Failed', 'Canceled'].includes(body.properties.status)) return seen;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the job never finished');
}

describe('emulator: batch endpoint data plane (scoring URI)', () => {
  const fx = useEmulator({ timeScale: 20 });

  it('accepts a job and moves it through the service statuses to Completed', async () => {
    const response = await invoke(fx, 'score-complete', jobRequest(uniqueOutput()));
    assert.equal(response.status, 200);
    const job = response.body as JobBody;
    assert.equal(job.properties.status, 'NotStarted');
    assert.match(job.id, /\/workspaces\/ws-main\/jobs\/batchjob-[0-9a-f-]+$/);
    assert.equal(job.id.split('/').pop(), job.name, 'the name is the last segment of the id');
    const statuses = (await pollStatuses(fx, 'score-complete', job)).map((j) => j.properties.status);
    assert.deepEqual(statuses, ['Running', 'Finalizing', 'Completed'], 'jobPolls: 3 in the seed');
    const [recorded] = await fx.control.jobs();
    assert.equal(recorded!.deployment, 'blue', 'the default deployment ran it');
    assert.equal(recorded!.inputs.heart_dataset!.type, 'UriFolder');
  });

  it('ends a job Failed with the seeded error message', async () => {
    const job = (await invoke(fx, 'score-fail', jobRequest(uniqueOutput()))).body as JobBody;
    const last = (await pollStatuses(fx, 'score-fail', job)).at(-1)!;
    assert.equal(last.properties.status, 'Failed');
    assert.match(last.properties.error!.message, /input column 'age' is missing/);
  });

  it('ends a job Canceled when the seed says so', async () => {
    const job = (await invoke(fx, 'score-cancel', jobRequest(uniqueOutput()))).body as JobBody;
    const statuses = (await pollStatuses(fx, 'score-cancel', job)).map((j) => j.properties.status);
    assert.deepEqual(statuses, ['CancelRequested', 'Canceled']);
  });

  it('moves time-based jobs along with the clock (timeScale)', async () => {
    const job = (await invoke(fx, 'score-timed', jobRequest(uniqueOutput()))).body as JobBody;
    const statuses = (await pollStatuses(fx, 'score-timed', job)).map((j) => j.properties.status);
    assert.equal(statuses.at(-1), 'Completed');
  });

  it('fails a job writing to an output that already exists with "the path already exists"', async () => {
    const output = uniqueOutput();
    assert.equal((await invoke(fx, 'score-complete', jobRequest(output))).status, 200);
    const again = await invoke(fx, 'score-complete', jobRequest(output));
    assert.equal(again.status, 400);
    assert.match((again.body as { error: { message: string } }).error.message, /the path already exists/);
    const seeded = await invoke(
      fx,
      'score-complete',
      jobRequest('azureml://datastores/workspaceblobstore/paths/existing/predictions.csv'),
    );
    assert.equal(seeded.status, 400, 'paths listed in the seed exist too');
  });

  it('refuses an endpoint without default deployment unless the azureml-model-deployment header names one', async () => {
    const refused = await invoke(fx, 'no-default', jobRequest(uniqueOutput()));
    assert.equal(refused.status, 400);
    assert.match(
      (refused.body as { error: { message: string } }).error.message,
      /no default deployment.*azureml-model-deployment/,
    );
    const named = await invoke(fx, 'no-default', jobRequest(uniqueOutput()), { 'azureml-model-deployment': 'only' });
    assert.equal(named.status, 200);
    const unknown = await invoke(fx, 'score-complete', jobRequest(uniqueOutput()), {
      'azureml-model-deployment': 'purple',
    });
    assert.equal(unknown.status, 404);
    const green = await invoke(fx, 'score-complete', jobRequest(uniqueOutput()), {
      'azureml-model-deployment': 'green',
    });
    assert.equal(green.status, 200);
    assert.equal((await fx.control.jobs()).find((j) => j.name === (green.body as JobBody).name)!.deployment, 'green');
  });

  it('checks input and output types and the output datastore', async () => {
    const badInput = {
      properties: {
        InputData: { data: { JobInputType: 'uri_folder', Uri: 'azureml://datastores/inputs/paths/x/' } },
        OutputData: { score: { JobOutputType: 'UriFile', Uri: uniqueOutput() } },
      },
    };
    const input = await invoke(fx, 'score-complete', badInput);
    assert.equal(input.status, 400);
    assert.match(
      (input.body as { error: { message: string } }).error.message,
      /JobInputType is "uri_folder"; supported values: UriFolder, UriFile/,
    );
    const folderOutput = {
      properties: {
        InputData: { data: { JobInputType: 'UriFile', Uri: 'https://st.blob.core.windows.net/c/a.csv' } },
        OutputData: { score: { JobOutputType: 'UriFolder', Uri: uniqueOutput() } },
      },
    };
    assert.equal((await invoke(fx, 'score-complete', folderOutput)).status, 400);
    const lakeOutput = await invoke(
      fx,
      'score-complete',
      jobRequest('azureml://datastores/lake/paths/out/predictions.csv'),
    );
    assert.equal(lakeOutput.status, 400);
    assert.match((lakeOutput.body as { error: { message: string } }).error.message, /Azure Blob datastores only/);
    assert.equal((await fx.control.jobs()).length, 0, 'no job was created');
  });

  it('requires a token for the ML audience (an ARM token gets 401)', async () => {
    const uri = await scoringUri(fx, 'score-complete');
    const armToken = await send(fx, { method: 'POST', url: uri, body: jobRequest(uniqueOutput()), scope: ARM_SCOPE });
    assert.equal(armToken.status, 401);
    assert.equal((armToken.body as { error: { code: string } }).error.code, 'InvalidAuthenticationTokenAudience');
    const none = await send(fx, { method: 'POST', url: uri, body: jobRequest(uniqueOutput()) });
    assert.equal(none.status, 401);
    assert.ok(none.headers['www-authenticate']);
  });

  it('with dataPlaneRbac in the seed, accepts jobs only from principals with a role on the workspace', async () => {
    const original = await fx.control.getSeed();
    await fx.control.setSeed({ ...original, dataPlaneRbac: true });
    try {
      const uri = await scoringUri(fx, 'score-complete');
      const factory = (name: string): { subscriptionId: string; resourceGroup: string; name: string } => ({
        subscriptionId: IDS.devSubscription,
        resourceGroup: 'rg-adf',
        name,
      });
      const granted = fx.emulator.issueManagedIdentityToken(factory('adf-int-mi'), 'https://ml.azure.com');
      assert.equal(
        (await send(fx, { method: 'POST', url: uri, body: jobRequest(uniqueOutput()), token: granted })).status,
        200,
        'AzureML Data Scientist on ws-main',
      );
      assert.equal(
        (await invoke(fx, 'score-complete', jobRequest(uniqueOutput()))).status,
        200,
        'Owner of the subscription',
      );
      const withoutRole = fx.emulator.issueManagedIdentityToken(factory('adf-int-git'), 'https://ml.azure.com');
      const refused = await send(fx, {
        method: 'POST',
        url: uri,
        body: jobRequest(uniqueOutput()),
        token: withoutRole,
      });
      assert.equal(refused.status, 403);
      assert.match((refused.body as { error: { message: string } }).error.message, /Grant it AzureML Data Scientist/);
    } finally {
      await fx.control.setSeed(original);
    }
  });
});
