import * as assert from 'node:assert/strict';
import { customCloud, getCloud } from '../../../src/core/clouds';
import { sovereignSettingMatches, vsCodeAccountSupport } from '../../../src/core/azure/sovereign-cloud';

const custom = (armAudience?: string): ReturnType<typeof customCloud> =>
  customCloud({
    resourceManagerEndpoint: 'https://127.0.0.1:4443',
    authorityHost: 'https://127.0.0.1:4443',
    mlAudience: 'https://ml.azure.com',
    armAudience,
  });

describe('azure/sovereign-cloud', () => {
  it('uses the microsoft provider for public Azure and the sovereign one for China and US Government', () => {
    assert.equal(vsCodeAccountSupport(getCloud('AzureCloud')).provider, 'microsoft');
    assert.deepEqual(vsCodeAccountSupport(getCloud('AzureChinaCloud')), {
      provider: 'microsoft-sovereign-cloud',
      environment: 'ChinaCloud',
    });
    assert.deepEqual(vsCodeAccountSupport(getCloud('AzureUSGovernment')), {
      provider: 'microsoft-sovereign-cloud',
      environment: 'USGovernment',
    });
  });

  it('signs a custom cloud in like the known cloud whose ARM audience it uses (slash and case aside)', () => {
    assert.equal(vsCodeAccountSupport(custom('https://management.azure.com')).provider, 'microsoft');
    assert.deepEqual(vsCodeAccountSupport(custom('https://Management.ChinaCloudAPI.cn/')), {
      provider: 'microsoft-sovereign-cloud',
      environment: 'ChinaCloud',
    });
    assert.equal(
      vsCodeAccountSupport(custom('https://management.usgovcloudapi.net')).provider,
      'microsoft-sovereign-cloud',
    );
  });

  it('explains that a custom cloud with an audience of its own needs another sign-in method', () => {
    const support = vsCodeAccountSupport(custom());
    assert.equal(support.provider, undefined);
    assert.match(
      'reason' in support ? support.reason : '',
      /https:\/\/127\.0\.0\.1:4443\/.*service principal or the Azure CLI/,
    );
  });

  it('compares with microsoft-sovereign-cloud.environment', () => {
    const publicCloud = vsCodeAccountSupport(getCloud('AzureCloud'));
    const china = vsCodeAccountSupport(getCloud('AzureChinaCloud'));
    assert.equal(sovereignSettingMatches(publicCloud, undefined), true);
    assert.equal(sovereignSettingMatches(publicCloud, ''), true);
    assert.equal(sovereignSettingMatches(publicCloud, 'ChinaCloud'), false);
    assert.equal(sovereignSettingMatches(china, 'ChinaCloud'), true);
    assert.equal(sovereignSettingMatches(vsCodeAccountSupport(getCloud('AzureUSGovernment')), undefined), false);
    assert.equal(sovereignSettingMatches(vsCodeAccountSupport(custom()), undefined), false);
  });
});
