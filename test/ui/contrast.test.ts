// Success text in the wizard is readable: WCAG AA asks a contrast of at least 4.5:1 for text. Measured in
// Chromium from the computed styles of the rendered webview (text colour against the first opaque background
// behind it), in the light, dark and high-contrast themes. The check mark keeps the green; the words do not.
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { eventually } from '../harness/tree-ui';
import { clickMenuEntry } from '../harness/workbench-ui';
import { openWorkbench, saveScreenshot, type Workbench } from '../harness/workbench';
import { createPipelineMenuEntry, wizardFrame } from '../harness/wizard-ui';

const WIZARD_SEED = resolve('test', 'fixtures', 'seeds', 'wizard.json');
/** What the wizard shows for a passed check, and the success lines later on. */
const SUCCESS_TEXT = '.check.pass .check-status, .success, .status.ok';
/** The color-theme setting of the first, then the theme picker's labels. */
const THEMES = ['Light Modern', 'Dark Modern', 'Dark High Contrast', 'Light High Contrast'];

/** Contrast ratio of each success text against what is behind it, computed in the page (WCAG 2 formula). */
function measure(frame: Frame): Promise<Array<{ text: string; color: string; background: string; ratio: number }>> {
  return frame.evaluate((selector) => {
    const rgb = (css: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      if (!m) {
        // Custom properties come back as written (#rrggbb); let the browser convert them.
        const probe = document.createElement('span');
        probe.style.color = css;
        document.body.append(probe);
        const converted = getComputedStyle(probe).color;
        probe.remove();
        return rgb(converted);
      }
      const parts = m[1]
        .split(/[,\s/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0], parts[1], parts[2], parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]): number => {
      const c = [r, g, b].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const backgroundOf = (element: Element): [number, number, number, number] => {
      for (let e: Element | null = element; e; e = e.parentElement) {
        const bg = rgb(getComputedStyle(e).backgroundColor);
        if (bg[3] >= 0.99) return bg;
      }
      return rgb(getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-background').trim());
    };
    return [...document.querySelectorAll(selector)].map((element) => {
      const fg = rgb(getComputedStyle(element).color);
      const bg = backgroundOf(element);
      // A translucent text colour is blended over its background first.
      const blended = [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
      const [l1, l2] = [luminance(blended), luminance(bg)].sort((a, b) => b - a);
      return {
        text: (element as HTMLElement).innerText.trim(),
        color: getComputedStyle(element).color,
        background: `rgb(${bg.slice(0, 3).join(', ')})`,
        ratio: (l1 + 0.05) / (l2 + 0.05),
      };
    });
  }, SUCCESS_TEXT);
}

async function selectTheme(page: Page, theme: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill('>Preferences: Color Theme');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Preferences: Color Theme' }).first().click();
  await input.fill(theme);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 30_000 });
}

describe('wizard success text contrast in the workbench', () => {
  let workbench: Workbench | undefined;

  before(async function () {
    this.timeout(15 * 60_000);
    workbench = await openWorkbench({
      seed: WIZARD_SEED,
      label: 'ui-contrast',
      settings: { 'workbench.colorTheme': `Default ${THEMES[0]}` },
    });
  });

  after(async () => {
    await workbench?.close();
  });

  it('passed checks read at 4.5:1 or better in light, dark and high-contrast themes', async function () {
    this.timeout(420_000);
    const page = workbench!.page;
    const menuItem = await createPipelineMenuEntry(page);
    await clickMenuEntry(menuItem);
    const frame = await wizardFrame(page, SUCCESS_TEXT, 90_000);

    for (const theme of THEMES) {
      if (theme !== THEMES[0]) await selectTheme(page, theme);
      await eventually(async () => {
        const measured = await measure(frame);
        assert.ok(measured.length > 0, 'no success text on screen');
        const low = measured.filter((m) => m.ratio < 4.5);
        assert.deepEqual(
          low.map((m) => `${m.text}: ${m.color} on ${m.background} = ${m.ratio.toFixed(2)}:1`),
          [],
          `${theme}: success text under 4.5:1`,
        );
        console.log(`      ${theme}: ${measured.map((m) => `"${m.text}" ${m.ratio.toFixed(2)}:1`).join(', ')}`);
      }, 30_000);
      await saveScreenshot(page, `contrast-${theme.replace(/\W+/g, '-').toLowerCase()}`);
    }
  });
});
