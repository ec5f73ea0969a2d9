import * as assert from 'node:assert/strict';
import {
  AZURE_CLOUDS,
  CLOUD_NAMES,
  CloudConfigurationError,
  customCloud,
  getCloud,
  isCloudName,
  isMlAudience,
} from '../../../src/core/clouds';

describe('cloud table', () => {
  it('holds the three clouds of the reference with their ARM, authority and ML audience', () => {
    assert.deepEqual(CLOUD_NAMES, ['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment']);
    const rows = CLOUD_NAMES.map((n) => [
      AZURE_CLOUDS[n].resourceManagerEndpoint,
      AZURE_CLOUDS[n].authorityHost,
      AZURE_CLOUDS[n].mlAudience,
    ]);
    assert.deepEqual(rows, [
      ['https://management.azure.com', 'https://login.microsoftonline.com', 'https://ml.azure.com'],
      ['https://management.chinacloudapi.cn', 'https://login.chinacloudapi.cn', 'https://ml.azure.cn'],
      ['https://management.usgovcloudapi.net', 'https://login.microsoftonline.us', 'https://ml.azure.us'],
    ]);
    for (const name of CLOUD_NAMES) {
      assert.ok(AZURE_CLOUDS[name].portalUrl?.startsWith('https://portal.azure.'));
      assert.ok(AZURE_CLOUDS[name].mlStudioUrl?.startsWith('https://'));
      assert.equal(AZURE_CLOUDS[name].armAudience, `${AZURE_CLOUDS[name].resourceManagerEndpoint}/`);
    }
  });

  it('is frozen; getCloud hands out copies', () => {
    assert.throws(() => {
      (AZURE_CLOUDS.AzureCloud as { mlAudience: string }).mlAudience = 'x';
    });
    const copy = getCloud('AzureChinaCloud');
    copy.mlAudience = 'changed';
    assert.equal(AZURE_CLOUDS.AzureChinaCloud.mlAudience, 'https://ml.azure.cn');
    assert.ok(isCloudName('AzureUSGovernment'));
    assert.ok(!isCloudName('Custom'));
  });

  it('customCloud normalises slashes and defaults the ARM audience', () => {
    const cloud = customCloud({
      resourceManagerEndpoint: 'https://127.0.0.1:8443/',
      authorityHost: 'https://127.0.0.1:8443',
      mlAudience: 'https://ml.azure.com/',
    });
    assert.deepEqual(cloud, {
      name: 'Custom',
      resourceManagerEndpoint: 'https://127.0.0.1:8443',
      authorityHost: 'https://127.0.0.1:8443',
      armAudience: 'https://127.0.0.1:8443/',
      mlAudience: 'https://ml.azure.com',
    });
    const full = customCloud({
      ...cloud,
      armAudience: 'https://management.azure.com/',
      portalUrl: 'https://portal.example/',
      mlStudioUrl: 'https://studio.example',
    });
    assert.equal(full.armAudience, 'https://management.azure.com/');
    assert.equal(full.portalUrl, 'https://portal.example');
    assert.equal(full.mlStudioUrl, 'https://studio.example');
  });

  it('customCloud rejects bad settings with a message naming the setting', () => {
    const base = {
      resourceManagerEndpoint: 'https://arm.example',
      authorityHost: 'https://login.example',
      mlAudience: 'https://ml.example',
    };
    assert.throws(
      () => customCloud({ ...base, authorityHost: '' }),
      (e: unknown) => e instanceof CloudConfigurationError && e.message.includes('"authorityHost"'),
    );
    assert.throws(() => customCloud({ ...base, mlAudience: 'not a url' }), /"mlAudience" is not a valid URL/);
    assert.throws(
      () => customCloud({ ...base, resourceManagerEndpoint: 'ftp://arm.example' }),
      /"resourceManagerEndpoint" must be an https URL/,
    );
    assert.throws(
      () => customCloud({ ...base, authorityHost: 'http://login.attacker.example' }),
      /"authorityHost" must be an https URL \(http is allowed only for a loopback address/,
    );
    assert.throws(
      () => customCloud({ ...base, resourceManagerEndpoint: 'http://10.0.0.5:8443' }),
      /"resourceManagerEndpoint" must be an https URL/,
    );
    for (const loopback of ['http://127.0.0.1:7443', 'http://localhost:7443', 'http://[::1]:7443']) {
      assert.equal(customCloud({ ...base, authorityHost: loopback }).authorityHost, loopback);
    }
    assert.throws(() => customCloud(null as never), CloudConfigurationError);
  });

  it('isMlAudience knows every cloud, ignores a trailing slash and rejects the ARM audience', () => {
    assert.ok(isMlAudience('https://ml.azure.com/'));
    assert.ok(isMlAudience('https://ml.azure.us'));
    assert.ok(!isMlAudience('https://management.azure.com/'));
    assert.ok(
      isMlAudience('https://ml.private', [
        customCloud({
          resourceManagerEndpoint: 'https://a',
          authorityHost: 'https://b',
          mlAudience: 'https://ml.private',
        }),
      ]),
    );
  });
});
