// Signing in as a user does it in code-server (Chromium), against the stand-in Microsoft authentication
// extension, the stand-in `az` and the emulator's user Ada (member of Contoso, Northwind and Fabrikam, which
// asks for consent). One workbench, in order: a cancelled sign-in; the welcome view's button through the
// prompts (the custom cloud's, VS Code's, the account's) to the subscriptions of two tenants, then the
// "Sign in to tenant Fabrikam" row; VS Code removing the account; an expired token renewed silently; a session
// VS Code cannot renew; the Azure CLI path from "az login" to another tenant. Screenshots: test-results/sign-in/.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { EmulatorControlClient } from '../../tools/emulator/control-client';
import { controlMicrosoftAuth, type StandIns } from '../harness/stand-ins';
import { eventually, expandTreeRow, treeRow as row } from '../harness/tree-ui';
import { openWorkbench, saveScreenshot, type Workbench } from '../harness/workbench';
import { answerDialog, clickViewAction, errorToasts, toast } from '../harness/workbench-ui';
import type { StandInState } from '../stand-ins/microsoft-auth/control';

const ACCOUNTS_SEED = resolve('test', 'fixtures', 'seeds', 'accounts.json');
const CONTOSO = 'a0a0a0a0-0000-4000-8000-00000000000a';
const FABRIKAM = 'f0f0f0f0-0000-4000-8000-00000000000f';
const AZURE_CLI_APP_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
const VIEW = 'Batch Endpoints';

