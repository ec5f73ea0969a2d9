// The Create ADF Pipeline wizard as a user drives it in code-server (Chromium): right-click the batch endpoint in
// the tree, "Create ADF Pipeline...", walk every step (granting the role through VS Code's confirmation dialog), to
// a published pipeline and a completed run. A screenshot of every step: test-results/wizard-*.png.
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { eventually } from '../harness/tree-ui';
import { clickMenuEntry } from '../harness/workbench-ui';
import { openWorkbench, saveScreenshot, type Workbench } from '../harness/workbench';
import {
  choose,
  clickNext,
  createPipelineMenuEntry,
  fill,
  settled,
  stepTitle,
  wizardFrame,
} from '../harness/wizard-ui';

const WIZARD_SEED = resolve('test', 'fixtures', 'seeds', 'wizard.json');

describe('Create ADF Pipeline wizard in the workbench', () => {
  let workbench: Workbench | undefined;

  before(async function () {
    this.timeout(15 * 60_000); // the first run installs code-server
    workbench = await openWorkbench({ seed: WIZARD_SEED, label: 'ui-wizard' });
  });

  after(async () => {
    await workbench?.close();
  });

  it('walks from the tree to a published pipeline and a completed run, with a screenshot of every step', async function () {
    this.timeout(360_000);
    const page = workbench!.page;
    // Right-click the endpoint: "Create ADF Pipeline..." heads its context menu.
    const menuItem = await createPipelineMenuEntry(page);
    await saveScreenshot(page, 'wizard-00-context-menu');
    await clickMenuEntry(menuItem);

    // 1. Endpoint
    const frame = await wizardFrame(page);
    assert.equal(await stepTitle(frame), '1. Endpoint');
    await eventually(
      async () => assert.match(await frame.locator('.facts').first().innerText(), /blue, green/),
      60_000,
    );
    await page.keyboard.press('Control+b'); // hide the sidebar: the wizard gets the whole width
    await eventually(async () => assert.equal(await frame.locator('[data-check="endpoint.deployment"]').count(), 1));
    await saveScreenshot(page, 'wizard-01-endpoint');
    // Keyboard: the Next button takes the focus and Enter presses it.
    await settled(frame);
    await frame.locator('vscode-button#next').focus();
    await page.keyboard.press('Enter');

    // 2. Target: a Data Factory of the subscription, its identity and git mode shown.
    await eventually(async () => assert.equal(await stepTitle(frame), '2. Target'));
    await eventually(
      async () => assert.equal(await frame.locator('vscode-single-select#field-factoryId').count(), 1),
      60_000,
    );
    // Nothing is red before it is touched; pressing the blocked Next shows the step's problems.
    assert.equal(await frame.locator('[invalid]').count(), 0, 'no field is marked before the user touched it');
    await frame.locator('footer span.next').click({ force: true });
    await eventually(async () =>
      assert.equal(await frame.locator('vscode-single-select#field-factoryId[invalid]').count(), 1),
    );
    assert.match(await frame.locator('#field-factoryId-help').innerText(), /Choose a Data Factory/);
    // Each factory's identity and git mode are in its option's label, visible without highlighting it.
    assert.equal(
      await frame
        .locator('vscode-option', { hasText: 'adf-mi (rg-adf) · identity: system-assigned · live mode (no git)' })
        .count(),
      1,
    );
    assert.equal(
      await frame
        .locator('vscode-option', { hasText: 'adf-noid (rg-adf) · identity: none · live mode (no git)' })
        .count(),
      1,
    );
    assert.equal(
      await frame
        .locator('vscode-option', { hasText: /^adf-git \(rg-adf\) · identity: system-assigned · git: GitHub/ })
        .count(),
      1,
    );
    await choose(frame, 'field-factoryId', 'adf-mi (rg-adf)');
    await eventually(async () =>
      assert.match(
        await frame.locator('.facts').innerText(),
        /system-assigned \(principal f1f1f1f1-1111-4000-8000-0000000000c1\)[\s\S]*live mode \(no git\)/,
      ),
    );
    await settled(frame);
    await saveScreenshot(page, 'wizard-02-target');
    await clickNext(frame, 'Next');

    // 3. Authentication: the factory's identity lacks a role; grant it through VS Code's confirmation.
    await eventually(async () => assert.equal(await stepTitle(frame), '3. Authentication'));
    const grant = frame.locator('vscode-button#grant-role');
    await grant.waitFor({ state: 'visible', timeout: 60_000 });
    await saveScreenshot(page, 'wizard-03-authentication-offer');
    await grant.click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(
      await dialog.innerText(),
      /Scope: \/subscriptions\/5a5a5a5a-0000-4000-8000-0000000000c1\/resourceGroups\/rg-ml\/providers\/Microsoft\.MachineLearningServices\/workspaces\/ws-wizard/,
    );
    await saveScreenshot(page, 'wizard-04-grant-confirmation');
    await dialog.getByRole('button', { name: 'Grant' }).click();
    await eventually(
      async () => assert.match(await frame.locator('.success').innerText(), /AzureML Data Scientist was granted/),
      60_000,
    );
    await eventually(async () =>
      assert.equal(await frame.locator('[data-check="auth.workspaceRole"].pass').count(), 1),
    );
    await saveScreenshot(page, 'wizard-05-authentication-granted');
    await clickNext(frame, 'Next');

    // 4. Data: a path on the default Blob datastore; ADLS Gen2 offered for input only.
    await eventually(async () => assert.equal(await stepTitle(frame), '4. Data'));
    await fill(frame, 'field-inputPath', 'data/scoring/');
    await fill(frame, 'field-pollIntervalSeconds', '1');
    await eventually(async () =>
      assert.match(
        await frame.locator('.preview').first().innerText(),
        /azureml:\/\/datastores\/workspaceblobstore\/paths\/data\/scoring\//,
      ),
    );
    await settled(frame);
    await saveScreenshot(page, 'wizard-06-data');
    await clickNext(frame, 'Next');

    // 5. Review: no validation error, the diagram of the activities.
    await eventually(async () => assert.equal(await stepTitle(frame), '5. Review'));
    await eventually(
      async () => assert.equal(await frame.locator('[data-validation]').getAttribute('data-validation'), '0/0'),
      60_000,
    );
    for (const activity of [
      'Run Batch-Endpoint',
      'Wait for job',
      'Check status',
      'If job completed',
      'Fail with job status',
    ]) {
      assert.equal(await frame.locator(`[data-activity="${activity}"]`).count(), 1, `diagram box ${activity}`);
    }
    await saveScreenshot(page, 'wizard-07-review', { readme: 'wizard-review' });
    // The generated JSON: highlighted tokens, wrapped within the page (no sideways scrolling).
    await frame.locator('details.json summary').click();
    const json = frame.locator('details.json pre.json-view');
    await json.waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok((await json.locator('.json-key').count()) > 20, 'property names are highlighted');
    const widths = await json.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    assert.ok(widths.scroll <= widths.client + 1, `the JSON wraps (${widths.scroll} > ${widths.client} px)`);
    const colours = await json.evaluate((el) => ({
      key: getComputedStyle(el.querySelector('.json-key')!).color,
      string: getComputedStyle(el.querySelector('.json-string')!).color,
    }));
    assert.notEqual(colours.key, colours.string, 'keys and strings are told apart');
    await frame.locator('details.json summary').click();
    await clickNext(frame, 'Publish');

    // 6. Publish: done, with "Open in ADF Studio" (known clouds only) and "Run now...".
    await eventually(
      async () =>
        assert.match(
          await frame.locator('.banner.success').innerText(),
          /Published pipeline Run-score-fast to Data Factory adf-mi/,
        ),
      60_000,
    );
    // A custom cloud (the emulator) has no known ADF Studio: the factory's portal page is offered instead.
    await frame.locator('vscode-button#open-portal').waitFor({ state: 'visible' });
    await saveScreenshot(page, 'wizard-08-published');
    await frame.locator('vscode-button#run-now').click();

    // 7. Run and monitor: parameters with their defaults, then the run until it ends.
    await eventually(async () => assert.equal(await stepTitle(frame), '7. Run and monitor'));
    assert.equal(
      await frame
        .locator('vscode-textfield[data-parameter="poll_interval"]')
        .evaluate((el) => (el as unknown as { value: string }).value),
      '1',
    );
    await saveScreenshot(page, 'wizard-09-run-parameters');
    await frame.locator('vscode-button#start-run').click();
    await eventually(
      async () => assert.equal(await frame.locator('[data-run-status]').getAttribute('data-run-status'), 'Succeeded'),
      120_000,
    );
    await eventually(async () =>
      assert.equal(await frame.locator('[data-job-status]').getAttribute('data-job-status'), 'Completed'),
    );
    await saveScreenshot(page, 'wizard-10-run-completed', { readme: 'wizard-run' });

    // The whole walk breached no Content-Security-Policy rule; an injected inline script is blocked and reported.
    assert.equal(await frame.locator('body').getAttribute('data-csp-violations'), null);
    await frame.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "ran"';
      document.body.append(script);
    });
    await eventually(async () => assert.equal(await frame.locator('body').getAttribute('data-csp-violations'), '1'));
    assert.equal(await frame.locator('body').getAttribute('data-injected'), null, 'the inline script did not run');
  });
});
