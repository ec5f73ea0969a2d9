import * as assert from 'node:assert/strict';
import { resolveCloud } from '../../../src/core/azure/cloud';
import { portalResourceUrl, studioEndpointUrl, studioWorkspaceUrl } from '../../../src/core/azure/links';
import type { BatchEndpointInfo, WorkspaceInfo } from '../../../src/core/azure/models';

const ws: WorkspaceInfo = {
  kind: 'workspace',
  id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws1',
  name: 'ws1',
  subscriptionId: 's1',
  tenantId: 't1',
  resourceGroup: 'rg',
  location: 'westeurope',
  raw: {},
};
const ep: BatchEndpointInfo = {
  kind: 'endpoint',
  id: `${ws.id}/batchEndpoints/score me`,
  name: 'score me',
  workspace: ws,
  raw: {},
};

describe('azure/links', () => {
  it('links to ML Studio with the workspace and tenant', () => {
    const url = new URL(studioWorkspaceUrl(resolveCloud('AzureCloud'), ws));
    assert.equal(url.origin, 'https://ml.azure.com');
    assert.equal(url.searchParams.get('wsid'), ws.id);
    assert.equal(url.searchParams.get('tid'), 't1');
    assert.match(
      studioEndpointUrl(resolveCloud('AzureChinaCloud'), ep),
      /^https:\/\/studio\.ml\.azure\.cn\/endpoints\/batch\/score%20me\/details\?wsid=/,
    );
  });

  it('links to the portal of the cloud in the right tenant', () => {
    assert.equal(
      portalResourceUrl(resolveCloud('AzureUSGovernment'), ws.id, 't1'),
      `https://portal.azure.us/#@t1/resource${ws.id}`,
    );
  });

  it('says which setting to add when a custom cloud has no portal or studio', () => {
    const custom = resolveCloud('Custom', {
      resourceManagerEndpoint: 'https://arm.test',
      authorityHost: 'https://login.test',
      mlAudience: 'https://ml.test',
    });
    assert.throws(() => portalResourceUrl(custom, ws.id), /customCloud\.portalUrl/);
    assert.throws(() => studioEndpointUrl(custom, ep), /customCloud\.mlStudioUrl/);
  });
});
