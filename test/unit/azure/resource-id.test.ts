import * as assert from 'node:assert/strict';
import { parseResourceId, resourceKey } from '../../../src/core/azure/resource-id';

describe('azure/resource-id', () => {
  it('parses a batch endpoint ID', () => {
    const parsed = parseResourceId(
      '/subscriptions/s1/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws1/batchEndpoints/ep1',
    );
    assert.deepEqual(parsed, {
      subscriptionId: 's1',
      resourceGroup: 'rg-ml',
      provider: 'Microsoft.MachineLearningServices',
      segments: [
        { type: 'workspaces', name: 'ws1' },
        { type: 'batchEndpoints', name: 'ep1' },
      ],
    });
  });

  it('rejects what is not a subscription-scoped ID', () => {
    assert.equal(parseResourceId('/providers/Microsoft.Foo/x/y'), undefined);
    assert.equal(parseResourceId(''), undefined);
    assert.equal(parseResourceId(undefined), undefined);
  });

  it('keys IDs case-insensitively', () => {
    assert.equal(resourceKey('/Subscriptions/S1/resourceGroups/RG/'), '/subscriptions/s1/resourcegroups/rg');
  });
});
