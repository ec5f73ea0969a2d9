// Inside the extension host: the wizard's panel — one per endpoint, state kept while hidden, every webview
// message validated, the endpoint step's blocking rule, the command in the menus.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { WORKSPACE_ID, openWizardFixture, send, type WizardFixture } from './wizard-fixture';

/** Polls until the condition holds (the workbench updates a panel's view state asynchronously). */
async function eventually(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Create ADF Pipeline wizard: panel and messages (extension host, emulator)', function () {
  this.timeout(120_000);
  let f: WizardFixture;

  before(async () => {
    f = await openWizardFixture();
  });
  afterEach(() => {
    for (const name of ['score-fast', 'score-nodefault'])
      f.api.wizard.handle(`${WORKSPACE_ID}/batchEndpoints/${name}`)?.close();
  });
  after(async () => {
    await f?.restore();
  });

  it('opens one panel per endpoint; a second invocation focuses it', async () => {
    const before = f.api.wizard.panelsCreated();
    const first = await f.openFromTree('score-fast');
    await first.whenIdle();
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    await eventually(() => !first.active, 'another editor is active');
    const second = await f.openFromTree('score-fast');
    assert.equal(f.api.wizard.panelsCreated(), before + 1, 'no second panel');
    assert.equal(second.endpointId, first.endpointId);
    await eventually(() => second.active, 'the panel is focused again');
    const other = await f.openFromTree('score-nodefault');
    assert.equal(f.api.wizard.panelsCreated(), before + 2);
    assert.notEqual(other.endpointId, first.endpointId);
  });

  it('keeps everything entered while hidden and shown again', async () => {
    const handle = await f.openFromTree('score-fast');
    await handle.whenIdle();
    await send(handle, 'next');
    await send(handle, 'updateForm', { patch: { description: 'still here', targetKind: 'export' } });
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    await eventually(() => !handle.visible, 'the panel is hidden');
    await f.openFromTree('score-fast');
    await eventually(() => handle.visible, 'the panel is shown again');
    const state = handle.state();
    assert.equal(state.step, 'target');
    assert.equal(state.form.description, 'still here');
    assert.equal(state.form.targetKind, 'export');
    assert.deepEqual(handle.persistedState().form, state.form, 'the webview keeps the same form with setState');
  });

  it('validates every message before acting on it', async () => {
    const handle = await f.openFromTree('score-fast');
    await handle.whenIdle();
    const before = JSON.stringify(handle.state().form);
    for (const bad of [
      { type: 'request', id: 1, method: 'updateForm', params: { patch: { pipelineName: 7 } } },
      { type: 'request', id: 2, method: 'updateForm', params: { patch: { clientSecret: 'x' } } },
      { type: 'request', id: 3, method: 'goTo', params: { step: 'everything' } },
      { type: 'request', id: 4, method: 'deletePipeline', params: {} },
      { type: 'request', id: 5, method: 'openLink', params: { link: 'https://evil.example' } },
      'not even an object',
    ]) {
      const reply = await handle.sendRaw(bad);
      if (typeof bad === 'string') assert.equal(reply, undefined);
      else {
        assert.equal(reply?.ok, false, JSON.stringify(bad));
        assert.match(reply?.error ?? '', /^Invalid message: /);
      }
    }
    assert.equal(JSON.stringify(handle.state().form), before, 'nothing changed');
    assert.ok(f.api.wizard.logLines().some((l) => /Ignored an invalid message/.test(l)));
    assert.equal(
      (
        await handle.sendRaw({
          type: 'request',
          id: 9,
          method: 'updateForm',
          params: { patch: { description: 'valid' } },
        })
      )?.ok,
      true,
    );
    assert.equal(handle.state().form.description, 'valid');
  });

  it('blocks an endpoint without a default deployment, with the reason, until a deployment is chosen', async () => {
    const handle = await f.openFromTree('score-nodefault');
    await handle.whenIdle();
    let state = handle.state();
    const check = state.checks.endpoint.find((c) => c.id === 'endpoint.deployment');
    assert.equal(check?.blocking, true);
    assert.match(check?.message ?? '', /no default deployment, and invoking an endpoint without one fails/);
    assert.equal(state.canContinue, false);
    await send(handle, 'next');
    assert.equal(handle.state().step, 'endpoint');
    await send(handle, 'updateForm', { patch: { deployment: 'only' } });
    state = handle.state();
    assert.equal(state.canContinue, true);
    await send(handle, 'next');
    assert.equal(handle.state().step, 'target');
  });

  it('reports no Content-Security-Policy violation from the webview', async () => {
    const handle = await f.openFromTree('score-fast');
    await handle.whenIdle();
    await eventually(() => handle.webviewReady, 'the webview\'s script ran and sent "ready"', 30_000);
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(handle.cspViolations(), []);
    assert.ok(handle.postedMessages().some((m) => m.type === 'state'));
  });

  it('opens from the command palette through the workspace and endpoint pickers', async () => {
    f.api.wizard.handle(`${WORKSPACE_ID}/batchEndpoints/score-fast`)?.close();
    const running = vscode.commands.executeCommand('adfBatchEndpoints.createAdfPipeline');
    // One subscription: no subscription picker. Accept the first workspace (ws-wizard), then the first endpoint.
    const deadline = Date.now() + 45_000;
    while (!f.api.wizard.handle(`${WORKSPACE_ID}/batchEndpoints/score-fast`)) {
      if (Date.now() > deadline) assert.fail('the pickers did not lead to the wizard');
      await new Promise((r) => setTimeout(r, 700));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    await running;
    const handle = f.api.wizard.handle(`${WORKSPACE_ID}/batchEndpoints/score-fast`)!;
    await handle.whenIdle();
    assert.equal(handle.state().endpoint.name, 'score-fast');
    assert.equal(handle.state().endpoint.workspaceName, 'ws-wizard');
  });

  it('contributes the command on endpoint nodes (context menu and inline) and in the palette', async () => {
    const manifest = (vscode.extensions.all.find((e) => e.packageJSON?.name === 'adf-batch-endpoints')?.packageJSON ??
      {}) as {
      contributes: { menus: Record<string, Array<{ command: string; when?: string; group?: string }>> };
    };
    const entries = manifest.contributes.menus['view/item/context'].filter(
      (m) => m.command === 'adfBatchEndpoints.createAdfPipeline',
    );
    assert.deepEqual(entries.map((m) => m.group?.split('@')[0]).sort(), ['0_create', 'inline']);
    for (const entry of entries) assert.match(entry.when ?? '', /viewItem =~ \/\^adfBatch\\\.endpoint\//);
    const hidden = (manifest.contributes.menus.commandPalette ?? []).some(
      (m) => m.command === 'adfBatchEndpoints.createAdfPipeline' && m.when === 'false',
    );
    assert.equal(hidden, false, 'available in the command palette');
  });
});
