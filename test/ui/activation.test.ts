// The extension in code-server, seen through Chromium: its view container sits in the activity bar and
// opening it shows the "Batch Endpoints" view.
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { openWorkbench, saveScreenshot, type Workbench } from '../harness/workbench';

describe('extension in the code-server workbench', () => {
  let workbench: Workbench | undefined;

  before(async function () {
    this.timeout(15 * 60_000); // the first run installs code-server
    workbench = await openWorkbench();
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows its view container in the activity bar, and the Batch Endpoints view when clicked', async () => {
    assert.ok(workbench);
    const { page } = workbench;
    const container = page.getByRole('tab', { name: 'ADF Batch Endpoints' });
    await container.waitFor({ state: 'visible', timeout: 60_000 });
    await container.click();
    // With one view the sidebar title reads "<container>: <view>"; with several, each view has a pane header.
    const sidebar = page.locator('.part.sidebar');
    const view = sidebar
      .locator('.composite.title', { hasText: /:\s*Batch Endpoints/i })
      .or(sidebar.locator('.pane-header', { hasText: 'Batch Endpoints' }));
    await view.first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await container.getAttribute('aria-selected'), 'true');
    // Once the extension has activated, the view shows its own content (tree rows or a welcome view) instead of
    // the workbench's "There is no data provider registered" placeholder.
    const content = sidebar
      .locator('.pane-body .monaco-list-row')
      .or(sidebar.locator('.pane-body .welcome-view-content'));
    await content.first().waitFor({ state: 'visible', timeout: 60_000 });
    // The placeholder can still be showing for a moment after the content appears (the provider registers as
    // activation finishes): wait for it to go, and fail with the text if it stays.
    const paneText = (): Promise<string> => sidebar.locator('.pane-body').first().innerText();
    const deadline = Date.now() + 60_000;
    while (/no data provider registered/i.test(await paneText()) && Date.now() < deadline)
      await page.waitForTimeout(250);
    assert.doesNotMatch(await paneText(), /no data provider registered/i);
    await saveScreenshot(page, 'ui-activation');
  });
});

describe('the sandbox (npm start) in the code-server workbench', () => {
  let workbench: Workbench | undefined;

  before(async function () {
    this.timeout(15 * 60_000);
    // What test/harness/sandbox.ts starts: the sandbox seed and sample workspace, the view opened at startup.
    workbench = await openWorkbench({
      label: 'ui-sandbox',
      seed: resolve('test', 'sandbox', 'seed.json'),
      folder: resolve('test', 'sandbox', 'workspace'),
      openViewOnStart: true,
    });
  });

  after(async () => {
    await workbench?.close();
  });

  it('opens with the Batch Endpoints view showing, without a click', async () => {
    const { page } = workbench!;
    const sidebar = page.locator('.part.sidebar');
    const view = sidebar.locator('.pane-header', { hasText: 'Batch Endpoints' });
    await view.first().waitFor({ state: 'visible', timeout: 90_000 });
    const container = page.getByRole('tab', { name: 'ADF Batch Endpoints' });
    assert.equal(await container.getAttribute('aria-selected'), 'true');
    // Signed in to the emulator as the sandbox's service principal: the tree shows its subscription.
    await sidebar.locator('.pane-body .monaco-list-row').first().waitFor({ state: 'visible', timeout: 90_000 });
    await saveScreenshot(page, 'ui-sandbox-start');
  });
});
