// Helpers for UI tests that drive the Create ADF Pipeline wizard's webview in the workbench (Playwright).
import * as assert from 'node:assert/strict';
import type { Frame, Locator, Page } from 'playwright-core';
import { eventually, expandTreeRow, treeRow } from './tree-ui';

/**
 * The webview's inner frame (iframe.webview > #active-frame) that renders the wizard, once it shows `selector`
 * (by default the wizard's heading).
 */
export async function wizardFrame(page: Page, selector = '#app h1', timeoutMs = 60_000): Promise<Frame> {
  let found: Frame | undefined;
  await eventually(async () => {
    for (const frame of page.frames()) {
      if (
        await frame
          .locator(selector)
          .count()
          .catch(() => 0)
      ) {
        found = frame;
        return;
      }
    }
    assert.fail(`no webview frame shows ${selector} yet`);
  }, timeoutMs);
  return found!;
}

export async function stepTitle(frame: Frame): Promise<string> {
  return (await frame.locator('#step-title').innerText()).trim();
}

/** Waits until the Next button reads `label` and is enabled (or fails with what blocks it), then clicks it. */
export async function clickNext(frame: Frame, label: string): Promise<void> {
  const next = frame.locator('vscode-button#next');
  await eventually(async () => {
    assert.equal((await next.innerText()).trim(), label);
    assert.equal(
      await next.getAttribute('disabled'),
      null,
      `"${label}" is disabled: ${await frame
        .locator('footer .blocked')
        .innerText()
        .catch(() => '')}`,
    );
  }, 60_000);
  await next.click();
}

/** Waits until Next is enabled (the extension has checked what was entered). */
export async function settled(frame: Frame): Promise<void> {
  await eventually(
    async () => assert.equal(await frame.locator('vscode-button#next').getAttribute('disabled'), null),
    60_000,
  );
}

export async function choose(frame: Frame, selectId: string, option: string): Promise<void> {
  const select = frame.locator(`vscode-single-select#${selectId}`);
  await select.click();
  await select.getByRole('option', { name: option }).click();
  await eventually(async () =>
    assert.equal(await select.evaluate((el) => (el as unknown as { value: string }).value !== ''), true),
  );
}

export async function fill(frame: Frame, fieldId: string, text: string): Promise<void> {
  const input = frame.locator(`vscode-textfield#${fieldId}`).locator('input');
  await input.fill(text);
}

/**
 * Opens the extension's view and right-clicks batch endpoint `endpoint` of the wizard seed (subscription Wizard Dev,
 * workspace ws-wizard); resolves with the context menu's "Create ADF Pipeline..." entry, visible.
 */
export async function createPipelineMenuEntry(page: Page, endpoint = 'score-fast'): Promise<Locator> {
  const container = page.getByRole('tab', { name: 'ADF Batch Endpoints' });
  await container.waitFor({ state: 'visible', timeout: 60_000 });
  await container.click();
  const sidebar = page.locator('.part.sidebar');
  await expandTreeRow(treeRow(sidebar, 'Wizard Dev'), 90_000);
  await expandTreeRow(treeRow(sidebar, 'ws-wizard'), 90_000);
  const row = treeRow(sidebar, endpoint);
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  await row.click({ button: 'right' });
  const menuItem = page.locator('.monaco-menu .action-label', { hasText: 'Create ADF Pipeline...' });
  await menuItem.waitFor({ state: 'visible', timeout: 30_000 });
  return menuItem;
}
