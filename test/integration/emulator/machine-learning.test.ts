import assert from 'node:assert/strict';
import { RestError } from '@azure/core-rest-pipeline';
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import { all, IDS, PAGE_SIZE, useEmulator } from './fixture';
import { emulatorArmClientOptions } from './trust';

describe('emulator: Machine Learning through @azure/arm-machinelearning', () => {
  const fx = useEmulator();

  it('lists workspaces of a subscription across two pages (nextLink)', async () => {
    const workspaces = await all(fx.ml().workspaces.listBySubscription());
    assert.deepEqual(workspaces.map((w) => w.name).sort(), ['ws-fourth', 'ws-main', 'ws-second', 'ws-third']);
    const listCalls = (await fx.control.requests()).filter((r) => r.routeId === 'ml.workspaces.listBySubscription');
    assert.equal(listCalls.length, 2, 'four workspaces with page size 3 take two requests');
    assert.equal(listCalls[1]!.query.$skipToken, String(PAGE_SIZE));
    assert.equal(listCalls[1]!.query['api-version'], '2022-10-01');
  });

  it('lists workspaces by resource group and gets one', async () => {
    const prod = await all(fx.ml(IDS.prodSubscription).workspaces.listByResourceGroup('rg-prod'));
    assert.deepEqual(
      prod.map((w) => w.name),
      ['ws-prod'],
    );
    const ws = await fx.ml().workspaces.get('rg-ml', 'ws-main');
    assert.equal(
      ws.id,
      `/subscriptions/${IDS.devSubscription}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-main`,
    );
    assert.equal(ws.friendlyName, 'Main workspace');
    assert.equal(ws.location, 'eastus');
    assert.equal(ws.provisioningState, 'Succeeded');
  });

  it('lists batch endpoints across pages and gets one with scoring URI, auth mode and default deployment', async () => {
    const endpoints = await all(fx.ml().batchEndpoints.list('rg-ml', 'ws-main'));
    assert.equal(endpoints.length, 5);
    assert.ok(endpoints.length > PAGE_SIZE);
    const endpoint = await fx.ml().batchEndpoints.get('rg-ml', 'ws-main', 'score-complete');
    assert.equal(endpoint.properties.scoringUri, `${fx.emulator.url}/ml/eastus/score-complete/jobs`);
    assert.equal(endpoint.properties.authMode, 'AADToken');
    assert.equal(endpoint.properties.defaults?.deploymentName, 'blue');
    assert.equal(endpoint.properties.provisioningState, 'Succeeded');
    const noDefault = endpoints.find((e) => e.name === 'no-default')!;
    assert.equal(noDefault.properties.defaults?.deploymentName ?? null, null);
  });

  it('lists and gets batch deployments with model and provisioning state', async () => {
    const deployments = await all(fx.ml().batchDeployments.list('rg-ml', 'ws-main', 'score-complete'));
    assert.deepEqual(
      deployments.map((d) => d.name),
      ['blue', 'green', 'broken'],
    );
    const broken = await fx.ml().batchDeployments.get('rg-ml', 'ws-main', 'score-complete', 'broken');
    assert.equal(broken.properties.provisioningState, 'Failed');
    const blue = deployments[0]!;
    assert.equal(blue.properties.model?.referenceType, 'Id');
    assert.match(
      (blue.properties.model as { assetId: string }).assetId,
      /\/workspaces\/ws-main\/models\/credit-model\/versions\/3$/,
    );
  });

  it('lists and gets datastores, telling Blob from ADLS Gen2', async () => {
    const datastores = await all(fx.ml().datastores.list('rg-ml', 'ws-main'));
    const types = Object.fromEntries(datastores.map((d) => [d.name, d.properties.datastoreType]));
    assert.deepEqual(types, { workspaceblobstore: 'AzureBlob', lake: 'AzureDataLakeGen2', inputs: 'AzureBlob' });
    const lake = await fx.ml().datastores.get('rg-ml', 'ws-main', 'lake');
    assert.equal(lake.properties.datastoreType, 'AzureDataLakeGen2');
    assert.equal((lake.properties as { filesystem?: string }).filesystem, 'raw');
    const blob = await fx.ml().datastores.get('rg-ml', 'ws-main', 'workspaceblobstore');
    assert.equal((blob.properties as { containerName?: string }).containerName, 'azureml-blobstore');
    assert.equal(blob.properties.isDefault, true);
  });

  it("answers unknown resources with ARM's 404 error body", async () => {
    const error = await fx
      .ml()
      .batchEndpoints.get('rg-ml', 'ws-main', 'nope')
      .catch((e: unknown) => e);
    assert.ok(error instanceof RestError);
    assert.equal(error.statusCode, 404);
    assert.equal(error.code, 'ResourceNotFound');
    const body = JSON.parse(error.response!.bodyAsText!) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'ResourceNotFound');
    assert.match(body.error.message, /batchEndpoints\/nope' under resource group 'rg-ml' was not found/);
    const group = await fx
      .ml()
      .workspaces.get('rg-missing', 'ws-main')
      .catch((e: unknown) => e);
    assert.equal((group as RestError).code, 'ResourceGroupNotFound');
  });

  it('answers an unknown api-version with 400', async () => {
    const old = new AzureMachineLearningWorkspaces(fx.credential, IDS.devSubscription, {
      ...emulatorArmClientOptions(fx.emulator),
      apiVersion: '2019-01-01',
    });
    const error = await old.workspaces.get('rg-ml', 'ws-main').catch((e: unknown) => e);
    assert.ok(error instanceof RestError);
    assert.equal(error.statusCode, 400);
    assert.equal(error.code, 'NoRegisteredProviderFound');
    assert.match(error.message, /API version '2019-01-01'.*supported api-versions are '2022-10-01/);
  });
});
