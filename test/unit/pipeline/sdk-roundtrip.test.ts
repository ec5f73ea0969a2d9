// Proves the createOrUpdate body survives the SDK's own serializer unchanged: the request is built by
// DataFactoryManagementClient.pipelines.createOrUpdate and caught by an in-memory HTTP client.
import * as assert from 'node:assert/strict';
import { DataFactoryManagementClient, PipelineResource } from '@azure/arm-datafactory';
import type { TokenCredential } from '@azure/identity';
import { HttpClient, PipelineRequest, createHttpHeaders } from '@azure/core-rest-pipeline';
import { CLOUD_NAMES } from '../../../src/core/clouds';
import { ACTIVITY, generateBatchPipeline, toCreateOrUpdateBody, toGitJson } from '../../../src/core/pipeline';
import { VARIANTS, activity, optionsFor } from './variants';

const credential: TokenCredential = {
  getToken: async () => ({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

/** The JSON body the SDK would send for createOrUpdate(body). */
async function serializedByTheSdk(body: PipelineResource): Promise<{ properties: unknown }> {
  let sent: PipelineRequest | undefined;
  const httpClient: HttpClient = {
    sendRequest: async (request) => {
      sent = request;
      return {
        status: 200,
        headers: createHttpHeaders({ 'content-type': 'application/json' }),
        request,
        bodyAsText: '{"name":"p"}',
      };
    },
  };
  const client = new DataFactoryManagementClient(credential, '00000000-0000-0000-0000-000000000000', {
    httpClient,
    retryOptions: { maxRetries: 0 },
  });
  await client.pipelines.createOrUpdate('rg', 'factory', 'Run-BatchEndpoint', body);
  assert.ok(sent, 'the SDK sent a request');
  assert.equal(sent.method, 'PUT');
  assert.match(sent.url, /\/factories\/factory\/pipelines\/Run-BatchEndpoint\?api-version=2018-06-01$/);
  return JSON.parse(String(sent.body));
}

describe('createOrUpdate body through the @azure/arm-datafactory serializer', () => {
  for (const kind of VARIANTS) {
    it(`${kind}: the serialized request body equals the generated pipeline, field for field`, async () => {
      const pipeline = generateBatchPipeline(optionsFor(kind, { deploymentName: 'blue', folder: 'ML' }));
      const sent = await serializedByTheSdk(toCreateOrUpdateBody(pipeline));
      assert.deepEqual(sent, { properties: JSON.parse(toGitJson(pipeline)).properties });
      // The fields the typed model does not know, spelled out so a regression names them.
      const invoke = (
        sent.properties as { activities: Array<{ name: string; typeProperties: Record<string, unknown> }> }
      ).activities.find((a) => a.name === ACTIVITY.invoke);
      assert.equal(invoke?.typeProperties['turnOffAsync'], true);
      assert.equal(invoke?.typeProperties['httpRequestTimeout'], '00:02:00');
      assert.deepEqual(
        invoke?.typeProperties['authentication'],
        activity(pipeline, ACTIVITY.invoke).typeProperties['authentication'],
      );
    });
  }

  it('every cloud, with a fixed output URI: still unchanged', async () => {
    for (const cloud of CLOUD_NAMES) {
      const pipeline = generateBatchPipeline(
        optionsFor('sp-secret', { cloud, outputUri: 'azureml://datastores/out/paths/x.csv' }),
      );
      assert.deepEqual(
        await serializedByTheSdk(toCreateOrUpdateBody(pipeline)),
        { properties: JSON.parse(toGitJson(pipeline)).properties },
        cloud,
      );
    }
  });

  it('does not share objects with the pipeline (callers may change one without the other)', () => {
    const pipeline = generateBatchPipeline(optionsFor('mi'));
    const body = toCreateOrUpdateBody(pipeline);
    assert.notEqual(body.activities, pipeline.properties.activities);
    assert.deepEqual(body, pipeline.properties);
  });

  it('control: the typed, flattened WebActivity form loses fields (why the body stays raw)', async () => {
    type Sent = {
      properties: { activities: Array<Record<string, unknown> & { typeProperties: Record<string, unknown> }> };
    };
    const mixed = {
      activities: [
        { name: 'A', type: 'WebActivity', method: 'POST', url: 'https://x', typeProperties: { turnOffAsync: true } },
      ],
    };
    const sentMixed = (await serializedByTheSdk(mixed as unknown as PipelineResource)) as Sent;
    assert.deepEqual(
      sentMixed.properties.activities[0].typeProperties,
      { turnOffAsync: true },
      'method and url were dropped',
    );
    const flattened = {
      activities: [{ name: 'A', type: 'WebActivity', method: 'POST', url: 'https://x', turnOffAsync: true }],
    };
    const sentFlattened = (await serializedByTheSdk(flattened as unknown as PipelineResource)) as Sent;
    assert.equal(
      sentFlattened.properties.activities[0].typeProperties['turnOffAsync'],
      undefined,
      'turnOffAsync lands outside typeProperties',
    );
  });
});
