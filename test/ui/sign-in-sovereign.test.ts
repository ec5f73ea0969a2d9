// A Microsoft account in Azure China, end to end in code-server (Chromium): the emulator plays Azure China
// (its ARM takes only China's token audiences), the custom cloud names China's ARM audience, so the
// extension signs in through the `microsoft-sovereign-cloud` provider (the stand-in) after asking to set
// microsoft-sovereign-cloud.environment, and lists the subscriptions with China tokens.
// Screenshots: test-results/sign-in/.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EmulatorControlClient } from '../../tools/emulator/control-client';
import { treeRow as row } from '../harness/tree-ui';
import { openWorkbench, saveScreenshot, type Workbench } from '../harness/workbench';
import { answerDialog, errorToasts } from '../harness/workbench-ui';

const CHINA_ARM_AUDIENCE = 'https://management.chinacloudapi.cn';

describe('sign-in in the workbench: Azure China with a Microsoft account (microsoft-sovereign-cloud)', () => {
  let workbench: Workbench | undefined;
  let seedDir: string | undefined;

  before(async function () {
    this.timeout(15 * 60_000);
    // The accounts seed, played as Azure China.
    seedDir = mkdtempSync(join(tmpdir(), 'sign-in-sovereign-'));
    const seed = JSON.parse(readFileSync(resolve('test', 'fixtures', 'seeds', 'accounts.json'), 'utf8')) as object;
    const seedFile = join(seedDir, 'accounts-china.json');
    writeFileSync(seedFile, JSON.stringify({ ...seed, cloud: 'AzureChinaCloud' }));
    workbench = await openWorkbench({
      seed: seedFile,
      label: 'ui-sign-in-sovereign',
      standIns: true,
      playedCloudAudience: true,
      settings: { 'adfBatchEndpoints.signInMethod': 'vscode' },
    });
  });

  after(async () => {
    await workbench?.close();
    if (seedDir) rmSync(seedDir, { recursive: true, force: true });
  });

  it('asks to set microsoft-sovereign-cloud.environment, signs in through the sovereign provider and lists the subscriptions with China tokens', async function () {
    this.timeout(300_000);
    const page = workbench!.page;
    const container = page.getByRole('tab', { name: 'ADF Batch Endpoints' });
    await container.waitFor({ state: 'visible', timeout: 60_000 });
    await container.click();
    const sidebar = page.locator('.part.sidebar');
    const welcome = sidebar.locator('.welcome-view-content', { hasText: 'Sign in to Azure to browse' });
    await welcome.waitFor({ state: 'visible', timeout: 60_000 });
    await welcome.getByRole('button', { name: 'Sign in with a Microsoft account' }).click();

    const setting = page
      .locator('.monaco-dialog-box')
      .filter({ hasText: /needs the setting microsoft-sovereign-cloud\.environment set to ChinaCloud/ });
    await setting.waitFor({ state: 'visible', timeout: 60_000 });
    await saveScreenshot(page, 'sign-in/10-sovereign-setting-question');
    await answerDialog(page, /microsoft-sovereign-cloud\.environment/, 'Change It for All Extensions');
    await answerDialog(page, /Sign in to the custom cloud with your Microsoft account/, 'Sign In');
    await answerDialog(page, /wants to sign in using Microsoft Sovereign Cloud/, 'Allow');
    await answerDialog(
      page,
      /Stand-in Microsoft sign-in \(microsoft-sovereign-cloud\): continue as ada@contoso\.onmicrosoft\.com/,
      'Continue',
    );

    for (const label of ['Contoso Analytics', 'Northwind Research'])
      await row(sidebar, label).waitFor({ state: 'visible', timeout: 60_000 });
    await page.mouse.move(900, 500);
    await saveScreenshot(page, 'sign-in/11-sovereign-signed-in');

    const emulator = new EmulatorControlClient(workbench!.emulator!.url, {
      caCertPem: workbench!.emulator!.caCertPem,
    });
    const listings = (await emulator.requests()).filter((r) => r.routeId === 'resources.subscriptions.list');
    assert.ok(listings.length >= 2, 'the subscriptions of both tenants were listed');
    for (const r of listings) {
      assert.equal(r.status, 200);
      assert.equal(r.caller?.audience.replace(/\/+$/, ''), CHINA_ARM_AUDIENCE, "with tokens for China's ARM");
    }
    assert.deepEqual(await errorToasts(page), []);
  });
});
