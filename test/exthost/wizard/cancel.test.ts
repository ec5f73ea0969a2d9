// Inside the extension host, against the emulator told never to answer (its `hang` fault): the wizard's Cancel on
// Publishing... and Granting... aborts the Azure request in flight, and the next Publish or Grant sends a request
// of its own instead of joining the hung one. The request timeout is set to 10 minutes for these tests, so only
// the Cancel can end the hung call within the test's time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WizardViewState } from '../../../src/wizard/protocol';
import type { WizardHandle } from '../../../src/wizard/wizard-api';
import { WORKSPACE_ID, openWizardFixture, send, toAuth, toReview, type WizardFixture } from './wizard-fixture';

const TIMEOUT_SETTING = 'requestTimeoutSeconds';

describe('Create ADF Pipeline wizard: Cancel of a hung publish or role grant (extension host, emulator)', function () {
  this.timeout(180_000);
  let f: WizardFixture;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('adfBatchEndpoints');

  before(async () => {
    f = await openWizardFixture();
    await config().update(TIMEOUT_SETTING, 600, vscode.ConfigurationTarget.Global);
  });
  beforeEach(async () => {
    await f.control.clearFaults();
    await f.reseed();
    f.api.wizard.usePrompts({ confirm: async () => true });
  });
  afterEach(async () => {
    await f.control.clearFaults();
    f.api.wizard.handle(`${WORKSPACE_ID}/batchEndpoints/score-fast`)?.close();
  });
  after(async () => {
    await config().update(TIMEOUT_SETTING, undefined, vscode.ConfigurationTarget.Global);
    await f?.restore();
  });

  /** Polls until `ready` holds (generous: the machine may be loaded). */
  async function until(what: string, ready: () => boolean | Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (!(await ready())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Hangs the route, starts `start`, waits until the emulator holds the request, presses Cancel. */
  async function cancelWhileHung(
    handle: WizardHandle,
    route: string,
    method: string,
    busy: (state: WizardViewState) => boolean,
    start: () => Promise<unknown>,
  ): Promise<void> {
    const fault = await f.control.addFault({ kind: 'hang', route, method, count: 100 });
    const work = start();
    await until('the wizard to be busy', () => busy(handle.state()));
    await until(
      'the emulator to hold the request',
      async () => ((await f.control.listFaults()).find((x) => x.id === fault.id)?.hits ?? 0) > 0,
    );
    await send(handle, 'cancelOperation');
    await work;
    await handle.whenIdle();
    await f.control.clearFaults();
  }

  it('Cancel on Publishing... ends the hung publish; Publish again sends a new request and publishes', async () => {
    const handle = await f.openFromTree('score-fast');
    await toAuth(handle, 'adf-mi', { authKind: 'mi' });
    await send(handle, 'grantRole');
    await toReview(handle);
    assert.equal(handle.state().review?.errors, 0, JSON.stringify(handle.state().review?.problems));
    await cancelWhileHung(
      handle,
      'adf.pipelines.createOrUpdate',
      'PUT',
      (s) => s.publish.status === 'publishing',
      () => handle.send('next'),
    );
    let state = handle.state();
    assert.equal(state.publish.status, 'idle', JSON.stringify(state.publish));
    assert.equal(state.error, undefined, 'a cancel is not an error');
    assert.match(state.notice ?? '', /Publishing was cancelled/);

    const since = (await f.control.requests()).at(-1)?.seq ?? 0;
    await send(handle, 'publish');
    state = handle.state();
    assert.equal(state.publish.status, 'done', JSON.stringify(state.error ?? state.publish));
    const puts = (await f.control.requests(since)).filter((r) => r.routeId === 'adf.pipelines.createOrUpdate');
    assert.equal(puts.length, 1, 'the second publish sent its own request');
    assert.ok(puts[0].status >= 200 && puts[0].status < 300, `answered ${puts[0].status}`);
  });

  it('Cancel on Granting... ends the hung role grant; Grant again creates the assignment', async () => {
    const handle = await f.openFromTree('score-fast');
    await toAuth(handle, 'adf-mi', { authKind: 'mi' });
    assert.equal(handle.state().auth.roleGrant.status, 'offer', JSON.stringify(handle.state().checks.auth));
    await cancelWhileHung(
      handle,
      'authorization.roleAssignments.create',
      'PUT',
      (s) => s.auth.roleGrant.status === 'granting',
      () => handle.send('grantRole'),
    );
    let state = handle.state();
    assert.equal(state.error, undefined, 'a cancel is not an error');
    assert.match(state.notice ?? '', /Granting AzureML Data Scientist was cancelled/);
    assert.equal(state.auth.roleGrant.status, 'offer', 'offered again once the assignments were read again');

    const since = (await f.control.requests()).at(-1)?.seq ?? 0;
    await send(handle, 'grantRole');
    state = handle.state();
    const creates = (await f.control.requests(since)).filter(
      (r) => r.routeId === 'authorization.roleAssignments.create',
    );
    assert.equal(creates.length, 1, 'the second grant sent its own request');
    assert.equal(creates[0].status, 201);
    assert.equal(state.auth.roleGrant.status, 'granted', JSON.stringify(state.error));
  });
});
