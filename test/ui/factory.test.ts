// The Data Factory side as a user drives it in code-server (Chromium), against the sandbox world of `npm start`:
// from a batch endpoint's "Used by" to the pipeline's last failed run, "Rerun from Failed Activity", followed to
// Succeeded in the Pipeline Runs view; Compare with Workspace File (a diff editor); Download to Workspace asking
// before it overwrites; Delete through its modal dialog, and a stale ETag that deletes nothing; and the Pipeline
// Runs view after a real reload of the window. Screenshots: test-results/factory/ (the README's picture too).
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { EmulatorControlClient } from '../../tools/emulator/control-client';
import {
  eventually,
  expandTreeRow as expand,
  treeRow as row,
  treeRowDescription as description,
} from '../harness/tree-ui';
import { clickMenuEntry } from '../harness/workbench-ui';
import { openWorkbench, saveScreenshot, type Workbench } from '../harness/workbench';

const SANDBOX_SEED = resolve('test', 'sandbox', 'seed.json');
const SANDBOX_WORKSPACE = resolve('test', 'sandbox', 'workspace');
const seed = JSON.parse(readFileSync(SANDBOX_SEED, 'utf8')) as {
  servicePrincipals: Array<{ tenantId: string; clientId: string; objectId: string }>;
};
const principal = seed.servicePrincipals[0]!;
const FACTORY =
  '/subscriptions/5a000000-0000-4000-8000-000000000001/resourceGroups/rg-contoso-data/providers/Microsoft.DataFactory/factories/contoso-analytics';

/** The pane of one view of the container, by its title. */
function pane(page: Page, title: string): Locator {
  return page.locator('.part.sidebar .pane', {
    has: page.locator('.pane-header', { hasText: new RegExp(`^\\s*${title}`, 'i') }),
  });
}

async function openContainer(page: Page): Promise<void> {
  const container = page.getByRole('tab', { name: 'ADF Batch Endpoints' });
  await container.waitFor({ state: 'visible', timeout: 90_000 });
  const sidebar = page.locator('.part.sidebar');
  // After a reload the workbench restores its side bar while we look: a click on the container's tab just as it is
  // restored hides the side bar again (a rehearsal failed so). Click only while it is not shown, and look again.
  const shown = async (): Promise<boolean> =>
    (await container.getAttribute('aria-selected')) === 'true' && (await sidebar.isVisible());
  for (let attempt = 1; !(await shown()); attempt++) {
    if (attempt > 3) throw new Error('the ADF Batch Endpoints side bar did not open');
    await container.click();
    await eventually(async () => assert.ok(await shown()), 10_000).catch(() => undefined);
  }
  const box = await sidebar.boundingBox();
  if (box && box.width < 600) {
    // Wide enough for whole descriptions in the screenshots.
    await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 640, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
  }
  await page.mouse.move(1000, 600);
}

