// "Create linked service..." as a user meets it in the workbench: the wizard's Authentication step with the service
// principal secret in Key Vault, on a factory that has no Azure Key Vault linked service. The empty list is explained
// in place with the button; the button asks for the vault in VS Code's input box (the ML workspace's own vault filled
// in), creates the linked service in the factory (read back through ARM) and picks it in the form.
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { EmulatorControlClient } from '../../tools/emulator/control-client';
import { eventually } from '../harness/tree-ui';
import { clickMenuEntry } from '../harness/workbench-ui';
import { openWorkbench, saveScreenshot, type Workbench } from '../harness/workbench';
import { choose, clickNext, createPipelineMenuEntry, settled, stepTitle, wizardFrame } from '../harness/wizard-ui';

const WIZARD_SEED = resolve('test', 'fixtures', 'seeds', 'wizard.json');

describe('Create ADF Pipeline wizard: a Key Vault linked service created from the Authentication step', () => {
  let workbench: Workbench | undefined;

  before(async function () {
    this.timeout(15 * 60_000);
    workbench = await openWorkbench({ seed: WIZARD_SEED, label: 'ui-wizard-key-vault' });
  });

  after(async () => {
    await workbench?.close();
  });

  it('explains the empty list, asks for the vault with the workspace vault suggested, and picks the new linked service', async function () {
    this.timeout(300_000);
    const page = workbench!.page;
    const menuItem = await createPipelineMenuEntry(page);
    await clickMenuEntry(menuItem);

    const frame = await wizardFrame(page);
    await settled(frame);
    await clickNext(frame, 'Next');
    await eventually(async () => assert.equal(await stepTitle(frame), '2. Target'));
    await eventually(
      async () => assert.equal(await frame.locator('vscode-single-select#field-factoryId').count(), 1),
      60_000,
    );
    await choose(frame, 'field-factoryId', 'adf-ready (rg-adf)');
    await settled(frame);
    await clickNext(frame, 'Next');

    await eventually(async () => assert.equal(await stepTitle(frame), '3. Authentication'));
    await frame.locator('vscode-radio[data-choice="auth:sp-keyvault"]').click();
    // No list to choose from: the explanation and the button take its place.
    const empty = frame.locator('#no-key-vault');
    await empty.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await empty.innerText(), /This factory has no Azure Key Vault linked service yet/);
    assert.equal(await frame.locator('vscode-single-select#field-keyVaultLinkedService').count(), 0);
    await saveScreenshot(page, 'wizard-key-vault/01-empty-list-explained');

    await frame.locator('vscode-button#create-key-vault-linked-service').click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await input.inputValue(), 'wswizard-kv', "the ML workspace's own vault is suggested");
    await saveScreenshot(page, 'wizard-key-vault/02-vault-asked');
    await input.fill('kv-wizard');
    await page.keyboard.press('Enter');

    // Picked in the form, with what the factory's identity still needs said in place.
    const select = frame.locator('vscode-single-select#field-keyVaultLinkedService');
    await eventually(
      async () =>
        assert.equal(
          await select.evaluate((el) => (el as unknown as { value: string }).value),
          'AzureKeyVault_kv_wizard',
        ),
      60_000,
    );
    assert.match(await frame.locator('.notice').innerText(), /AzureKeyVault_kv_wizard[\s\S]*"get" permission/);
    await saveScreenshot(page, 'wizard-key-vault/03-linked-service-picked');

    // Created in the factory: the emulator's request log has the ARM PUT of that linked service.
    const control = new EmulatorControlClient(workbench!.emulator!.url, { caCertPem: workbench!.emulator!.caCertPem });
    const puts = (await control.requests()).filter(
      (r) => r.routeId === 'adf.linkedServices.createOrUpdate' && r.status < 300,
    );
    assert.equal(puts.length, 1);
    assert.match(puts[0].path, /\/factories\/adf-ready\/linkedservices\/AzureKeyVault_kv_wizard$/i);
  });
});
