// Signing in with a Microsoft account as a user does it in code-server (Chromium), against the stand-in
// Microsoft authentication extension and the emulator's user Ada (member of Contoso, Northwind and Fabrikam,
// which asks for consent): the welcome view's button, the prompts (the custom cloud's, VS Code's, the
// account's), the subscriptions of two tenants, then the "Sign in to tenant Fabrikam" row.
// Screenshots: test-results/sign-in/.
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { treeRow as row } from '../harness/tree-ui';
import { openWorkbench, saveScreenshot, type Workbench } from '../harness/workbench';

const ACCOUNTS_SEED = resolve('test', 'fixtures', 'seeds', 'accounts.json');

/** The button of the workbench's modal dialog whose label is exactly `label`. */
function dialogButton(page: Page, label: string): Locator {
  return page
    .locator('.monaco-dialog-box .dialog-buttons .monaco-button')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .first();
}

async function answerDialog(page: Page, message: RegExp, label: string, screenshot?: string): Promise<void> {
  const box = page.locator('.monaco-dialog-box').filter({ hasText: message });
  await box.waitFor({ state: 'visible', timeout: 60_000 });
  if (screenshot) await saveScreenshot(page, screenshot);
  await dialogButton(page, label).click();
  await box.waitFor({ state: 'hidden', timeout: 30_000 });
}

describe('sign-in in the workbench (stand-in Microsoft account)', () => {
  let workbench: Workbench | undefined;

  before(async function () {
    this.timeout(15 * 60_000);
    workbench = await openWorkbench({
      seed: ACCOUNTS_SEED,
      label: 'ui-sign-in',
      standIns: true,
      playedCloudAudience: true,
      settings: { 'adfBatchEndpoints.signInMethod': 'vscode' },
    });
  });

  after(async () => {
    await workbench?.close();
  });

  it('signs in from the welcome view to the subscriptions of two tenants, then to the tenant that asked for consent', async function () {
    this.timeout(300_000);
    const page = workbench!.page;
    const container = page.getByRole('tab', { name: 'ADF Batch Endpoints' });
    await container.waitFor({ state: 'visible', timeout: 60_000 });
    await container.click();
    const sidebar = page.locator('.part.sidebar');
    // The Batch Endpoints view's welcome (the Pipeline Runs view below it has one of its own).
    const welcome = sidebar.locator('.welcome-view-content', { hasText: 'Sign in to Azure to browse' });
    await welcome.waitFor({ state: 'visible', timeout: 60_000 });
    await welcome.getByRole('button', { name: 'Sign in with a Microsoft account' }).click();

    await answerDialog(page, /Sign in to the custom cloud with your Microsoft account/, 'Sign In');
    await answerDialog(page, /wants to sign in using Microsoft/, 'Allow');
    await answerDialog(
      page,
      /Stand-in Microsoft sign-in \(microsoft\): continue as ada@contoso\.onmicrosoft\.com/,
      'Continue',
      'sign-in/01-microsoft-account-prompt',
    );

    for (const label of ['Contoso Analytics', 'Northwind Research', 'Sign in to tenant Fabrikam'])
      await row(sidebar, label).waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await row(sidebar, 'Fabrikam Forecasting').count(), 0, 'Fabrikam waits for consent');
    await page.mouse.move(900, 500);
    await saveScreenshot(page, 'sign-in/02-two-tenants-and-consent-row');

    await row(sidebar, 'Sign in to tenant Fabrikam').click();
    await answerDialog(page, /wants to sign in using Microsoft/, 'Allow');
    await answerDialog(page, /Stand-in Microsoft sign-in \(microsoft\)/, 'Continue');
    await row(sidebar, 'Fabrikam Forecasting').waitFor({ state: 'visible', timeout: 60_000 });
    await row(sidebar, 'Sign in to tenant Fabrikam').waitFor({ state: 'hidden', timeout: 60_000 });
    await saveScreenshot(page, 'sign-in/03-signed-in-to-fabrikam');
  });
});
