// Inside the extension host: the service principal's test secret (the one the extension signs in with, also the
// client_secret given at run time and the Key Vault secret) appears nowhere in settings, the wizard's log, the
// webview's state and messages, or the published pipelines.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  WORKSPACE_ID,
  factoryPath,
  openWizardFixture,
  send,
  toAuth,
  toReview,
  type WizardFixture,
} from './wizard-fixture';

describe('Create ADF Pipeline wizard: the test secret stays secret (extension host, emulator)', function () {
  this.timeout(180_000);
  let f: WizardFixture;

  before(async () => {
    f = await openWizardFixture();
    f.api.wizard.usePrompts({ confirm: async () => true, secret: async () => f.principal.secret });
  });
  after(async () => {
    f.api.wizard.handle(`${WORKSPACE_ID}/batchEndpoints/score-fast`)?.close();
    await f?.restore();
  });

  it('is nowhere in settings, logs, webview state or published JSON after publishing and running with it', async () => {
    const secret = f.principal.secret;
    assert.ok(
      secret.length >= 8 && process.env.ADF_BATCH_SANDBOX_SP_SECRET === secret,
      'the test secret is the one the extension signed in with',
    );
    const handle = await f.openFromTree('score-fast');
    // SecureString variant, run with the secret typed into the password box.
    await toAuth(handle, 'adf-mi', {
      authKind: 'sp-secret',
      spTenantId: f.principal.tenantId,
      spClientId: f.principal.clientId,
      pipelineName: 'Run-Secret-Parameter',
    });
    await toReview(handle);
    await send(handle, 'next');
    assert.equal(handle.state().publish.status, 'done');
    await send(handle, 'next');
    await send(handle, 'runNow', { values: {} });
    await handle.whenRunEnded();
    assert.equal(handle.state().run.pipelineStatus, 'Succeeded', handle.state().run.message);
    // Key Vault variant on top (the vault holds the same secret).
    await send(handle, 'goTo', { step: 'auth' });
    await send(handle, 'updateForm', {
      patch: { authKind: 'sp-keyvault', secretName: 'batch-sp-secret', pipelineName: 'Run-Secret-KeyVault' },
    });
    await send(handle, 'goTo', { step: 'review' });
    await send(handle, 'next');
    assert.equal(handle.state().publish.status, 'done', JSON.stringify(handle.state().error));

    const places: Record<string, string> = {};
    const userSettings = vscode.Uri.joinPath(
      vscode.Uri.parse(f.api.wizard.globalStorageUri),
      '..',
      '..',
      'settings.json',
    );
    places['user settings.json'] = new TextDecoder().decode(await vscode.workspace.fs.readFile(userSettings));
    places['adfBatchEndpoints settings'] = JSON.stringify(vscode.workspace.getConfiguration('adfBatchEndpoints'));
    places['wizard log'] = f.api.wizard.logLines().join('\n');
    places['view state'] = JSON.stringify(handle.state());
    places['webview setState'] = JSON.stringify(handle.persistedState());
    places['messages posted to the webview'] = JSON.stringify(handle.postedMessages());
    for (const name of ['Run-Secret-Parameter', 'Run-Secret-KeyVault']) {
      const stored = await f.armGet(`${factoryPath('adf-mi')}/pipelines/${name}`);
      assert.equal(stored.status, 200);
      places[`published ${name}`] = JSON.stringify(stored.body);
    }
    const run = await f.armGet(`${factoryPath('adf-mi')}/pipelineruns/${handle.state().run.runId}`);
    places['pipeline run as ARM returns it'] = JSON.stringify(run.body);
    assert.ok(places['wizard log'].includes('Started run'), 'the log did record the run');
    assert.ok(
      places['user settings.json'].includes('adfBatchEndpoints.servicePrincipal'),
      'the settings file was found',
    );
    for (const [place, text] of Object.entries(places))
      assert.ok(!text.includes(secret), `the test secret appears in ${place}`);
  });
});
