import * as assert from 'node:assert/strict';
import { armScope, CloudConfigurationError, resolveCloud } from '../../../src/core/azure/cloud';

describe('azure/cloud', () => {
  it('resolves the public cloud by default', () => {
    const cloud = resolveCloud(undefined);
    assert.equal(cloud.resourceManagerEndpoint, 'https://management.azure.com');
    assert.equal(armScope(cloud), 'https://management.azure.com/.default');
  });

  it('resolves China and US Government with their own endpoints and audiences', () => {
    const china = resolveCloud('AzureChinaCloud');
    assert.equal(china.resourceManagerEndpoint, 'https://management.chinacloudapi.cn');
    assert.equal(armScope(china), 'https://management.chinacloudapi.cn/.default');
    assert.equal(china.authorityHost, 'https://login.chinacloudapi.cn');
    assert.equal(china.mlAudience, 'https://ml.azure.cn');
    const gov = resolveCloud('AzureUSGovernment');
    assert.equal(gov.authorityHost, 'https://login.microsoftonline.us');
    assert.equal(gov.mlAudience, 'https://ml.azure.us');
    assert.equal(gov.portalUrl, 'https://portal.azure.us');
  });

  it('builds a custom cloud from the setting, trimming trailing slashes', () => {
    const cloud = resolveCloud('Custom', {
      resourceManagerEndpoint: 'https://127.0.0.1:8443/',
      authorityHost: 'https://127.0.0.1:8443',
      mlAudience: 'https://ml.azure.com',
    });
    assert.equal(cloud.resourceManagerEndpoint, 'https://127.0.0.1:8443');
    // Without an explicit ARM audience the ARM endpoint is the audience.
    assert.equal(armScope(cloud), 'https://127.0.0.1:8443/.default');
    assert.equal(cloud.portalUrl, undefined);
  });

  it('uses the custom ARM audience when given', () => {
    const cloud = resolveCloud('Custom', {
      resourceManagerEndpoint: 'https://arm.contoso.test',
      authorityHost: 'https://login.contoso.test',
      mlAudience: 'https://ml.contoso.test',
      armAudience: 'https://management.contoso.test',
    });
    assert.equal(armScope(cloud), 'https://management.contoso.test/.default');
  });

  it('names the setting to fix when the custom cloud is incomplete or wrong', () => {
    assert.throws(
      () => resolveCloud('Custom', {}),
      (e: Error) =>
        e instanceof CloudConfigurationError &&
        /adfBatchEndpoints\.customCloud: .*resourceManagerEndpoint/.test(e.message),
    );
    assert.throws(
      () =>
        resolveCloud('Custom', {
          resourceManagerEndpoint: 'not a url',
          authorityHost: 'https://a',
          mlAudience: 'https://b',
        }),
      /not a valid URL/,
    );
    assert.throws(() => resolveCloud('Mars'), /Unknown cloud "Mars"/);
  });
});
