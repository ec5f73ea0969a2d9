import * as assert from 'node:assert/strict';
import {
  adviseAzureError,
  ArmResponseError,
  readRemotePipeline,
  type RawArmClient,
  type RawArmRequest,
} from '../../../src/core/publish';

const FACTORY = { subscriptionId: 's', resourceGroup: 'rg', name: 'adf' };
const WS = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';

function raw(
  routes: Record<string, { status: number; body?: unknown; headers?: Record<string, string> }>,
): RawArmClient & { requests: RawArmRequest[] } {
  const client = {
    requests: [] as RawArmRequest[],
    async send(request: RawArmRequest) {
      client.requests.push(request);
      const key = Object.keys(routes).find((k) => request.path.split('?')[0].endsWith(k));
      const reply = key ? routes[key] : { status: 500, body: { error: { code: 'X', message: 'unexpected' } } };
      return {
        status: reply.status,
        headers: reply.headers ?? {},
        bodyText: reply.body === undefined ? '' : JSON.stringify(reply.body),
      };
    },
  };
  return client;
}

const notFound = (what: string) => ({
  status: 404,
  body: { error: { code: 'ResourceNotFound', message: `The Resource '${what}' was not found.` } },
});

describe('publish: raw pipeline reads', () => {
  it('reads properties exactly as sent, with the ETag header', async () => {
    const properties = {
      activities: [
        { name: 'A', type: 'WebActivity', typeProperties: { turnOffAsync: true, httpRequestTimeout: '00:02:00' } },
      ],
    };
    const client = raw({
      '/pipelines/Run-BatchEndpoint': {
        status: 200,
        body: { name: 'Run-BatchEndpoint', etag: '"body"', properties },
        headers: { etag: '"header"' },
      },
    });
    const remote = await readRemotePipeline(client, FACTORY, 'Run-BatchEndpoint');
    assert.deepEqual(remote, { name: 'Run-BatchEndpoint', etag: '"header"', properties });
    assert.match(client.requests[0].path, /\/factories\/adf\/pipelines\/Run-BatchEndpoint\?api-version=2018-06-01$/);
  });

  it('returns undefined for a missing pipeline of an existing factory', async () => {
    const client = raw({
      '/pipelines/p': notFound('pipelines/p'),
      '/factories/adf': { status: 200, body: { name: 'adf' } },
    });
    assert.equal(await readRemotePipeline(client, FACTORY, 'p'), undefined);
  });

  it("throws the factory's 404 when the factory is gone", async () => {
    const client = raw({
      '/pipelines/p': notFound('pipelines/p'),
      '/factories/adf': notFound('Microsoft.DataFactory/factories/adf'),
    });
    await assert.rejects(
      readRemotePipeline(client, FACTORY, 'p'),
      (e: unknown) =>
        e instanceof ArmResponseError &&
        e.statusCode === 404 &&
        e.code === 'ResourceNotFound' &&
        /factories\/adf/.test(e.message),
    );
  });
});

describe('publish: error advice', () => {
  const http = (statusCode: number, code = 'Code', message = 'The service said no.') =>
    Object.assign(new Error(message), { statusCode, code });

  it('explains a 403 on the role grant with the owner to ask and the CLI command', () => {
    const advice = adviseAzureError(
      http(
        403,
        'AuthorizationFailed',
        "does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/write'",
      ),
      { operation: 'grantRole', workspaceId: WS, principalId: 'f1' },
    );
    assert.equal(advice.title, 'You are not allowed to assign roles on this workspace');
    assert.match(advice.action, /Owner or User Access Administrator/);
    assert.match(advice.action, /az role assignment create --assignee-object-id f1/);
    assert.match(advice.message, /roleAssignments\/write/);
    assert.equal(advice.retryable, false);
  });

  it('explains a factory that is gone, 409, throttling, outages and expired sign-ins, keeping what was entered', () => {
    assert.equal(
      adviseAzureError(http(404), { operation: 'publish', factoryName: 'adf' }).title,
      'Data Factory adf was not found',
    );
    assert.equal(adviseAzureError(http(409), { operation: 'publish' }).title, 'Conflict');
    assert.equal(adviseAzureError(http(429), { operation: 'loadFactories' }).title, 'Azure is throttling requests');
    assert.equal(adviseAzureError(http(503), { operation: 'createRun' }).retryable, true);
    const expired = adviseAzureError(
      http(401, 'ExpiredAuthenticationToken', 'The access token expiry UTC time is earlier than current UTC time.'),
      { operation: 'publish' },
    );
    assert.equal(expired.signIn, true);
    assert.match(expired.action, /Nothing you entered is lost/);
    const identity = adviseAzureError(
      Object.assign(new Error('AADSTS7000215: Invalid client secret'), { name: 'AuthenticationError' }),
      { operation: 'loadFactories' },
    );
    assert.equal(identity.signIn, true);
    assert.equal(adviseAzureError(http(403), { operation: 'publish' }).title, 'Permission denied');
  });
});
