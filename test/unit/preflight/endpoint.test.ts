import * as assert from 'node:assert/strict';
import { checkEndpoint, isBlocked, type EndpointFacts } from '../../../src/core/preflight';

const endpoint = (overrides: Partial<EndpointFacts> = {}): EndpointFacts => ({
  name: 'score',
  scoringUri: 'https://score.eastus.inference.ml.azure.com/jobs',
  authMode: 'AADToken',
  provisioningState: 'Succeeded',
  defaultDeployment: 'blue',
  deployments: [
    { name: 'blue', provisioningState: 'Succeeded' },
    { name: 'green', provisioningState: 'Succeeded' },
    { name: 'broken', provisioningState: 'Failed' },
  ],
  ...overrides,
});
const byId = (checks: ReturnType<typeof checkEndpoint>, id: string) => checks.find((c) => c.id === id);

describe('preflight: endpoint', () => {
  it('passes an endpoint with a scoring URI, AADToken and a default deployment', () => {
    const checks = checkEndpoint(endpoint());
    assert.equal(isBlocked(checks), false);
    assert.equal(byId(checks, 'endpoint.deployment')?.status, 'info');
    assert.match(byId(checks, 'endpoint.deployment')!.message, /default deployment, blue/);
  });

  it('blocks without a default deployment, explaining why and what to do', () => {
    const checks = checkEndpoint(endpoint({ defaultDeployment: undefined }));
    const check = byId(checks, 'endpoint.deployment')!;
    assert.equal(check.status, 'fail');
    assert.equal(check.blocking, true);
    assert.match(check.message, /no default deployment/);
    assert.match(check.message, /fails/);
    assert.match(check.action!, /Choose a deployment explicitly/);
    assert.equal(isBlocked(checks), true);
  });

  it('does not block without a default when a deployment is chosen explicitly', () => {
    const checks = checkEndpoint(endpoint({ defaultDeployment: undefined }), 'green');
    assert.equal(isBlocked(checks), false);
    assert.match(byId(checks, 'endpoint.deployment')!.message, /azureml-model-deployment/);
  });

  it('blocks an unknown or failed chosen deployment', () => {
    assert.equal(byId(checkEndpoint(endpoint(), 'purple'), 'endpoint.deployment')?.status, 'fail');
    assert.match(byId(checkEndpoint(endpoint(), 'purple'), 'endpoint.deployment')!.action!, /blue, green, broken/);
    assert.equal(byId(checkEndpoint(endpoint(), 'broken'), 'endpoint.deployment')?.blocking, true);
  });

  it('says to create a deployment when there is none at all', () => {
    const check = byId(
      checkEndpoint(endpoint({ defaultDeployment: undefined, deployments: [] })),
      'endpoint.deployment',
    )!;
    assert.match(check.action!, /create a batch deployment/);
  });

  it('blocks a missing scoring URI and a key-based auth mode; warns on a non-succeeded endpoint', () => {
    assert.equal(byId(checkEndpoint(endpoint({ scoringUri: undefined })), 'endpoint.scoringUri')?.blocking, true);
    assert.equal(byId(checkEndpoint(endpoint({ authMode: 'Key' })), 'endpoint.authMode')?.blocking, true);
    const updating = byId(checkEndpoint(endpoint({ provisioningState: 'Updating' })), 'endpoint.provisioningState')!;
    assert.equal(updating.status, 'warn');
    assert.equal(updating.blocking, false);
  });

  it('treats a blank chosen deployment as the default', () => {
    assert.equal(byId(checkEndpoint(endpoint(), '  '), 'endpoint.deployment')?.status, 'info');
  });
});
