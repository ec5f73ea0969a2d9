import * as assert from 'node:assert/strict';
import {
  checkFactoryIdentity,
  checkKeyVaultSecret,
  checkUserAssignedCredential,
  explainSecureStringParameter,
  keyVaultLinkedServices,
  secretNameProblem,
} from '../../../src/core/preflight';

describe('preflight: identities and secrets', () => {
  it('blocks a factory without a system-assigned identity and offers to enable it (no recreating)', () => {
    const check = checkFactoryIdentity({ name: 'adf-noid' });
    assert.equal(check.blocking, true);
    assert.match(check.message, /no system-assigned managed identity/);
    assert.match(check.action!, /Enable its managed identity/);
    assert.doesNotMatch(`${check.message} ${check.action}`, /recreate|cannot be added/i);
    assert.match(check.action!, /user-assigned managed identity/);
    assert.equal(checkFactoryIdentity({ name: 'adf', identityPrincipalId: 'f1' }).status, 'pass');
  });

  it('checks the ADF credential of a user-assigned identity', () => {
    const credentials = [
      {
        name: 'uami-cred',
        resourceId:
          '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami',
        principalId: 'e1',
      },
    ];
    assert.equal(checkUserAssignedCredential('UAMI-cred', credentials, 'adf').status, 'pass');
    assert.match(checkUserAssignedCredential('UAMI-cred', credentials, 'adf').message, /uami \(principal e1\)/);
    assert.equal(checkUserAssignedCredential('other', credentials, 'adf').blocking, true);
    assert.match(checkUserAssignedCredential('', [], 'adf').action!, /Manage > Credentials/);
    assert.equal(checkUserAssignedCredential('x', [{ name: 'x' }], 'adf').blocking, true);
    assert.equal(checkUserAssignedCredential('x', [{ name: 'x', resourceId: '/a/b' }], 'adf').status, 'warn');
  });

  it('accepts only Key Vault linked services and valid secret names', () => {
    const linked = [
      { name: 'kv-ls', type: 'AzureKeyVault' },
      { name: 'blob', type: 'AzureBlobStorage' },
    ];
    assert.deepEqual(
      keyVaultLinkedServices(linked).map((l) => l.name),
      ['kv-ls'],
    );
    assert.deepEqual(
      checkKeyVaultSecret('kv-ls', 'batch-sp-secret', linked, 'adf').map((c) => c.status),
      ['pass', 'pass'],
    );
    assert.deepEqual(
      checkKeyVaultSecret('blob', 'x', linked, 'adf').map((c) => c.status),
      ['fail', 'pass'],
    );
    assert.match(checkKeyVaultSecret('kv', 'x', [], 'adf')[0].action!, /Azure Key Vault/);
    assert.equal(secretNameProblem('ok-Name-1'), undefined);
    assert.match(secretNameProblem('')!, /not the secret itself/);
    assert.match(secretNameProblem('has_underscore')!, /letters, digits and dashes/);
    assert.match(secretNameProblem(' padded')!, /spaces/);
    assert.match(secretNameProblem('x'.repeat(128))!, /1-127/);
  });

  it('explains the SecureString parameter without blocking', () => {
    const check = explainSecureStringParameter();
    assert.equal(check.blocking, false);
    assert.match(check.message, /SecureString/);
  });
});
