// Inside the extension host: the context-menu actions on endpoint and deployment nodes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PROPERTIES_SCHEME } from '../../../src/tree/resource-commands';
import type { SidebarNode } from '../../../src/tree/sidebar-node';
import { openSidebarFixture, type SidebarFixture } from './sidebar-fixture';

describe('sidebar resource commands (extension host, emulator)', function () {
  this.timeout(60_000);
  let f: SidebarFixture;
  let endpoint: SidebarNode;

  before(async () => {
    f = await openSidebarFixture();
    const workspace = await f.child(await f.child(undefined, 'Sidebar Contoso'), 'ws-main');
    endpoint = await f.child(workspace, 'score-default');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await f?.restore();
  });

  it('"Show Properties" opens the endpoint\'s ARM JSON read-only', async () => {
    await vscode.commands.executeCommand('adfBatchEndpoints.showProperties', endpoint);
    const document = vscode.window.activeTextEditor?.document;
    assert.equal(document?.uri.scheme, PROPERTIES_SCHEME);
    assert.equal(document?.languageId, 'json');
    const json = JSON.parse(document!.getText()) as {
      id: string;
      properties: { scoringUri: string; defaults: { deploymentName: string } };
    };
    assert.match(json.id, /\/batchEndpoints\/score-default$/);
    assert.equal(json.properties.defaults.deploymentName, 'blue');
    // A content-provider document (read-only in the editor), not an untitled one that could be saved.
    assert.equal(document?.isUntitled, false);
  });

  it('"Show Properties" works on a deployment too', async () => {
    const [blue] = await f.children(endpoint);
    await vscode.commands.executeCommand('adfBatchEndpoints.showProperties', blue);
    const json = JSON.parse(vscode.window.activeTextEditor!.document.getText()) as {
      name: string;
      properties: { model?: unknown };
    };
    assert.equal(json.name, 'blue');
  });

  it('"Copy Scoring URI" puts the endpoint\'s scoring URI on the clipboard', async () => {
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('adfBatchEndpoints.copyScoringUri', endpoint);
    assert.match(
      await vscode.env.clipboard.readText(),
      /^https:\/\/127\.0\.0\.1:\d+\/ml\/westeurope\/score-default\/jobs$/,
    );
  });

  it('"Copy Resource ID" puts the workspace\'s ARM ID on the clipboard', async () => {
    const workspace = await f.child(await f.child(undefined, 'Sidebar Contoso'), 'ws-main');
    await vscode.commands.executeCommand('adfBatchEndpoints.copyResourceId', workspace);
    assert.match(
      await vscode.env.clipboard.readText(),
      /^\/subscriptions\/5d000000-0000-4000-8000-000000000001\/resourceGroups\/rg-ml\/providers\/Microsoft\.MachineLearningServices\/workspaces\/ws-main$/,
    );
  });
});
