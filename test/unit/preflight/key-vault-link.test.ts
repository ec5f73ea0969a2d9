import * as assert from 'node:assert/strict';
import {
  keyVaultBaseUrl,
  keyVaultInputProblem,
  keyVaultLinkedService,
  keyVaultName,
} from '../../../src/core/preflight';

describe('preflight: a new Key Vault linked service', () => {
  it("turns a vault name into the cloud's vault URL and keeps a typed https URL's origin", () => {
    assert.equal(keyVaultBaseUrl('KV-Wizard', 'AzureCloud'), 'https://kv-wizard.vault.azure.net/');
    assert.equal(keyVaultBaseUrl('kv-wizard', 'AzureChinaCloud'), 'https://kv-wizard.vault.azure.cn/');
    assert.equal(keyVaultBaseUrl('kv-wizard', 'AzureUSGovernment'), 'https://kv-wizard.vault.usgovcloudapi.net/');
    assert.equal(keyVaultBaseUrl(' https://Vault1.vault.azure.net ', 'Custom'), 'https://vault1.vault.azure.net/');
    for (const bad of ['', 'kv', '1vault', 'vault-', 'a'.repeat(25), 'http://kv.vault.azure.net/', 'https://x/'])
      assert.equal(keyVaultBaseUrl(bad, 'AzureCloud'), undefined, bad);
    assert.equal(keyVaultBaseUrl('https://kv.vault.azure.net/?sig=secret', 'AzureCloud'), undefined);
    assert.match(keyVaultInputProblem('kv', 'AzureCloud') ?? '', /3-24/);
    assert.equal(keyVaultInputProblem('kv-wizard', 'AzureCloud'), undefined);
  });

  it('names the vault from its URL or ARM id, and the linked service after it without reusing a name', () => {
    assert.equal(keyVaultName('https://kv-wizard.vault.azure.net/'), 'kv-wizard');
    assert.equal(keyVaultName('/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/ws-kv'), 'ws-kv');
    const linked = keyVaultLinkedService('https://kv-wizard.vault.azure.net/', ['blob-ls']);
    assert.deepEqual(linked, {
      name: 'AzureKeyVault_kv_wizard',
      properties: { type: 'AzureKeyVault', typeProperties: { baseUrl: 'https://kv-wizard.vault.azure.net/' } },
    });
    assert.equal(
      keyVaultLinkedService('https://kv-wizard.vault.azure.net/', [
        'azurekeyvault_kv_wizard',
        'AzureKeyVault_kv_wizard_2',
      ]).name,
      'AzureKeyVault_kv_wizard_3',
    );
  });
});