async function contextMenu(item: Locator, label: string): Promise<void> {
  const page = item.page();
  const menu = page.locator('.context-view.monaco-menu-container');
  const entry = page.locator('.monaco-menu .action-label', { hasText: new RegExp(`^${label}$`) }).first();
  // The tree re-renders a row when its runs are polled, and a re-render closes an open context menu (the entry is
  // detached under the pointer; failed CI and a rehearsal). Open the menu again then, a bounded number of times.
  for (let attempt = 1; ; attempt++) {
    // A menu left open by an earlier step blocks every click on the workbench.
    if (await menu.isVisible()) await page.keyboard.press('Escape');
    await item.click({ button: 'right' });
    try {
      await entry.waitFor({ state: 'visible', timeout: 30_000 });
      await clickMenuEntry(entry, 5_000);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** A call to the emulator's ARM as the sandbox principal (the test's own view of what is live). */
async function arm(
  workbench: Workbench,
  method: 'GET' | 'PUT',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const emulator = workbench.emulator!;
  const token = await new EmulatorControlClient(emulator.url, { caCertPem: emulator.caCertPem }).mintToken({
    audience: 'https://management.azure.com/',
    tenantId: principal.tenantId,
    objectId: principal.objectId,
    appId: principal.clientId,
  });
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolveReply, reject) => {
    const req = request(
      `${emulator.url}${path}?api-version=2018-06-01`,
      {
        method,
        ca: emulator.caCertPem,
        agent: false,
        headers: { Authorization: `Bearer ${token}`, ...(text ? { 'Content-Type': 'application/json' } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolveReply({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

describe('Data Factory in the sidebar and the Pipeline Runs view (workbench, sandbox world)', () => {
  let workbench: Workbench | undefined;
  let page: Page;
  let resources: Locator;
  let runs: Locator;
  let folder: string;
  const localScoreChurn = `${JSON.stringify({ name: 'Score-Churn', properties: { activities: [] } }, null, 4)}\n`;

  before(async function () {
    this.timeout(15 * 60_000);
    folder = join(mkdtempSync(join(tmpdir(), 'ui-factory-')), 'contoso-adf');
    cpSync(SANDBOX_WORKSPACE, folder, { recursive: true });
    // An older Score-Churn in the repository: Compare shows the difference, Download asks before overwriting it.
    writeFileSync(join(folder, 'pipeline', 'Score-Churn.json'), localScoreChurn);
    workbench = await openWorkbench({ seed: SANDBOX_SEED, folder, label: 'ui-factory' });
    page = workbench.page;
    await openContainer(page);
    resources = pane(page, 'Batch Endpoints');
    runs = pane(page, 'Pipeline Runs');
  });

  after(async () => {
    await workbench?.close();
  });

  it('Used by > the last failed run > Rerun from Failed Activity, followed to Succeeded in Pipeline Runs', async function () {
    this.timeout(300_000);
    await expand(row(resources, 'Contoso Analytics'), 120_000);
    await expand(row(resources, 'contoso-ml'));
    await expand(row(resources, 'churn-scoring'));
    await expand(row(resources, 'Used by'));
    const pipeline = row(resources, 'Score-Churn');
    await pipeline.waitFor({ state: 'visible', timeout: 60_000 });
    await eventually(async () => assert.match(await description(pipeline), /contoso-analytics/));
    await expand(pipeline);
    const failed = resources.locator('.monaco-list-row[role="treeitem"]', {
      has: page.locator('.label-description', { hasText: /^Failed/ }),
    });
    await failed.first().waitFor({ state: 'visible', timeout: 60_000 });
    await saveScreenshot(page, 'factory/01-used-by-failed-run');

    await contextMenu(failed.first(), 'Rerun from Failed Activity');
    const rerun = row(runs, 'Score-Churn');
    await rerun.first().waitFor({ state: 'visible', timeout: 60_000 });
    // Polled while the view is visible: Queued/InProgress, then Succeeded.
    await eventually(async () => assert.match(await description(rerun.first()), /^Succeeded/), 180_000);
    await expand(rerun.first());
    await row(runs, 'Check status')
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 })
      .catch(() => undefined);
    await saveScreenshot(page, 'factory/02-rerun-from-failed-activity-succeeded', { readme: 'factory-runs' });
    const emulator = workbench!.emulator!;
    const control = new EmulatorControlClient(emulator.url, { caCertPem: emulator.caCertPem });
    const created = (await control.pipelineRuns()).filter(
      (r) => r.pipelineName === 'Score-Churn' && r.status === 'Succeeded',
    );
    assert.ok(created.length >= 1, 'the emulator ran the recovery run to Succeeded');
  });

  it('Compare with Workspace File opens a diff editor: the live pipeline against pipeline/Score-Churn.json', async function () {
    this.timeout(120_000);
    await contextMenu(row(resources, 'Score-Churn'), 'Compare with Workspace File');
    const diff = page.locator('.monaco-diff-editor');
    await diff.first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.tab', { hasText: /Score-Churn \(contoso-analytics\) ↔ pipeline\/Score-Churn\.json/ }).waitFor({
      state: 'visible',
      timeout: 30_000,
    });
    await saveScreenshot(page, 'factory/03-compare-with-workspace-file');
    await page.keyboard.press('Escape');
  });

  it('Download to Workspace asks before overwriting: Cancel keeps the file, Overwrite writes the live pipeline', async function () {
    this.timeout(180_000);
    const file = join(folder, 'pipeline', 'Score-Churn.json');
    const dialog = page.locator('.monaco-dialog-box');

    await contextMenu(row(resources, 'Score-Churn'), 'Download to Workspace');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await dialog.innerText(), /pipeline\/Score-Churn\.json exists\. Overwrite it with the live pipeline/);
    await saveScreenshot(page, 'factory/04-download-asks-before-overwriting');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
    assert.equal(readFileSync(file, 'utf8'), localScoreChurn, 'Cancel leaves the file as it was');

    await contextMenu(row(resources, 'Score-Churn'), 'Download to Workspace');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Overwrite' }).click();
    await eventually(async () => {
      const written = JSON.parse(readFileSync(file, 'utf8')) as { name: string; properties: { activities: unknown[] } };
      assert.equal(written.name, 'Score-Churn');
      const live = await arm(workbench!, 'GET', `${FACTORY}/pipelines/Score-Churn`);
      assert.deepEqual(written.properties, live.body.properties);
    }, 60_000);
  });

  it('Delete asks in a modal, then the pipeline is gone; a pipeline changed since it was listed is not deleted', async function () {
    this.timeout(240_000);
    await expand(row(resources, 'Contoso Analytics'), 120_000);
    // The workspace's rows would push the factory's groups below the pane's fold (the list renders what is seen).
    const workspace = row(resources, 'contoso-ml');
    await workspace.waitFor({ state: 'visible', timeout: 60_000 });
    if ((await workspace.getAttribute('aria-expanded')) === 'true') await workspace.click();
    await eventually(async () => assert.equal(await workspace.getAttribute('aria-expanded'), 'false'));
    await expand(row(resources, 'Data factories'));
    await expand(row(resources, 'contoso-analytics'));
    await expand(row(resources, 'Other pipelines'));
    const dialog = page.locator('.monaco-dialog-box');

    const refresh = row(resources, 'Refresh-Dashboard');
    await refresh.waitFor({ state: 'visible', timeout: 60_000 });
    await contextMenu(refresh, 'Delete Pipeline...');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await dialog.innerText(), /Delete pipeline Refresh-Dashboard from contoso-analytics\?/);
    await saveScreenshot(page, 'factory/05-delete-modal');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await eventually(
      async () => assert.equal((await arm(workbench!, 'GET', `${FACTORY}/pipelines/Refresh-Dashboard`)).status, 404),
      60_000,
    );
    await refresh.waitFor({ state: 'hidden', timeout: 60_000 });

    // Someone else changes Notify-Partner after the tree listed it: its ETag is stale.
    const notify = row(resources, 'Notify-Partner');
    await notify.waitFor({ state: 'visible', timeout: 60_000 });
    const before = await arm(workbench!, 'GET', `${FACTORY}/pipelines/Notify-Partner`);
    const changed = await arm(workbench!, 'PUT', `${FACTORY}/pipelines/Notify-Partner`, {
      properties: { ...(before.body.properties as object), description: 'changed by someone else' },
    });
    assert.equal(changed.status, 200);
    await contextMenu(notify, 'Delete Pipeline...');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    const message = page.locator('.notification-toast', { hasText: /Notify-Partner was changed in contoso-analytics/ });
    await message.first().waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await message.first().innerText(), /nothing was deleted/);
    await saveScreenshot(page, 'factory/06-delete-stale-etag');
    const after = await arm(workbench!, 'GET', `${FACTORY}/pipelines/Notify-Partner`);
    assert.equal(after.status, 200, 'the changed pipeline is still there');
    assert.equal((after.body.properties as { description?: string }).description, 'changed by someone else');
  });

  it('the Pipeline Runs view still lists the rerun after the window reloads', async function () {
    this.timeout(300_000);
    await page.reload({ waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 120_000 });
    await openContainer(page);
    runs = pane(page, 'Pipeline Runs');
    resources = pane(page, 'Batch Endpoints');
    const rerun = row(runs, 'Score-Churn');
    await rerun.first().waitFor({ state: 'visible', timeout: 120_000 });
    await eventually(async () => assert.match(await description(rerun.first()), /^Succeeded/), 60_000);
    await saveScreenshot(page, 'factory/07-runs-after-reload');
  });
});
