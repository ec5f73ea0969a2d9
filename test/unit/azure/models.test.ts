import * as assert from 'node:assert/strict';
import type { BatchDeployment, BatchEndpoint, Workspace } from '@azure/arm-machinelearning';
import {
  describeModel,
  toBatchDeploymentInfo,
  toBatchEndpointInfo,
  toWorkspaceInfo,
} from '../../../src/core/azure/models';

const sub = { subscriptionId: 's1', tenantId: 't1', name: 'Sub one' };
const wsId = '/subscriptions/s1/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws1';

describe('azure/models', () => {
  it('takes the resource group of a workspace from its ID', () => {
    const ws = toWorkspaceInfo({ id: wsId, name: 'ws1', location: 'westeurope' } as Workspace, sub);
    assert.equal(ws.resourceGroup, 'rg-ml');
    assert.equal(ws.tenantId, 't1');
    assert.equal(ws.location, 'westeurope');
  });

  it('maps an endpoint with and without a default deployment', () => {
    const ws = toWorkspaceInfo({ id: wsId, name: 'ws1' } as Workspace, sub);
    const ep = toBatchEndpointInfo(
      {
        id: `${wsId}/batchEndpoints/ep1`,
        name: 'ep1',
        location: 'westeurope',
        properties: { authMode: 'AADToken', scoringUri: 'https://x/jobs', defaults: { deploymentName: 'Blue' } },
      } as BatchEndpoint,
      ws,
    );
    assert.equal(ep.defaultDeployment, 'Blue');
    assert.equal(ep.authMode, 'AADToken');
    const bare = toBatchEndpointInfo(
      {
        id: `${wsId}/batchEndpoints/ep2`,
        name: 'ep2',
        properties: { authMode: 'AADToken', defaults: { deploymentName: '' } },
      } as BatchEndpoint,
      ws,
    );
    assert.equal(bare.defaultDeployment, undefined);

    const blue = toBatchDeploymentInfo(
      { name: 'blue', properties: { provisioningState: 'Succeeded' } } as BatchDeployment,
      ep,
    );
    assert.equal(blue.isDefault, true, 'deployment names compare case-insensitively');
    const green = toBatchDeploymentInfo({ name: 'green', properties: {} } as BatchDeployment, ep);
    assert.equal(green.isDefault, false);
  });

  it('shortens model references', () => {
    assert.equal(
      describeModel({
        referenceType: 'Id',
        assetId:
          '/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w/models/iris/versions/3',
      }),
      'iris:3',
    );
    assert.equal(describeModel({ referenceType: 'Id', assetId: 'azureml:iris:4' }), 'iris:4');
    assert.equal(
      describeModel({ referenceType: 'DataPath', path: 'azureml://datastores/x/paths/m' }),
      'azureml://datastores/x/paths/m',
    );
    assert.equal(describeModel(undefined), undefined);
  });
});
