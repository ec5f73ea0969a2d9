// Localisation end to end: code-server started with the pseudo-locale (`--locale qps-ploc`) and a copy of the
// extension carrying qps-ploc bundles made from its English ones (test/harness/pseudo-locale.ts). What the user
// sees must come from those bundles: the manifest's strings (view container, a tree view's welcome text, the
// context menu), strings in code (vscode.l10n.t in a tree row), the wizard webview's labels (the bundle the
// extension hands over), the wizard's checks computed in the core (l10n.t from @vscode/l10n) and the validator's
// diagnostics (core too: computed in dist/editor.js for an open file and in the scan worker thread for the rest). A string that
// bypassed the bundles would show in plain English.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PSEUDO_LOCALE, pseudoLocalize, pseudoLocalizedExtension } from '../harness/pseudo-locale';
import { eventually, expandTreeRow, treeRow as row } from '../harness/tree-ui';
import { clickMenuEntry } from '../harness/workbench-ui';
import { openWorkbench, saveScreenshot, type Workbench } from '../harness/workbench';
import { wizardFrame } from '../harness/wizard-ui';

const WIZARD_SEED = resolve('test', 'fixtures', 'seeds', 'wizard.json');
const EDITOR_WORKSPACE = resolve('test', 'fixtures', 'editor', 'workspace');
const nls = JSON.parse(readFileSync(resolve('package.nls.json'), 'utf8')) as Record<string, string>;

describe('the extension in a pseudo-localised (qps-ploc) workbench', () => {
  let workbench: Workbench | undefined;

  before(async function () {
    this.timeout(15 * 60_000);
    workbench = await openWorkbench({
      seed: WIZARD_SEED,
      label: 'ui-pseudo-locale',
      codeServerArgs: ['--locale', PSEUDO_LOCALE],
      extensionFolder: pseudoLocalizedExtension,
    });
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows the view container, a tree welcome text, a menu entry, the wizard labels and a check title from the qps-ploc bundles', async function () {
    this.timeout(300_000);
    const page = workbench!.page;
    const containerTitle = pseudoLocalize(nls['viewsContainers.adfBatchEndpoints.title']);
    assert.notEqual(containerTitle, nls['viewsContainers.adfBatchEndpoints.title']);
    // The container's icon is the extension's own (its class names the container id, which is not localised).
    const container = page.locator('.activitybar .action-label[class*="adfBatchEndpoints"]');
    await container.waitFor({ state: 'visible', timeout: 90_000 });
    await container.click();
    await eventually(
      async () => assert.equal(await container.getAttribute('aria-label'), containerTitle, 'the view container'),
      60_000,
    );
    const sidebar = page.locator('.part.sidebar');

    // The Pipeline Runs view has no runs yet: its welcome text comes from package.nls.qps-ploc.json.
    const runsWelcome = pseudoLocalize(nls['viewsWelcome.pipelineRuns.0']);
    await eventually(async () => {
      const texts = await sidebar.locator('.welcome-view-content').allInnerTexts();
      assert.ok(
        texts.some((t) => t.replace(/\s+/g, ' ').includes(runsWelcome)),
        `welcome views show: ${texts.join(' | ')}`,
      );
    }, 90_000);

    await expandTreeRow(row(sidebar, 'Wizard Dev'), 90_000);
    // A row made in code (vscode.l10n.t): the subscription's Data Factory group.
    await row(sidebar, pseudoLocalize('Data factories')).waitFor({ state: 'visible', timeout: 60_000 });
    await expandTreeRow(row(sidebar, 'ws-wizard'), 90_000);
    const endpoint = row(sidebar, 'score-fast');
    await endpoint.waitFor({ state: 'visible', timeout: 60_000 });
    await saveScreenshot(page, 'pseudo-locale/01-tree');
    await endpoint.click({ button: 'right' });
    const menuItem = page.locator('.monaco-menu .action-label', {
      hasText: pseudoLocalize(nls['command.createAdfPipeline.title']),
    });
    await menuItem.waitFor({ state: 'visible', timeout: 30_000 });
    await clickMenuEntry(menuItem);

    // The wizard's labels come from the bundle the extension hands to the webview (l10n/bundle.l10n.qps-ploc.json).
    const frame = await wizardFrame(page);
    await eventually(
      async () =>
        assert.equal((await frame.locator('#step-title').innerText()).trim(), `1. ${pseudoLocalize('Endpoint')}`),
      60_000,
    );
    await eventually(
      async () => assert.equal((await frame.locator('vscode-button#next').innerText()).trim(), pseudoLocalize('Next')),
      60_000,
    );
    // A check computed in the pure core (src/core/preflight, l10n.t from @vscode/l10n fed VS Code's bundle).
    await eventually(
      async () =>
        assert.equal(
          (await frame.locator('[data-check="endpoint.scoringUri"] strong').innerText()).trim(),
          `${pseudoLocalize('Scoring URI')}.`,
        ),
      60_000,
    );
    await saveScreenshot(page, 'pseudo-locale/02-wizard');
  });

  it('shows validator diagnostics from the qps-ploc bundle, for an open file and for one only the workspace scan read', async function () {
    this.timeout(300_000);
    const { page, codeServer } = workbench!;
    // The same window, reopened on the editor fixtures: Score-Broken.json (opened below) and Draft.json (never opened).
    await page.goto(`${codeServer.url}/?folder=${encodeURIComponent(EDITOR_WORKSPACE)}`, {
      waitUntil: 'domcontentloaded',
      timeout: 120_000,
    });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 120_000 });
    await page.keyboard.press('Control+P');
    const quickOpen = page.locator('.quick-input-widget input');
    await quickOpen.waitFor({ state: 'visible', timeout: 60_000 });
    await quickOpen.fill('Score-Broken.json');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Score-Broken.json' }).first().click();
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'visible', timeout: 90_000 });

    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: 60_000 });
    const maximize = page.locator('.part.panel .action-label[aria-label*="Maximize"]').first();
    if (await maximize.isVisible()) await maximize.click();
    // ADF301 of the open file comes from dist/editor.js; ADF002 of Draft.json from dist/scan-worker.js.
    const openFileMessage = pseudoLocalize('No activity named "{0}"').replace('{0}', 'Authorise');
    const scannedFileMessage = pseudoLocalize('No ADF pipeline found: expected');
    assert.notEqual(scannedFileMessage, 'No ADF pipeline found: expected');
    await eventually(async () => {
      const text = (await panel.innerText()).replace(/\s+/g, ' ');
      assert.ok(text.includes(openFileMessage), `the open file's ADF301 is pseudo-localised; the panel shows: ${text}`);
      assert.ok(text.includes(scannedFileMessage), `Draft.json's ADF002 is pseudo-localised; the panel shows: ${text}`);
      assert.ok(!text.includes('No activity named'), `no English diagnostic; the panel shows: ${text}`);
    }, 90_000);
    await saveScreenshot(page, 'pseudo-locale/03-problems');
  });
});
