// The sidebar as a user sees it in code-server (Chromium): signed in to the emulator as the seed's service
// principal, expand down to a deployment and read the labels and descriptions; the context menu of an
// endpoint; 101 subscriptions (three pages of the list) painted page first with "Loading more subscriptions...", then
// whole; and the welcome view with the sign-in choices when signed out. Screenshots: test-results/sidebar/.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { EmulatorSeed } from '../../tools/emulator';
import { EmulatorControlClient } from '../../tools/emulator/control-client';
import {
  eventually as assertEventually,
  expandTreeRow as expand,
  treeRow as row,
  treeRowDescription as description,
} from '../harness/tree-ui';
import { openWorkbench, saveScreenshot, type Workbench } from '../harness/workbench';
import { clickViewAction } from '../harness/workbench-ui';

const UI_SEED = resolve('test', 'fixtures', 'seeds', 'sidebar-ui.json');
/** More subscriptions than one page of the list (the emulator pages at 50, like ARM): three pages. */
const PAGED = 101;
const pagedName = (i: number): string => `Paged ${String(i).padStart(3, '0')}`;

async function openSidebar(page: Page): Promise<Locator> {
  const container = page.getByRole('tab', { name: 'ADF Batch Endpoints' });
  await container.waitFor({ state: 'visible', timeout: 60_000 });
  await container.click();
  const sidebar = page.locator('.part.sidebar');
  await widen(page, sidebar, 620);
  await page.mouse.move(900, 500); // away from the activity bar, so no hover tooltip covers the tree
  return sidebar;
}

