// "Create linked service..." on the Authentication step, in plain Node against the emulator through the Data Factory
// SDK: a factory without an Azure Key Vault linked service gets one for the vault the user names (the workspace's
// vault suggested), the form picks it, and a pipeline published with it reads the client secret at run time.
import * as assert from 'node:assert/strict';
import { drive, endpointOf, toAuth } from './controller-helpers';
import { W, usePublishEmulator } from './fixture';

describe('integration: the wizard creates a Key Vault linked service', () => {
  const fx = usePublishEmulator();

  it('explains the empty list, creates the linked service the user confirms, and a run reads the secret through it', async () => {
    const d = drive(fx, endpointOf(fx, 'score-fast', 'blue'));
    await toAuth(d, 'adf-ready', 'sp-keyvault');
    let view = d.controller.view();
    assert.deepEqual(view.auth.keyVaultLinkedServices, [], 'adf-ready has no Key Vault linked service');
    assert.equal(view.checks.auth.find((c) => c.id === 'auth.keyVault')?.status, 'fail');

    // Cancelled: nothing is created.
    const before = (await fx.control.requests()).at(-1)?.seq ?? 0;
    await d.send('createKeyVaultLinkedService');
    assert.equal(d.inputs.length, 1);
    assert.equal(d.inputs[0].value, 'wswizard-kv', "the ML workspace's own vault is suggested");
    assert.match(d.inputs[0].validate('no') ?? '', /name of the vault/);
    assert.equal(d.inputs[0].validate('kv-wizard'), undefined);
    assert.equal(d.inputs[0].validate('https://kv-wizard.vault.azure.net/'), undefined);
    const puts = async (): Promise<number> =>
      (await fx.control.requests(before)).filter((r) => r.routeId === 'adf.linkedServices.createOrUpdate').length;
    assert.equal(await puts(), 0, 'a cancelled prompt creates nothing');

    d.inputAnswers.push('kv-wizard');
    await d.send('createKeyVaultLinkedService');
    assert.equal(await puts(), 1);
    const stored = (await fx.azure.reads.listLinkedServices(W.factory('adf-ready'))).find(
      (l) => l.name === 'AzureKeyVault_kv_wizard',
    );
    assert.equal(stored?.type, 'AzureKeyVault');
    view = d.controller.view();
    assert.equal(view.form.keyVaultLinkedService, 'AzureKeyVault_kv_wizard', 'the new linked service is picked');
    assert.deepEqual(
      view.auth.keyVaultLinkedServices.map((l) => l.name),
      ['AzureKeyVault_kv_wizard'],
    );
    assert.match(view.notice ?? '', /get" permission/);
    assert.equal(view.error, undefined);

    await d.send('updateForm', {
      patch: { secretName: 'batch-sp-secret', spTenantId: W.tenant, spClientId: W.owner.clientId },
    });
    assert.equal(d.controller.view().checks.auth.find((c) => c.id === 'auth.keyVault')?.status, 'pass');
    await d.send('next');
    await d.send('updateForm', { patch: { inputPath: 'data/scoring/', pollIntervalSeconds: 1 } });
    await d.send('next');
    await d.send('publish');
    assert.equal(d.controller.view().publish.status, 'done', JSON.stringify(d.controller.view().error));
    await d.send('next');
    await d.send('runNow', { values: {} });
    await d.controller.whenRunEnded();
    view = d.controller.view();
    assert.equal(view.run.pipelineStatus, 'Succeeded', `${view.run.message} ${JSON.stringify(view.run.activities)}`);
    assert.equal(view.run.job?.status, 'Completed');
  });
});
