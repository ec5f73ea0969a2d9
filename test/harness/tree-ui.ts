// Helpers for UI tests that read and drive VS Code's tree views in the workbench (Playwright).
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';

/** The tree row (inside `container`) whose label is exactly `label`. */
export function treeRow(container: Locator, label: string): Locator {
  return container.locator('.monaco-list-row[role="treeitem"]', {
    has: container
      .page()
      .locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
  });
}

/** The row's description (the grey text after its label), '' when it has none. */
export async function treeRowDescription(row: Locator): Promise<string> {
  return (
    await row
      .locator('.label-description')
      .first()
      .innerText()
      .catch(() => '')
  ).trim();
}

/** Waits for the row, expands it when collapsed, and waits until the tree says it is expanded. */
export async function expandTreeRow(row: Locator, visibleTimeoutMs = 60_000): Promise<void> {
  await row.waitFor({ state: 'visible', timeout: visibleTimeoutMs });
  if ((await row.getAttribute('aria-expanded')) !== 'true') {
    // The tooltip of the row the mouse rests on (the last one clicked) can cover the next row: move away first.
    const page = row.page();
    await page.mouse.move(0, 0);
    await page
      .locator('.monaco-hover, .workbench-hover')
      .first()
      .waitFor({ state: 'hidden', timeout: 5_000 })
      .catch(() => undefined);
    await row.click();
  }
  await eventually(async () => assert.equal(await row.getAttribute('aria-expanded'), 'true'));
}

/** Retries an assertion until it passes or `timeoutMs` runs out (then its last error is thrown). */
export async function eventually(check: () => Promise<void>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