/** Drags the sidebar's edge so that the screenshots show whole descriptions. */
async function widen(page: Page, sidebar: Locator, width: number): Promise<void> {
  const box = await sidebar.boundingBox();
  if (!box) return;
  const edge = box.x + box.width;
  await page.mouse.move(edge + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
}

describe('sidebar in the workbench (signed in to the emulator)', () => {
  let workbench: Workbench | undefined;
  let sidebar: Locator;

  before(async function () {
    this.timeout(15 * 60_000); // the first run installs code-server
    workbench = await openWorkbench({ seed: UI_SEED, label: 'ui-sidebar' });
    sidebar = await openSidebar(workbench.page);
  });

  after(async () => {
    await workbench?.close();
  });

  it('expands subscription > workspace > endpoint > deployment with the descriptions a user reads', async function () {
    this.timeout(180_000);
    const page = workbench!.page;
    const subscription = row(sidebar, 'Sidebar Contoso');
    await subscription.waitFor({ state: 'visible', timeout: 90_000 });
    await saveScreenshot(page, 'sidebar/01-signed-in-subscriptions');

    await expand(subscription);
    const workspace = row(sidebar, 'ws-main');
    await workspace.waitFor({ state: 'visible', timeout: 60_000 });
    await assertEventually(async () => assert.equal(await description(workspace), 'rg-ml · westeurope'));
    assert.equal(await description(row(sidebar, 'ws-empty')), 'rg-ml · westeurope');

    await expand(workspace);
    const endpoint = row(sidebar, 'score-default');
    await endpoint.waitFor({ state: 'visible', timeout: 60_000 });
    await assertEventually(async () => assert.equal(await description(endpoint), 'AADToken · default: blue'));
    assert.equal(await description(row(sidebar, 'score-nodefault')), 'AADToken · no default deployment');

    await expand(endpoint);
    const blue = row(sidebar, 'blue');
    await blue.waitFor({ state: 'visible', timeout: 60_000 });
    await assertEventually(async () =>
      assert.equal(await description(blue), 'default · Succeeded · model credit-model:3'),
    );
    assert.equal(await description(row(sidebar, 'green')), 'Updating · model credit-model:4');

    await expand(row(sidebar, 'ws-empty'));
    await row(sidebar, 'No batch endpoints in this workspace').waitFor({ state: 'visible', timeout: 60_000 });
    // Once their children are shown, expanded rows say what they are again, not "Loading...".
    await assertEventually(async () => assert.equal(await description(endpoint), 'AADToken · default: blue'), 10_000);
    await assertEventually(
      async () => assert.equal(await description(row(sidebar, 'ws-empty')), 'rg-ml · westeurope'),
      10_000,
    );
    await saveScreenshot(page, 'sidebar/02-expanded-to-deployments', { readme: 'sidebar' });
  });

  it('offers the endpoint actions in its context menu', async function () {
    this.timeout(60_000);
    const page = workbench!.page;
    await row(sidebar, 'score-default').click({ button: 'right' });
    const menu = page.locator('.monaco-menu .action-label');
    await menu.first().waitFor({ state: 'visible', timeout: 30_000 });
    const labels = (await menu.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    for (const expected of [
      'Copy Scoring URI',
      'Open in Azure ML Studio',
      'Open in Azure Portal',
      'Show Properties',
      'Refresh',
    ]) {
      assert.ok(labels.includes(expected), `"${expected}" missing from the menu: ${labels.join(' | ')}`);
    }
    await saveScreenshot(page, 'sidebar/03-endpoint-context-menu');
    await page.keyboard.press('Escape');
  });
});

describe('sidebar in the workbench: many subscriptions', () => {
  let workbench: Workbench | undefined;
  let sidebar: Locator;
  let control: EmulatorControlClient;
  /** The request log's last entry before the view opened. */
  let since = 0;

  before(async function () {
    this.timeout(15 * 60_000);
    workbench = await openWorkbench({ seed: UI_SEED, label: 'ui-sidebar-paged' });
    const emulator = workbench.emulator!;
    control = new EmulatorControlClient(emulator.url, { caCertPem: emulator.caCertPem });
    const seed = JSON.parse(readFileSync(UI_SEED, 'utf8')) as EmulatorSeed;
    const tenantId = seed.tenants[0].id;
    await control.setSeed({
      ...seed,
      subscriptions: Array.from({ length: PAGED }, (_, i) => ({
        id: `5d0000cc-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
        displayName: pagedName(i + 1),
        tenantId,
      })),
    });
    // Every page of the subscription list takes 10 s: the later pages are surely on their way while the test looks.
    await control.addLatency({ ms: 10_000, route: 'resources.subscriptions.list' });
    since = (await control.requests()).at(-1)?.seq ?? 0;
    sidebar = await openSidebar(workbench.page);
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows the first page with "Loading more subscriptions..." while the later pages load, then all of them', async function () {
    this.timeout(240_000);
    const page = workbench!.page;
    await row(sidebar, pagedName(1)).waitFor({ state: 'visible', timeout: 120_000 });
    // The tree draws only the rows in view: to its end, where the loading row is.
    await sidebar.locator('.monaco-list[role="tree"]').first().focus();
    await page.keyboard.press('End');
    const loading = row(sidebar, 'Loading more subscriptions...');
    await loading.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await loading.locator('.codicon-loading.codicon-modifier-spin').count(), 1, 'a spinning icon');
    await row(sidebar, pagedName(50)).waitFor({ state: 'visible', timeout: 10_000 });
    await saveScreenshot(page, 'sidebar/05-first-page-loading-more');

    await loading.waitFor({ state: 'hidden', timeout: 120_000 });
    await sidebar.locator('.monaco-list[role="tree"]').first().focus();
    await page.keyboard.press('End');
    await row(sidebar, pagedName(PAGED)).waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await row(sidebar, 'Loading more subscriptions...').count(), 0);
    await saveScreenshot(page, 'sidebar/06-all-subscriptions');
    const listed = (await control.requests(since)).filter((r) => r.routeId === 'resources.subscriptions.list');
    assert.equal(listed.length, 3, 'one request per page');
    await control.clearLatency();
    await clickViewAction(page, 'Batch Endpoints', 'Refresh'); // nothing left waiting when the workbench closes
  });
});

describe('sidebar in the workbench (signed out)', () => {
  let workbench: Workbench | undefined;

  before(async function () {
    this.timeout(15 * 60_000);
    // A service principal without tenant, client id or secret: signed out, so the welcome view shows.
    workbench = await openWorkbench({
      seed: false,
      label: 'ui-sidebar-signed-out',
      settings: { 'adfBatchEndpoints.signInMethod': 'servicePrincipal' },
    });
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows the sign-in choices in the welcome view', async function () {
    this.timeout(120_000);
    const sidebar = await openSidebar(workbench!.page);
    // The Batch Endpoints view's welcome (the Pipeline Runs view below it has one of its own).
    const welcome = sidebar.locator('.welcome-view-content', { hasText: 'Sign in to Azure to browse' });
    await welcome.waitFor({ state: 'visible', timeout: 60_000 });
    for (const choice of ['Sign in with a Microsoft account', 'Use the Azure CLI login', 'Use a service principal']) {
      await welcome.getByRole('button', { name: choice }).waitFor({ state: 'visible', timeout: 10_000 });
    }
    assert.match(await welcome.innerText(), /Sign in to Azure to browse your Azure ML workspaces/);
    await saveScreenshot(workbench!.page, 'sidebar/04-signed-out-welcome');
  });
});
