// The Microsoft-account path in the extension host, against the stand-in Microsoft authentication extension:
// which provider and scopes the extension asks, by cloud. (The interactive sign-in needs VS Code's modal
// "wants to sign in" prompt, which the workbench refuses to show to extension tests: test/ui/sign-in.test.ts
// covers it in a real workbench.)
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/api';
import type { StandInControl, StandInState } from '../../stand-ins/microsoft-auth/extension';
import { activateExtensionUnderTest } from '../extension-under-test';

describe('sign-in: Microsoft account, provider and audience by cloud (stand-in provider)', () => {
  let api: ExtensionApi;
  let saved: { signInMethod: unknown; customCloud: unknown };
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('adfBatchEndpoints');
  const standIn = (change: StandInControl = {}): Thenable<StandInState> =>
    vscode.commands.executeCommand<StandInState>('standInMicrosoftAuth.control', change);
  /** A new VS Code account session for the emulator as a custom cloud with this ARM audience; returns what the provider was asked. */
  const checkWith = async (armAudience: string): Promise<StandInState['calls']> => {
    await standIn({ signOut: true, clearLog: true });
    await config().update(
      'customCloud',
      { ...(saved.customCloud as object), armAudience },
      vscode.ConfigurationTarget.Global,
    );
    api.sidebar.refresh();
    assert.deepEqual(await api.sidebar.treeProvider.getChildren(undefined), [], 'signed out: the welcome view');
    assert.equal(api.sidebar.signInState(), 'signedOut');
    return (await standIn()).calls;
  };

  before(async () => {
    ({ api } = await activateExtensionUnderTest());
    saved = {
      signInMethod: config().inspect('signInMethod')?.globalValue,
      customCloud: config().inspect('customCloud')?.globalValue,
    };
    await config().update('signInMethod', 'vscode', vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await config().update('customCloud', saved.customCloud, vscode.ConfigurationTarget.Global);
    await config().update('signInMethod', saved.signInMethod, vscode.ConfigurationTarget.Global);
    api.sidebar.refresh();
  });

  it('public Azure: the microsoft provider, silently, for the public ARM scope', async () => {
    const calls = await checkWith('https://management.azure.com');
    assert.deepEqual(
      calls.map((c) => [c.provider, c.method, c.scopes]),
      [['microsoft', 'getSessions', ['https://management.azure.com/.default']]],
    );
  });

  it('Azure China: the microsoft-sovereign-cloud provider for the China ARM scope, never the public one', async () => {
    const calls = await checkWith('https://management.chinacloudapi.cn');
    assert.deepEqual(
      calls.map((c) => [c.provider, c.method, c.scopes]),
      [['microsoft-sovereign-cloud', 'getSessions', ['https://management.chinacloudapi.cn/.default']]],
    );
  });

  it('Azure US Government: the microsoft-sovereign-cloud provider for the US Government ARM scope', async () => {
    const calls = await checkWith('https://management.usgovcloudapi.net');
    assert.deepEqual(
      calls.map((c) => [c.provider, c.method, c.scopes]),
      [['microsoft-sovereign-cloud', 'getSessions', ['https://management.usgovcloudapi.net/.default']]],
    );
  });

  it('a custom cloud with an audience of its own: an error naming the audience, and no provider asked', async () => {
    await standIn({ signOut: true, clearLog: true });
    await config().update('customCloud', saved.customCloud, vscode.ConfigurationTarget.Global);
    api.sidebar.refresh();
    const rows = await api.sidebar.treeProvider.getChildren(undefined);
    const label = api.sidebar.treeProvider.getTreeItem(rows[0]!).label;
    assert.match(String(typeof label === 'string' ? label : label?.label), /service principal or the Azure CLI/);
    assert.equal(api.sidebar.signInState(), 'error');
    assert.deepEqual((await standIn()).calls, []);
  });
});
