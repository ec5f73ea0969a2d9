// Helpers for UI tests that answer the workbench's modal dialogs and notifications, and run view actions
// (Playwright).
import type { Locator, Page } from 'playwright-core';

/** The button of the workbench's modal dialog whose label is exactly `label`. */
export function dialogButton(page: Page, label: string): Locator {
  return page
    .locator('.monaco-dialog-box .dialog-buttons .monaco-button')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .first();
}

/** Waits for the modal dialog saying `message`, clicks `label` and waits until the dialog is gone. */
export async function answerDialog(page: Page, message: RegExp, label: string): Promise<void> {
  const box = page.locator('.monaco-dialog-box').filter({ hasText: message });
  await box.waitFor({ state: 'visible', timeout: 60_000 });
  await dialogButton(page, label).click();
  await box.waitFor({ state: 'hidden', timeout: 30_000 });
}

/** The notification toast whose text matches. */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.locator('.notification-toast', { hasText: text });
}

/** Error notifications on screen (toasts), as texts. */
export async function errorToasts(page: Page): Promise<string[]> {
  return page.locator('.notification-toast', { has: page.locator('.codicon-error') }).allInnerTexts();
}

/** Clicks the action `label` in the title of the side bar view `viewName` (shown while the pointer is on the view). */
export async function clickViewAction(page: Page, viewName: string, label: string): Promise<void> {
  const header = page.locator('.part.sidebar .pane-header', { hasText: viewName });
  await header.hover();
  await header.locator(`.action-label[aria-label="${label}"]`).click();
}

/**
 * Clicks an entry of the open context menu. Under load a click can land while the menu is still laying out and be
 * dropped: the hovered entry has the menu's focus then, so Enter runs it.
 */
export async function clickMenuEntry(entry: Locator, timeoutMs = 30_000): Promise<void> {
  const page = entry.page();
  const menu = page.locator('.context-view.monaco-menu-container');
  await entry.hover({ timeout: timeoutMs });
  await entry.click({ timeout: timeoutMs });
  const closed = await menu
    .waitFor({ state: 'hidden', timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (!closed) await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden', timeout: 30_000 });
}