describe('sign-in in the workbench (stand-in Microsoft account and az)', () => {
  let workbench: Workbench | undefined;
  let page: Page;
  let sidebar: Locator;
  let welcome: Locator;
  let emulator: EmulatorControlClient;
  let standIns: StandIns;
  const standIn = (change: Parameters<typeof controlMicrosoftAuth>[1] = {}): Promise<StandInState> =>
    controlMicrosoftAuth(standIns, change);

  /** From the welcome view through every prompt of a Microsoft-account sign-in that the user accepts. */
  const signInWithMicrosoftAccount = async (screenshot?: string): Promise<void> => {
    await welcome.getByRole('button', { name: 'Sign in with a Microsoft account' }).click();
    await answerDialog(page, /Sign in to the custom cloud with your Microsoft account/, 'Sign In');
    await answerDialog(page, /wants to sign in using Microsoft/, 'Allow');
    const prompt = /Stand-in Microsoft sign-in \(microsoft\): continue as ada@contoso\.onmicrosoft\.com/;
    if (screenshot) {
      await page.locator('.monaco-dialog-box').filter({ hasText: prompt }).waitFor({ timeout: 60_000 });
      await saveScreenshot(page, screenshot);
    }
    await answerDialog(page, prompt, 'Continue');
  };

  before(async function () {
    this.timeout(15 * 60_000);
    workbench = await openWorkbench({
      seed: ACCOUNTS_SEED,
      label: 'ui-sign-in',
      standIns: true,
      playedCloudAudience: true,
      settings: { 'adfBatchEndpoints.signInMethod': 'vscode' },
    });
    page = workbench.page;
    emulator = new EmulatorControlClient(workbench.emulator!.url, { caCertPem: workbench.emulator!.caCertPem });
    standIns = workbench.stack.standIns!;
    sidebar = page.locator('.part.sidebar');
    // The Batch Endpoints view's welcome (the Pipeline Runs view below it has one of its own).
    welcome = sidebar.locator('.welcome-view-content', { hasText: 'Sign in to Azure to browse' });
    const container = page.getByRole('tab', { name: 'ADF Batch Endpoints' });
    await container.waitFor({ state: 'visible', timeout: 60_000 });
    await container.click();
  });

  after(async () => {
    await workbench?.close();
  });

  it("a cancelled sign-in (VS Code's prompt, then the account's page) stays on the welcome view, without an error", async function () {
    this.timeout(300_000);
    await welcome.waitFor({ state: 'visible', timeout: 60_000 });
    await standIn({ clearLog: true });

    await welcome.getByRole('button', { name: 'Sign in with a Microsoft account' }).click();
    await answerDialog(page, /Sign in to the custom cloud with your Microsoft account/, 'Sign In');
    await answerDialog(page, /wants to sign in using Microsoft/, 'Cancel');
    await welcome.getByRole('button', { name: 'Sign in with a Microsoft account' }).waitFor({ timeout: 30_000 });

    await welcome.getByRole('button', { name: 'Sign in with a Microsoft account' }).click();
    await answerDialog(page, /Sign in to the custom cloud with your Microsoft account/, 'Sign In');
    await answerDialog(page, /wants to sign in using Microsoft/, 'Allow');
    await answerDialog(page, /Stand-in Microsoft sign-in \(microsoft\)/, 'Cancel');
    await eventually(async () =>
      assert.ok(
        (await standIn()).calls.some((c) => c.method === 'createSession' && c.outcome === 'cancelled'),
        'the account page was cancelled',
      ),
    );
    await welcome.getByRole('button', { name: 'Sign in with a Microsoft account' }).waitFor({ timeout: 30_000 });
    assert.equal(await row(sidebar, 'Contoso Analytics').count(), 0);
    assert.deepEqual(await errorToasts(page), [], 'a cancel is not an error');
    assert.deepEqual((await standIn()).sessions, [], 'still signed out');
    await saveScreenshot(page, 'sign-in/00-cancelled-welcome-view');
  });

  it('signs in from the welcome view to the subscriptions of two tenants, then to the tenant that asked for consent', async function () {
    this.timeout(300_000);
    await signInWithMicrosoftAccount('sign-in/01-microsoft-account-prompt');

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

  it('VS Code removing the account (signed out in the Accounts menu) takes the view back to its welcome view by itself', async function () {
    this.timeout(120_000);
    await row(sidebar, 'Contoso Analytics').waitFor({ state: 'visible', timeout: 60_000 });
    await standIn({ signOut: true });
    await welcome.waitFor({ state: 'visible', timeout: 60_000 });
    await row(sidebar, 'Contoso Analytics').waitFor({ state: 'hidden', timeout: 30_000 });
    assert.deepEqual(await errorToasts(page), []);
  });

  it('an expired token is renewed silently: the tree goes on loading, with a new token the emulator saw', async function () {
    this.timeout(300_000);
    // Tokens live 20 s and are renewed in their last 5 s, as MSAL renews them before they expire.
    await standIn({ tokenLifetimeSeconds: 20, refreshMarginSeconds: 5 });
    await signInWithMicrosoftAccount();
    await row(sidebar, 'Contoso Analytics').waitFor({ state: 'visible', timeout: 60_000 });
    const first = (await standIn()).sessions.find((s) => s.provider === 'microsoft' && s.tenantId === CONTOSO);
    assert.ok(first, 'a session for Contoso');
    // Until the first token has expired for sure.
    await eventually(async () => assert.ok(Date.now() > (first.expiresOn + 2) * 1000), 60_000);
    const since = (await emulator.requests()).at(-1)?.seq ?? 0;

    await expandTreeRow(row(sidebar, 'Contoso Analytics'));
    await row(sidebar, 'ml-contoso').waitFor({ state: 'visible', timeout: 60_000 });
    const later = (await emulator.requests(since)).filter((r) => r.caller?.tenantId === CONTOSO);
    const listing = later.find((r) => r.routeId.includes('workspaces.list'));
    assert.ok(listing, `the workspaces were listed after the expiry: ${later.map((r) => r.routeId).join(', ')}`);
    assert.equal(listing.status, 200);
    assert.ok(listing.caller!.tokenId, 'the emulator names the token');
    assert.notEqual(listing.caller!.tokenId, first.tokenId, 'with a renewed token, not the expired one');
    assert.deepEqual(
      (await emulator.requests()).filter((r) => r.status === 401).map((r) => `${r.routeId} ${r.path}`),
      [],
      'no request was sent with an expired token',
    );
    const renewed = (await standIn()).sessions.find((s) => s.provider === 'microsoft' && s.tenantId === CONTOSO);
    assert.ok(renewed && renewed.expiresOn > first.expiresOn, 'the provider renewed the session');
    assert.deepEqual(await errorToasts(page), []);
  });

  it('a session VS Code cannot renew (the refresh token expired) takes the view back to its welcome view', async function () {
    this.timeout(180_000);
    await standIn({ silentRefresh: false });
    const session = (await standIn()).sessions.find((s) => s.provider === 'microsoft' && s.tenantId === CONTOSO);
    assert.ok(session);
    await eventually(async () => assert.ok(Date.now() > (session.expiresOn + 1) * 1000), 60_000);
    await clickViewAction(page, VIEW, 'Refresh');
    await welcome.waitFor({ state: 'visible', timeout: 60_000 });
    await row(sidebar, 'Contoso Analytics').waitFor({ state: 'hidden', timeout: 30_000 });
    assert.ok(
      (await standIn()).calls.some((c) => c.outcome === 'refresh token expired: interaction required'),
      'the provider could not renew the session',
    );
    assert.deepEqual(await errorToasts(page), []);
    await saveScreenshot(page, 'sign-in/04-session-not-renewed-welcome-view');
    await standIn({ silentRefresh: true, tokenLifetimeSeconds: null, refreshMarginSeconds: 30 });
  });

  it('the Azure CLI: not logged in says to run "az login"; after az login in the terminal, Refresh lists its subscriptions; another tenant asks for az login --tenant', async function () {
    this.timeout(300_000);
    const profile = join(standIns.azureConfigDir, 'azureProfile.json');
    assert.equal(existsSync(profile), false, 'az is logged out');
    // Fabrikam's consent, given to VS Code's application above, is asked again for the Azure CLI's.
    await emulator.reset();
    await welcome.getByRole('button', { name: 'Use the Azure CLI login' }).click();
    await answerDialog(page, /Sign in to the custom cloud with your Azure CLI login/, 'Sign In');
    const notLoggedIn = toast(page, 'Run "az login" in a terminal, then refresh the view.');
    await notLoggedIn.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await notLoggedIn.innerText(), /The Azure CLI is not signed in/);
    await saveScreenshot(page, 'sign-in/05-azure-cli-not-logged-in');
    await notLoggedIn.getByRole('button', { name: 'Open Terminal' }).click();
    // The terminal runs `az login` (the stand-in signs Ada in, as the browser sign-in would).
    await eventually(async () => assert.ok(existsSync(profile), 'az login wrote its profile'), 60_000);
    await welcome.waitFor({ state: 'visible', timeout: 30_000 });

    await clickViewAction(page, VIEW, 'Refresh');
    for (const label of ['Contoso Analytics', 'Northwind Research', 'Sign in to tenant Fabrikam'])
      await row(sidebar, label).waitFor({ state: 'visible', timeout: 60_000 });
    await page.mouse.move(900, 300);
    await saveScreenshot(page, 'sign-in/06-azure-cli-signed-in');

    await row(sidebar, 'Sign in to tenant Fabrikam').click();
    const another = toast(page, `az login --tenant ${FABRIKAM}`);
    await another.waitFor({ state: 'visible', timeout: 60_000 });
    await another.getByRole('button', { name: 'Open Terminal' }).click();
    await eventually(
      async () => assert.match(readFileSync(profile, 'utf8'), /Fabrikam Forecasting/, 'az login --tenant ran'),
      60_000,
    );
    await clickViewAction(page, VIEW, 'Refresh');
    await row(sidebar, 'Fabrikam Forecasting').waitFor({ state: 'visible', timeout: 60_000 });
    await row(sidebar, 'Sign in to tenant Fabrikam').waitFor({ state: 'hidden', timeout: 60_000 });
    await saveScreenshot(page, 'sign-in/07-azure-cli-other-tenant');
    const fabrikam = (await emulator.requests()).filter(
      (r) => r.routeId === 'resources.subscriptions.list' && r.caller?.tenantId === FABRIKAM,
    );
    assert.ok(fabrikam.length > 0, "Fabrikam's subscriptions were listed");
    assert.ok(
      fabrikam.every((r) => r.caller?.appId === AZURE_CLI_APP_ID),
      "with the Azure CLI's tokens",
    );
  });
});
