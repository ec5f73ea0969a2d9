// Runs inside the extension host in Restricted Mode (test/harness/restricted-run.ts: Workspace Trust on, a folder
// never trusted, whose .vscode/settings.json points adfBatchEndpoints.customCloud at a second emulator).
// Untrusted: validation works, the Batch Endpoints view shows why it waits for trust, and nothing reaches Azure.
// Trust granted in VS Code's trust editor: the tree loads from the user's cloud; the workspace's custom cloud is
// ignored (the second emulator hears nothing) with one warning.
import * as assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/api';
import { EmulatorControlClient } from '../../../tools/emulator/control-client';
import { brokenPipelinePath, waitForDiagnostics } from '../editor/editor-fixture';
import { activateExtensionUnderTest } from '../extension-under-test';
import { clickTrustInTrustEditor, expectVisibleText } from '../harness-requests';

const RESTRICTED_TEXT = 'This workspace is in Restricted Mode. Browsing your Azure ML batch endpoints';
const CUSTOM_CLOUD = 'adfBatchEndpoints.customCloud';

/** Polls `check` until it returns a value (not undefined) or `timeoutMs` passes; then fails with `what`. */
async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('Restricted Mode: untrusted workspace (extension host, Workspace Trust on)', function () {
  this.timeout(240_000);
  let api: ExtensionApi;
  let control: EmulatorControlClient;
  let other: EmulatorControlClient;
  let folder: vscode.Uri;

  before(async () => {
    ({ api, control } = await activateExtensionUnderTest());
    const otherUrl = process.env.ADF_BATCH_OTHER_EMULATOR_URL;
    const otherCa = process.env.ADF_BATCH_OTHER_EMULATOR_CA;
    assert.ok(otherUrl && otherCa, 'the restricted run passes the second emulator');
    other = new EmulatorControlClient(otherUrl, { caCertPem: readFileSync(otherCa, 'utf8') });
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first, 'the run opens a folder');
    folder = first.uri;
  });

  it('opens untrusted, with the workspace value of the custom cloud present in its settings file', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const raw = readFileSync(join(folder.fsPath, '.vscode', 'settings.json'), 'utf8');
    assert.ok(raw.includes(CUSTOM_CLOUD));
  });

  it('validates a pipeline file: its diagnostics appear', async () => {
    const target = join(folder.fsPath, 'pipeline', 'Score-Broken.json');
    copyFileSync(brokenPipelinePath, target);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(target));
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length > 0, 60_000);
    assert.ok(
      diagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Error),
      'the broken pipeline gets an error',
    );
  });

  it('shows the trust message in the Batch Endpoints view (no tree, no sign-in) and sends no request', async () => {
    await vscode.commands.executeCommand('adfBatchEndpoints.resources.focus');
    assert.deepEqual(await api.sidebar.treeProvider.getChildren(), []);
    await expectVisibleText(RESTRICTED_TEXT);
    assert.notEqual(api.sidebar.signInState(), 'signedIn');
    // Nothing reached the emulator the user's settings point at, nor the one the workspace names.
    assert.deepEqual(
      (await control.requests()).map((r) => r.routeId),
      [],
    );
    assert.deepEqual(
      (await other.requests()).map((r) => r.routeId),
      [],
    );
  });

  it('keeps a stored pipeline run as it was: the runs view neither polls nor reads it from Azure', async () => {
    const runsView = api.runsView;
    assert.ok(runsView, 'the runs view is registered');
    const runId = `untrusted-${process.pid}`;
    await runsView.track({
      runId,
      factoryId:
        '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.DataFactory/factories/adf',
      pipelineName: 'Run-BatchEndpoint',
      source: 'wizard',
      lastStatus: 'InProgress',
    });
    await vscode.commands.executeCommand('adfBatchEndpoints.pipelineRuns.focus');
    assert.ok(
      runsView.tree.runs().some((r) => r.runId === runId),
      'the run is listed',
    );
    await assert.rejects(runsView.tree.refresh(runId), /Restricted Mode/);
    await runsView.poller.pollNow();
    assert.deepEqual(
      (await control.requests()).map((r) => r.routeId),
      [],
    );
  });

  it('loads the tree once trust is granted in the Workspace Trust editor', async () => {
    const granted = new Promise<void>((resolve) => {
      const subscription = vscode.workspace.onDidGrantWorkspaceTrust(() => {
        subscription.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('workbench.trust.manage');
    await clickTrustInTrustEditor();
    await granted;
    assert.equal(vscode.workspace.isTrusted, true);
    await vscode.commands.executeCommand('adfBatchEndpoints.resources.focus');
    const roots = await eventually('the tree to list subscriptions', async () => {
      const nodes = await api.sidebar.treeProvider.getChildren();
      return nodes.length > 0 ? nodes : undefined;
    });
    assert.ok(roots.length > 0);
    assert.ok(
      (await control.requests()).some((r) => r.routeId === 'resources.subscriptions.list'),
      'the subscriptions came from the emulator of the user settings',
    );
  });

  it("ignores the workspace's custom cloud: the second emulator hears nothing, and one warning names the setting", async () => {
    const namesIt = (): string[] =>
      (api.trust?.ignoredSettingWarnings() ?? []).filter((message) => message.includes(CUSTOM_CLOUD));
    await eventually('the warning about the ignored workspace value', () => (namesIt().length > 0 ? true : undefined));
    // Read the settings again (a reload signs in again): still one warning, still nothing sent there.
    api.sidebar.refresh();
    await eventually('the tree to load again', async () =>
      (await api.sidebar.treeProvider.getChildren()).length > 0 ? true : undefined,
    );
    assert.equal(namesIt().length, 1);
    assert.deepEqual(
      (await other.requests()).map((r) => r.routeId),
      [],
    );
  });
});
