// The harness's stand-ins are in place for the sign-in suites: the stand-in owns the `microsoft` and
// `microsoft-sovereign-cloud` provider ids (the built-in Microsoft authentication is disabled), and `az` on
// PATH is the stand-in with its login in AZURE_CONFIG_DIR.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { StandInState } from '../../stand-ins/microsoft-auth/extension';

describe('sign-in stand-ins in the extension host', () => {
  it('the stand-in extension is active and the built-in Microsoft authentication is not', async () => {
    const standIn = vscode.extensions.getExtension('adf-batch-tests.stand-in-microsoft-authentication');
    assert.ok(standIn, "the harness installs the stand-in in the run's extensions dir");
    await standIn.activate();
    assert.equal(vscode.extensions.getExtension('vscode.microsoft-authentication')?.isActive ?? false, false);
    const state = await vscode.commands.executeCommand<StandInState>('standInMicrosoftAuth.control', {
      signOut: true,
      clearLog: true,
    });
    assert.deepEqual(state.sessions, []);
    const accounts = await vscode.authentication.getAccounts('microsoft');
    assert.deepEqual(accounts, [], 'signed out');
    const session = await vscode.authentication.getSession('microsoft', ['https://management.azure.com/.default'], {
      silent: true,
    });
    assert.equal(session, undefined);
    const after = await vscode.commands.executeCommand<StandInState>('standInMicrosoftAuth.control', {});
    assert.ok(
      after.calls.some((c) => c.provider === 'microsoft' && c.method === 'getSessions'),
      JSON.stringify(after.calls),
    );
  });

  it('`az` on PATH is the stand-in, logged out until a test logs it in', async () => {
    assert.ok(process.env.AZURE_CONFIG_DIR, 'AZURE_CONFIG_DIR is set by the harness');
    const version = await promisify(execFile)('az', ['--version']);
    assert.match(version.stdout, /stand-in for tests/);
  });
});
