import * as assert from 'node:assert/strict';
import {
  createHttpHeaders,
  type HttpClient,
  type PipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { resolveCloud } from '../../../src/core/azure/cloud';
import { AzureClientPool } from '../../../src/azure/sdk/client-pool';
import { SdkResourceReader } from '../../../src/azure/sdk/resource-reader';

const cloud = resolveCloud('Custom', {
  resourceManagerEndpoint: 'https://arm.test',
  authorityHost: 'https://login.test',
  mlAudience: 'https://ml.test',
});
const sub = { subscriptionId: 's1', tenantId: 't1', name: 'One' };
const wsId = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws1';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

/** An HttpClient answering from a script, recording every request. */
function scripted(replies: Reply[]): HttpClient & { requests: PipelineRequest[] } {
  const requests: PipelineRequest[] = [];
  return {
    requests,
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      requests.push(request);
      const reply = replies.shift() ?? {
        status: 500,
        body: { error: { code: 'NoScript', message: 'unexpected request' } },
      };
      return {
        request,
        status: reply.status,
        headers: createHttpHeaders({ 'content-type': 'application/json', ...reply.headers }),
        bodyAsText: reply.body === undefined ? '' : JSON.stringify(reply.body),
      };
    },
  };
}

class RecordingCredential implements TokenCredential {
  scopes: string[] = [];
  async getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
    this.scopes.push(...[scopes].flat());
    return { token: 'fake-token', expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

function endpointJson(name: string, defaultDeployment?: string): unknown {
  return {
    id: `${wsId}/batchEndpoints/${name}`,
    name,
    type: 'Microsoft.MachineLearningServices/workspaces/batchEndpoints',
    location: 'westeurope',
    properties: {
      authMode: 'AADToken',
      scoringUri: `https://ml.test/${name}/jobs`,
      defaults: defaultDeployment ? { deploymentName: defaultDeployment } : {},
      provisioningState: 'Succeeded',
      customField: 42,
    },
  };
}

describe('azure/sdk-reader (official SDK clients, scripted HTTP)', () => {
  it('calls the cloud ARM endpoint with the ARM scope and reads one page', async () => {
    const http = scripted([
      {
        status: 200,
        body: {
          value: [{ id: wsId, name: 'ws1', location: 'westeurope' }],
          nextLink: 'https://arm.test/next-page?skip=1',
        },
      },
    ]);
    const credential = new RecordingCredential();
    const reader = new SdkResourceReader(
      new AzureClientPool({ cloud, credentialForTenant: () => credential, clientOptions: { httpClient: http } }),
    );
    const page = await reader.listWorkspaces(sub);
    assert.equal(http.requests.length, 1, 'one page, no prefetch of the next');
    const url = new URL(http.requests[0].url);
    assert.equal(url.origin, 'https://arm.test');
    assert.equal(url.pathname, '/subscriptions/s1/providers/Microsoft.MachineLearningServices/workspaces');
    assert.equal(url.searchParams.get('api-version'), '2022-10-01');
    assert.deepEqual(credential.scopes, ['https://arm.test/.default']);
    assert.equal(http.requests[0].headers.get('authorization'), 'Bearer fake-token');
    assert.equal(page.items[0].resourceGroup, 'rg');
    assert.equal(page.continuationToken, 'https://arm.test/next-page?skip=1');
  });

  it('resumes from the continuation token, keeping the raw ARM JSON', async () => {
    const http = scripted([{ status: 200, body: { value: [endpointJson('e3'), endpointJson('e4', 'blue')] } }]);
    const reader = new SdkResourceReader(
      new AzureClientPool({
        cloud,
        credentialForTenant: () => new RecordingCredential(),
        clientOptions: { httpClient: http },
      }),
    );
    const ws = {
      kind: 'workspace' as const,
      id: wsId,
      name: 'ws1',
      subscriptionId: 's1',
      tenantId: 't1',
      resourceGroup: 'rg',
      location: 'westeurope',
      raw: {},
    };
    const page = await reader.listBatchEndpoints(
      ws,
      'https://arm.test/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws1/batchEndpoints?api-version=2022-10-01&skip=2',
    );
    assert.equal(
      http.requests[0].url,
      'https://arm.test/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws1/batchEndpoints?api-version=2022-10-01&skip=2',
    );
    assert.deepEqual(
      page.items.map((e) => [e.name, e.defaultDeployment]),
      [
        ['e3', undefined],
        ['e4', 'blue'],
      ],
    );
    assert.equal(page.continuationToken, undefined);
    assert.equal(
      (page.items[0].raw as { properties: { customField: number } }).properties.customField,
      42,
      'raw JSON keeps fields the SDK model drops',
    );
  });

  it('leaves 429 with Retry-After to the SDK pipeline', async () => {
    const http = scripted([
      {
        status: 429,
        headers: { 'retry-after': '0' },
        body: { error: { code: 'TooManyRequests', message: 'slow down' } },
      },
      { status: 200, body: { value: [] } },
    ]);
    const reader = new SdkResourceReader(
      new AzureClientPool({
        cloud,
        credentialForTenant: () => new RecordingCredential(),
        clientOptions: { httpClient: http },
      }),
    );
    const ws = {
      kind: 'workspace' as const,
      id: wsId,
      name: 'ws1',
      subscriptionId: 's1',
      tenantId: 't1',
      resourceGroup: 'rg',
      location: '',
      raw: {},
    };
    const ep = { kind: 'endpoint' as const, id: `${wsId}/batchEndpoints/e1`, name: 'e1', workspace: ws, raw: {} };
    const page = await reader.listBatchDeployments(ep);
    assert.equal(http.requests.length, 2);
    assert.equal(page.items.length, 0);
  });

  it('surfaces the ARM error body of a failure', async () => {
    const http = scripted([
      { status: 403, body: { error: { code: 'AuthorizationFailed', message: 'No access to s1.' } } },
    ]);
    const reader = new SdkResourceReader(
      new AzureClientPool({
        cloud,
        credentialForTenant: () => new RecordingCredential(),
        clientOptions: { httpClient: http },
      }),
    );
    await assert.rejects(
      reader.listWorkspaces(sub),
      (e: { statusCode?: number; code?: string }) => e.statusCode === 403 && e.code === 'AuthorizationFailed',
    );
  });

  it('shares one client and credential per subscription', async () => {
    const http = scripted([
      { status: 200, body: { value: [] } },
      { status: 200, body: { value: [] } },
    ]);
    let made = 0;
    const reader = new SdkResourceReader(
      new AzureClientPool({
        cloud,
        credentialForTenant: () => {
          made += 1;
          return new RecordingCredential();
        },
        clientOptions: { httpClient: http },
      }),
    );
    await reader.listWorkspaces(sub);
    await reader.listWorkspaces(sub);
    assert.equal(made, 1);
  });
});
