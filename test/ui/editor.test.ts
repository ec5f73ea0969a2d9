// Validation in the editor as a user sees it in code-server (Chromium): squiggles on a broken pipeline file, the
// hover on an expression function, and the Problems panel listing the problems of every pipeline file of the
// workspace, opened or not. Screenshots: test-results/editor/.
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openWorkbench, saveScreenshot, type Workbench } from '../harness/workbench';

const EDITOR_WORKSPACE = resolve('test', 'fixtures', 'editor', 'workspace');

/** The explorer row whose label is exactly `label`. */
function explorerRow(page: Page, label: string): Locator {
  return page.locator('.explorer-folders-view .monaco-list-row[role="treeitem"]', {
    has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
  });
}

/** The rendered line of the editor that contains `text` (the line must be in view). */
function editorLine(page: Page, text: string): Locator {
  return page.locator('.monaco-editor .view-line', { hasText: text }).first();
}

/** Moves the mouse over the `nth` character of `word` on the rendered line holding `lineText`. */
async function hoverWord(page: Page, lineText: string, word: string): Promise<void> {
  const line = editorLine(page, lineText);
  await line.waitFor({ state: 'visible', timeout: 30_000 });
  const text = await line.innerText();
  const box = await line.boundingBox();
  assert.ok(box, 'the line is rendered');
  // Monaco renders a monospace font: characters share one width, measured on a span of the line.
  const span = line.locator('span > span').first();
  const spanBox = await span.boundingBox();
  const spanText = await span.innerText();
  assert.ok(spanBox && spanText.length, 'the line has text');
  const charWidth = spanBox.width / spanText.length;
  const column = text.indexOf(word) + 2;
  await page.mouse.move(box.x + charWidth * column, box.y + box.height / 2);
}

describe('editor validation in the code-server workbench', () => {
  let workbench: Workbench | undefined;

  before(async function () {
    this.timeout(15 * 60_000);
    workbench = await openWorkbench({ folder: EDITOR_WORKSPACE, seed: false, label: 'ui-editor' });
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows squiggles on a broken pipeline file, the hover of an expression function, and every pipeline file in the Problems panel', async function () {
    this.timeout(5 * 60_000);
    assert.ok(workbench);
    const { page } = workbench;

    // Open pipeline/Score-Broken.json from the explorer.
    const folder = explorerRow(page, 'pipeline');
    await folder.waitFor({ state: 'visible', timeout: 60_000 });
    if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
    await explorerRow(page, 'Score-Broken.json').click();
    await page
      .locator('.monaco-editor .view-line', { hasText: '"name": "Score-Broken"' })
      .waitFor({ state: 'visible', timeout: 60_000 });

    // Squiggles: errors (the misspelt dependsOn target is on screen), warnings and infos.
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'visible' });
    await page.mouse.move(1300, 850);
    await saveScreenshot(page, 'editor/squiggles', { readme: 'editor-squiggles' });
    assert.ok((await page.locator('.monaco-editor .squiggly-error').count()) >= 2);

    // Hover on concat(...) in the Authorize URL: signature and description.
    const hover = page.locator('.monaco-hover', { hasText: 'Combine two or more strings' });
    for (let attempt = 0; attempt < 5 && !(await hover.isVisible()); attempt++) {
      await hoverWord(page, "@concat('https://login.microsoftonline.com/'", 'concat');
      await hover.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
    }
    await hover.waitFor({ state: 'visible' });
    assert.match(await hover.innerText(), /concat\(text1: any, text2: any, \.\.\.\): string \| array/);
    await saveScreenshot(page, 'editor/hover');

    // The Problems panel: the open file's problems and those of Draft.json, which nobody opened.
    await page.mouse.move(1300, 850);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: 30_000 });
    // Tall enough to list both files (the list only renders the rows in view).
    const maximize = page.locator('.part.panel .action-label[aria-label*="Maximize"]').first();
    if (await maximize.isVisible()) await maximize.click();
    await panel.locator('.monaco-list-row', { hasText: 'Draft.json' }).waitFor({ state: 'visible', timeout: 60_000 });
    await panel.locator('.monaco-list-row', { hasText: 'No activity named "Authorise"' }).waitFor({ state: 'visible' });
    const text = await panel.innerText();
    for (const code of ['ADF301', 'ADF505', 'ADF506', 'ADF706', 'ADF002'])
      assert.match(text, new RegExp(code), `${code} listed`);
    await saveScreenshot(page, 'editor/problems');
  });
});
