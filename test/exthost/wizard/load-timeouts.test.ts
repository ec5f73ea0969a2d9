// Inside the extension host, against the emulator told never to answer (its `hang` fault): the wizard's background
// reads end with "Azure did not answer in N s" and Retry (with a 1-second request timeout), and closing the panel
// aborts the reads in flight down to their HTTP requests (with a 10-minute timeout, so only the abort can end them).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { WORKSPACE_ID, openWizardFixture, send, type WizardFixture } from './wizard-fixture';
import { until } from '../../support/until';

const TIMEOUT_SETTING = 'requestTimeoutSeconds';

describe('Create ADF Pipeline wizard: hung background reads (extension host, emulator)', function () {
  this.timeout(180_000);
  let f: WizardFixture;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('adfBatchEndpoints');
  const close = (): void => f.api.wizard.handle(`${WORKSPACE_ID}/batchEndpoints/score-fast`)?.close();

  before(async () => {
    f = await openWizardFixture();
  });
  beforeEach(async () => {
    close();
    await f.control.clearFaults();
    await f.reseed();
  });
  afterEach(async () => {
    await f.control.clearFaults();
    close();
  });
  after(async () => {
    await config().update(TIMEOUT_SETTING, undefined, vscode.ConfigurationTarget.Global);
    await f?.restore();
  });

  it('a factory list that is never answered ends with "Azure did not answer in 1 s" and Retry; Retry lists them', async () => {
    await config().update(TIMEOUT_SETTING, 1, vscode.ConfigurationTarget.Global);
    // Every attempt of the first list hangs (the SDK's first try and its 3 retries); the Retry is answered.
    const hang = await f.control.addFault({ kind: 'hang', route: 'adf.factories.list', count: 4 });
    const handle = await f.openFromTree('score-fast');
    await handle.whenIdle();
    let state = handle.state();
    assert.equal(state.error?.step, 'target', JSON.stringify(state.error));
    assert.match(state.error?.message ?? '', /^Azure did not answer in 1 s/);
    assert.equal(state.error?.canRetry, true);
    assert.equal((await f.control.fault(hang.id)).hits, 4, 'each attempt timed out and was retried');
    assert.equal((await f.control.fault(hang.id)).held, 0, 'no request left open');

    await send(handle, 'retry');
    state = handle.state();
    assert.equal(state.error, undefined, JSON.stringify(state.error));
    assert.ok((state.target.factories ?? []).length > 0, 'the factories are listed');
  });

  it('closing the panel aborts the reads in flight (the emulator sees each request closed)', async () => {
    await config().update(TIMEOUT_SETTING, 600, vscode.ConfigurationTarget.Global);
    const routes = ['ml.batchDeployments.list', 'adf.factories.list', 'ml.datastores.list'];
    const hangs = await Promise.all(routes.map((route) => f.control.addFault({ kind: 'hang', route, count: 100 })));
    const handle = await f.openFromTree('score-fast');
    await until('the emulator to hold the three lists', async () =>
      (await Promise.all(hangs.map((h) => f.control.fault(h.id)))).every((x) => x.held === 1),
    );
    handle.close();
    await until('the requests to be closed', async () =>
      (await Promise.all(hangs.map((h) => f.control.fault(h.id)))).every((x) => x.held === 0),
    );
    for (const h of hangs) assert.equal((await f.control.fault(h.id)).hits, 1, `${h.route}: aborted, not retried`);
  });
});
