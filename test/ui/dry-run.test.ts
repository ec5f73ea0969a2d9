// The Dry Run view as a keyboard and screen-reader user meets it in code-server (Chromium): "Dry Run Pipeline"
// from the command palette, offline, on a pipeline that fails on purpose. The run's outcome is in an aria-live
// status region; each activity run expands and collapses with Enter/Space on its disclosure button, and Tab moves
// between rows. Screenshots: test-results/dry-run/.
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { eventually } from '../harness/tree-ui';
import { openWorkbench, saveScreenshot, type Workbench } from '../harness/workbench';

const DRY_RUN_WORKSPACE = resolve('test', 'fixtures', 'dry-run', 'workspace');

/** The webview's inner frame that renders the Dry Run view. */
async function dryRunFrame(page: Page): Promise<Frame> {
  let found: Frame | undefined;
  await eventually(async () => {
    for (const frame of page.frames()) {
      if (
        await frame
          .locator('#app table#runs, #app tbody#runs')
          .count()
          .catch(() => 0)
      ) {
        found = frame;
        return;
      }
    }
    assert.fail('no webview frame shows the dry run yet');
  }, 60_000);
  return found!;
}

describe('Dry Run view in the workbench: keyboard and screen reader', () => {
  let workbench: Workbench | undefined;

  before(async function () {
    this.timeout(15 * 60_000);
    workbench = await openWorkbench({ folder: DRY_RUN_WORKSPACE, seed: false, label: 'ui-dry-run' });
  });

  after(async () => {
    await workbench?.close();
  });

  it('announces the outcome in an aria-live region and expands an activity run with the keyboard', async function () {
    this.timeout(5 * 60_000);
    const page = workbench!.page;

    // Open pipeline/Keyboard-Run.json, then "Dry Run Pipeline" from the command palette, offline.
    const folder = page
      .locator('.explorer-folders-view .monaco-list-row[role="treeitem"]', { hasText: 'pipeline' })
      .first();
    await folder.waitFor({ state: 'visible', timeout: 60_000 });
    if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
    await page
      .locator('.explorer-folders-view .monaco-list-row[role="treeitem"]', { hasText: 'Keyboard-Run.json' })
      .click();
    const nameLine = page.locator('.monaco-editor .view-line', { hasText: '"name": "Keyboard-Run"' });
    await nameLine.waitFor({ state: 'visible', timeout: 60_000 });
    // The command shows in the palette when a JSON editor has the focus (editorLangId): give it the focus, not the explorer.
    await nameLine.click();
    await page.keyboard.press('F1');
    const quickInput = page.locator('.quick-input-widget input');
    await quickInput.waitFor({ state: 'visible', timeout: 30_000 });
    await quickInput.fill('>Dry Run Pipeline');
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'Dry Run Pipeline' })
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'Offline' })
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await quickInput.fill('Offline');
    await page.keyboard.press('Enter');

    // The outcome is announced: a polite live region whose text says how the run ended.
    const frame = await dryRunFrame(page);
    const status = frame.locator('#run-status');
    await eventually(async () => assert.match(await status.innerText(), /The dry run ended: Failed/), 60_000);
    assert.equal(await status.getAttribute('role'), 'status');
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    assert.match(await status.innerText(), /Stopped after: hello from the dry run/);
    assert.equal(
      await frame.locator('vscode-button#cancel').getAttribute('disabled'),
      '',
      'Cancel is off once the run ended',
    );

    // Keyboard: the first row's disclosure button takes the focus; Enter expands it, Space collapses it.
    const greet = frame.locator('tr.run', { hasText: 'Greet' }).locator('button.expander');
    const greetDetails = frame.locator(
      `#details-${await frame.locator('tr.run', { hasText: 'Greet' }).getAttribute('data-id')}`,
    );
    assert.equal(await greet.getAttribute('aria-expanded'), 'false');
    assert.equal(await greetDetails.isVisible(), false, 'details are hidden until expanded');
    await greet.focus();
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await greet.getAttribute('aria-expanded'), 'true'));
    assert.equal(await greetDetails.isVisible(), true);
    assert.match(await greetDetails.innerText(), /Output[\s\S]*hello from the dry run/);
    await saveScreenshot(page, 'dry-run/expanded-with-keyboard');
    assert.equal(
      await greet.evaluate((el) => el === document.activeElement),
      true,
      'the focus stays on the button after redrawing',
    );
    await page.keyboard.press('Space');
    await eventually(async () => assert.equal(await greet.getAttribute('aria-expanded'), 'false'));
    assert.equal(await greetDetails.isVisible(), false);

    // Tab moves to the next row's button; Enter shows the failed activity's error.
    await page.keyboard.press('Tab');
    const stop = frame.locator('tr.run', { hasText: 'Stop here' }).locator('button.expander');
    assert.equal(await stop.evaluate((el) => el === document.activeElement), true, 'Tab reaches the next activity run');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await stop.getAttribute('aria-expanded'), 'true'));
    const stopDetails = frame.locator('tr.details:not([hidden])');
    assert.match(await stopDetails.innerText(), /Error[\s\S]*418[\s\S]*Stopped after: hello from the dry run/);
  });
  it('asks before running a file with errors, in a notification whose "Run Anyway" goes on', async function () {
    this.timeout(5 * 60_000);
    const page = workbench!.page;
    await page
      .locator('.explorer-folders-view .monaco-list-row[role="treeitem"]', { hasText: 'Has-Errors.json' })
      .click();
    const nameLine = page.locator('.monaco-editor .view-line', { hasText: '"name": "Has-Errors"' });
    await nameLine.waitFor({ state: 'visible', timeout: 60_000 });
    // The validator's error (ADF301, a dependency on a missing activity) is in the editor before the command runs.
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 60_000 });
    await nameLine.click();
    await page.keyboard.press('F1');
    const quickInput = page.locator('.quick-input-widget input');
    await quickInput.waitFor({ state: 'visible', timeout: 30_000 });
    await quickInput.fill('>Dry Run Pipeline');
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'Dry Run Pipeline' })
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Enter');

    const toast = page.locator('.notification-toast', { hasText: 'Has-Errors has 1 error(s)' });
    await toast.waitFor({ state: 'visible', timeout: 30_000 });
    await saveScreenshot(page, 'dry-run/asks-about-errors');
    assert.equal(await toast.getByRole('button', { name: 'Show Problems' }).count(), 1);
    await toast.getByRole('button', { name: 'Run Anyway' }).click();
    // Going on: the next question is where to run.
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'Offline' })
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Escape');
  });
});
