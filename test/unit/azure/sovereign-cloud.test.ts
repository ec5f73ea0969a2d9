import * as assert from 'node:assert/strict';
import { sovereignSettingMatches, vsCodeAccountSupport } from '../../../src/core/azure/sovereign-cloud';

describe('azure/sovereign-cloud', () => {
  it('uses the microsoft provider for public Azure and the sovereign one for China and US Government', () => {
    assert.equal(vsCodeAccountSupport('AzureCloud').provider, 'microsoft');
    assert.deepEqual(vsCodeAccountSupport('AzureChinaCloud'), {
      provider: 'microsoft-sovereign-cloud',
      environment: 'ChinaCloud',
    });
    assert.deepEqual(vsCodeAccountSupport('AzureUSGovernment'), {
      provider: 'microsoft-sovereign-cloud',
      environment: 'USGovernment',
    });
  });

  it('explains that a custom cloud needs another sign-in method', () => {
    const support = vsCodeAccountSupport('Custom');
    assert.equal(support.provider, undefined);
    assert.match('reason' in support ? support.reason : '', /service principal or the Azure CLI/);
  });

  it('compares with microsoft-sovereign-cloud.environment', () => {
    assert.equal(sovereignSettingMatches('AzureCloud', undefined), true);
    assert.equal(sovereignSettingMatches('AzureCloud', ''), true);
    assert.equal(sovereignSettingMatches('AzureCloud', 'ChinaCloud'), false);
    assert.equal(sovereignSettingMatches('AzureChinaCloud', 'ChinaCloud'), true);
    assert.equal(sovereignSettingMatches('AzureUSGovernment', undefined), false);
  });
});
