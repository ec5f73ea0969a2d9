// Runs inside the extension host: "Report Issue" is registered, the sidebar writes what it loaded to the one log,
// and the report's text carries the extension's id and version and the log's end without subscription ids.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openSidebarFixture, SUBSCRIPTIONS, type SidebarFixture } from './sidebar/sidebar-fixture';

describe('Report Issue and the sidebar log (extension host, emulator)', function () {
  this.timeout(60_000);
  let f: SidebarFixture;

  before(async () => {
    f = await openSidebarFixture();
  });
  after(async () => {
    await f?.restore();
  });

  it('the sidebar logs what it listed; the report has the environment and the log without ids', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('adfBatchEndpoints.reportIssue'));
    const subscription = await f.child(undefined, 'Sidebar Contoso');
    await f.children(subscription);
    const log = f.api.wizard.logLines();
    assert.ok(
      log.some((l) => /sidebar: "[^"]+" shows \d+ row\(s\)/.test(l)),
      'the sidebar logged what it listed',
    );
    const subscriptionId = Object.values(SUBSCRIPTIONS)
      .map(String)
      .find((id) => log.some((l) => l.includes(id)));
    assert.ok(subscriptionId, 'the log names a subscription id (request URLs), so the report has one to remove');

    const text = f.api.issueReportText();
    const extension = vscode.extensions.all.find((e) => e.id.endsWith('.adf-batch-endpoints'));
    assert.ok(extension);
    assert.ok(text.includes(`| Extension | ${extension.id} ${String(extension.packageJSON.version)} |`), text);
    assert.ok(text.includes(`| VS Code | ${vscode.version} `), text);
    assert.match(text, /sidebar: "[^"]+" shows \d+ row\(s\)/);
    assert.ok(!text.includes(subscriptionId), 'no subscription id in the report');
    assert.ok(!/Bearer\s+[\w-]{8}/.test(text), 'no token in the report');
  });
});
