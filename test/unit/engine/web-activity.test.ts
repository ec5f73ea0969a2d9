import assert from 'node:assert/strict';
import { REDACTED } from '../../../src/core/engine/redaction';
import { activity, after, json, pipeline, RecordingIdentity, runPipeline, StubHttp } from './support';

const ML = 'https://ml.azure.com';

function web(name: string, typeProperties: Record<string, unknown>, extra = {}): ReturnType<typeof activity> {
  return activity(name, 'WebActivity', typeProperties, extra);
}

describe('engine WebActivity', () => {
  it('sends the request and outputs the response JSON plus ADFWebActivityResponseHeaders', async () => {
    const http = new StubHttp(() =>
      json(201, { id: '/jobs/job-1', name: 'job-1', properties: { status: 'Queued' } }, { 'x-ms-request-id': 'r1' }),
    );
    const { run, byName } = await runPipeline(
      pipeline([
        web('Call', {
          method: 'POST',
          url: 'https://example.test/jobs',
          headers: { 'X-Custom': 'yes' },
          body: { properties: { InputData: {} } },
        }),
      ]),
      { http },
    );
    assert.equal(run.status, 'Succeeded');
    const request = http.requests[0];
    assert.equal(request.method, 'POST');
    assert.equal(request.url, 'https://example.test/jobs');
    assert.equal(request.headers!['X-Custom'], 'yes');
    assert.equal(request.headers!['content-type'], 'application/json', 'a JSON body gets a content type');
    assert.deepEqual(JSON.parse(request.body!), { properties: { InputData: {} } });
    assert.equal(request.timeoutMs, 60_000, 'default request timeout is one minute');
    const record = byName.get('Call')!;
    assert.deepEqual(record.output, {
      id: '/jobs/job-1',
      name: 'job-1',
      properties: { status: 'Queued' },
      ADFWebActivityResponseHeaders: { 'content-type': 'application/json', 'x-ms-request-id': 'r1' },
    });
    assert.deepEqual(record.input, {
      method: 'POST',
      url: 'https://example.test/jobs',
      headers: { 'X-Custom': 'yes' },
      body: { properties: { InputData: {} } },
    });
  });

  it('wraps a response that is not a JSON object in Response', async () => {
    const http = new StubHttp(() => ({ status: 200, headers: {}, body: 'plain text' }));
    const { byName } = await runPipeline(pipeline([web('Call', { method: 'GET', url: 'https://example.test/' })]), {
      http,
    });
    assert.deepEqual(byName.get('Call')!.output, { Response: 'plain text', ADFWebActivityResponseHeaders: {} });
  });

  it('fails on a non-2xx status with the status and response in the error, keeping the response as output', async () => {
    const http = new StubHttp(() => json(404, { error: { code: 'NotFound', message: 'no such job' } }));
    const { run, byName } = await runPipeline(
      pipeline([web('Call', { method: 'GET', url: 'https://example.test/jobs/x' })]),
      { http },
    );
    const record = byName.get('Call')!;
    assert.equal(record.status, 'Failed');
    assert.equal(record.error!.errorCode, '2108');
    assert.match(
      record.error!.message,
      /Error calling the endpoint 'https:\/\/example.test\/jobs\/x'\. Response status code: 404\. Response: .*no such job/,
    );
    assert.deepEqual((record.output as Record<string, unknown>).error, { code: 'NotFound', message: 'no such job' });
    assert.equal(run.status, 'Failed');
  });

  it('fails clearly when the call itself fails (network error)', async () => {
    const http = new StubHttp(() => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:9');
    });
    const { byName } = await runPipeline(pipeline([web('Call', { method: 'GET', url: 'https://127.0.0.1:9/' })]), {
      http,
    });
    assert.match(
      byName.get('Call')!.error!.message,
      /Error calling the endpoint 'https:\/\/127.0.0.1:9\/': connect ECONNREFUSED/,
    );
  });

  it("follows ADF's asynchronous pattern (202 + Location) unless turnOffAsync is set", async () => {
    let polls = 0;
    const http = new StubHttp((request) => {
      if (request.url.endsWith('/start'))
        return { status: 202, headers: { location: 'https://example.test/status', 'retry-after': '0' } };
      polls++;
      return polls < 3
        ? { status: 202, headers: { location: 'https://example.test/status', 'retry-after': '0' } }
        : json(200, { done: true });
    });
    const followed = await runPipeline(
      pipeline([web('Call', { method: 'POST', url: 'https://example.test/start', body: '{}' })]),
      { http },
    );
    assert.equal((followed.byName.get('Call')!.output as Record<string, unknown>).done, true);
    assert.equal(polls, 3);
    assert.equal(http.requests[1].method, 'GET');

    const noFollow = new StubHttp(() => ({
      status: 202,
      headers: { location: 'https://example.test/status' },
      body: '{"accepted":true}',
    }));
    const direct = await runPipeline(
      pipeline([web('Call', { method: 'POST', url: 'https://example.test/start', body: '{}', turnOffAsync: true })]),
      { http: noFollow },
    );
    assert.equal(noFollow.requests.length, 1);
    assert.equal((direct.byName.get('Call')!.output as Record<string, unknown>).accepted, true);
  });

  it('authenticates with the factory managed identity (MSI) for the given resource', async () => {
    const http = new StubHttp(() => json(200, {}));
    const identity = new RecordingIdentity();
    await runPipeline(
      pipeline([
        web('Call', { method: 'GET', url: 'https://example.test/', authentication: { type: 'MSI', resource: ML } }),
      ]),
      { http, identity },
    );
    assert.deepEqual(
      identity.tokenRequests.map((r) => [r.subject, r.resource]),
      [[{ kind: 'systemAssigned' }, ML]],
    );
    assert.equal(http.requests[0].headers!.authorization, `Bearer token-msi-for-${ML}`);
  });

  it('authenticates with a user-assigned identity through its ADF credential', async () => {
    const http = new StubHttp(() => json(200, {}));
    const identity = new RecordingIdentity();
    const authentication = {
      type: 'UserAssignedManagedIdentity',
      resource: ML,
      credential: { referenceName: 'my-uami', type: 'CredentialReference' },
    };
    await runPipeline(pipeline([web('Call', { method: 'GET', url: 'https://example.test/', authentication })]), {
      http,
      identity,
    });
    assert.deepEqual(identity.tokenRequests[0].subject, { kind: 'userAssigned', credentialName: 'my-uami' });
    assert.equal(http.requests[0].headers!.authorization, `Bearer token-uami-my-uami-for-${ML}`);
  });

  it('authenticates as a service principal with a SecureString secret, masking it in the input', async () => {
    const http = new StubHttp(() => json(200, {}));
    const identity = new RecordingIdentity();
    const authentication = {
      type: 'ServicePrincipal',
      userTenant: 'tenant-1',
      username: 'client-1',
      password: { type: 'SecureString', value: 'sp-secret-value' },
      resource: ML,
    };
    const { activities } = await runPipeline(
      pipeline([web('Call', { method: 'GET', url: 'https://example.test/', authentication })]),
      { http, identity },
    );
    assert.deepEqual(identity.tokenRequests[0].subject, {
      kind: 'servicePrincipal',
      tenantId: 'tenant-1',
      clientId: 'client-1',
      clientSecret: 'sp-secret-value',
    });
    const input = activities[0].input as { authentication: { password: { value: string } } };
    assert.equal(input.authentication.password.value, REDACTED);
    assert.ok(!JSON.stringify(activities).includes('sp-secret-value'));
    assert.ok(!JSON.stringify(activities).includes('token-sp-client-1'), 'the token never shows either');
  });

  it('authenticates as a service principal whose secret comes from Key Vault', async () => {
    const http = new StubHttp(() => json(200, { echoed: 'kv-secret-value' }));
    const identity = new RecordingIdentity({ 'MyVault/sp-secret': 'kv-secret-value' });
    const authentication = {
      type: 'ServicePrincipal',
      userTenant: 'tenant-1',
      username: 'client-1',
      resource: ML,
      password: {
        type: 'AzureKeyVaultSecret',
        store: { referenceName: 'MyVault', type: 'LinkedServiceReference' },
        secretName: 'sp-secret',
      },
    };
    const { run, activities } = await runPipeline(
      pipeline([web('Call', { method: 'GET', url: 'https://example.test/', authentication })]),
      { http, identity },
    );
    assert.equal(run.status, 'Succeeded');
    assert.deepEqual(
      identity.secretRequests.map((r) => [r.linkedServiceName, r.secretName]),
      [['MyVault', 'sp-secret']],
    );
    assert.equal((identity.tokenRequests[0].subject as { clientSecret: string }).clientSecret, 'kv-secret-value');
    assert.ok(
      !JSON.stringify(activities).includes('kv-secret-value'),
      'a resolved secret is redacted even from outputs',
    );
  });

  it('fails with AuthenticationFailed when a secret or token cannot be had', async () => {
    const http = new StubHttp(() => json(200, {}));
    const authentication = {
      type: 'ServicePrincipal',
      userTenant: 't',
      username: 'c',
      resource: ML,
      password: {
        type: 'AzureKeyVaultSecret',
        store: { referenceName: 'MyVault', type: 'LinkedServiceReference' },
        secretName: 'missing',
      },
    };
    const { byName } = await runPipeline(
      pipeline([web('Call', { method: 'GET', url: 'https://example.test/', authentication })]),
      { http, identity: new RecordingIdentity() },
    );
    const error = byName.get('Call')!.error!;
    assert.equal(error.errorCode, 'AuthenticationFailed');
    assert.match(error.message, /could not read Key Vault secret 'missing' through linked service 'MyVault'/);
    assert.equal(http.requests.length, 0, 'no call without credentials');

    const noResource = await runPipeline(
      pipeline([web('Call', { method: 'GET', url: 'https://example.test/', authentication: { type: 'MSI' } })]),
      { http, identity: new RecordingIdentity() },
    );
    assert.match(noResource.byName.get('Call')!.error!.message, /MSI authentication needs a resource/);
  });

  it('hides input and output when the policy asks (secureInput / secureOutput) but downstream activities still see the output', async () => {
    const http = new StubHttp(() => json(200, { access_token: 'abc123token' }));
    const { byName } = await runPipeline(
      pipeline(
        [
          web(
            'Authorize',
            { method: 'POST', url: 'https://login.test/token', body: 'client_secret=xyz' },
            { policy: { secureInput: true, secureOutput: true } },
          ),
          activity('Keep', 'SetVariable', { variableName: 'seen', value: 'done' }, { dependsOn: after('Authorize') }),
        ],
        { variables: { seen: { type: 'String' } } },
      ),
      { http },
    );
    assert.equal(byName.get('Authorize')!.input, undefined);
    assert.equal(byName.get('Authorize')!.output, undefined);
    assert.equal(byName.get('Keep')!.status, 'Succeeded');
  });

  it('rejects an unknown method and a bad httpRequestTimeout before calling', async () => {
    const http = new StubHttp(() => json(200, {}));
    const { byName } = await runPipeline(
      pipeline([
        web('BadMethod', { method: 'FETCH', url: 'https://example.test/' }),
        web('BadTimeout', { method: 'GET', url: 'https://example.test/', httpRequestTimeout: '00:20:00' }),
      ]),
      { http },
    );
    assert.match(byName.get('BadMethod')!.error!.message, /method 'FETCH' is not one of GET, POST, PUT, DELETE, PATCH/);
    assert.match(
      byName.get('BadTimeout')!.error!.message,
      /httpRequestTimeout '00:20:00' must be a timespan from 00:00:01 to 00:10:00/,
    );
    assert.equal(http.requests.length, 0);
  });
});
