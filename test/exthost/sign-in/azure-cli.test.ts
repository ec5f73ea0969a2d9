// The Azure CLI sign-in path against the stand-in `az` (test/stand-ins/az) and the emulator's user
// accounts: logged in (subscriptions of every tenant the CLI can reach, and a row for the tenant that needs
// `az login --tenant`), logged out (the welcome view), and a token for another tenant.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/api';
import type { EmulatorSeed } from '../../../tools/emulator';
import type { EmulatorControlClient } from '../../../tools/emulator/control-client';
import { azConfigDir, azLogin, azLogout } from '../../stand-ins/az/profile';
import { REPO_ROOT, activateExtensionUnderTest } from '../extension-under-test';

const SEED = JSON.parse(
  readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'seeds', 'accounts.json'), 'utf8'),
) as EmulatorSeed;
const ADA = 'ada@contoso.onmicrosoft.com';
const FABRIKAM = 'f0f0f0f0-0000-4000-8000-00000000000f';

describe('sign-in: the Azure CLI path (stand-in az)', () => {
  let api: ExtensionApi;
  let control: EmulatorControlClient;
  let runSeed: EmulatorSeed;
  /** The harness's own user-level sign-in method, put back afterwards (the suites after this one sign in with it). */
  let harnessSignInMethod: unknown;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('adfBatchEndpoints');
  const labelsNow = async (): Promise<string[]> => {
    const provider = api.sidebar.treeProvider;
    const nodes = await provider.getChildren(undefined);
    return nodes.map((n) => {
      const label = provider.getTreeItem(n).label;
      return typeof label === 'string' ? label : (label?.label ?? '');
    });
  };
  /**
   * The root after a refresh, once every tenant's subscriptions are in: the tenants are listed in parallel, so the
   * root's first render may be one tenant's first page and "Loading more subscriptions...".
   */
  const rootLabels = async (): Promise<string[]> => {
    api.sidebar.refresh();
    let labels = await labelsNow();
    for (let i = 0; i < 300 && labels.at(-1) === 'Loading more subscriptions...'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      labels = await labelsNow();
    }
    return labels;
  };

  /**
   * The root labels once `settled` holds (or after 30 s). A setting's change reaches the extension host as an event
   * that can come after update() resolves; until then the previous session answers.
   */
  const rootLabelsOnceSettled = async (settled: (labels: string[]) => boolean): Promise<string[]> => {
    let labels = await rootLabels();
    for (let i = 0; i < 120 && !settled(labels); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      labels = await rootLabels();
    }
    return labels;
  };

  before(async () => {
    ({ api, control, runSeed } = await activateExtensionUnderTest());
    await control.setSeed(SEED);
    harnessSignInMethod = config().inspect('signInMethod')?.globalValue;
    await config().update('signInMethod', 'azureCli', vscode.ConfigurationTarget.Global);
    // The change reaches the extension host as an event that can come after update() resolves; until then the
    // harness's session answers against this suite's seed ("No subscriptions found": failed once in a rehearsal).
    // The extension host updates its configuration and fires the event in one task, so once get() sees the new value
    // the extension has switched sessions.
    for (let i = 0; i < 300 && config().get('signInMethod') !== 'azureCli'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  after(async () => {
    azLogout(azConfigDir());
    await config().update('signInMethod', harnessSignInMethod, vscode.ConfigurationTarget.Global);
    await control.setSeed(runSeed);
    api.sidebar.refresh();
  });

  it('logged in: subscriptions of the tenants az can reach, and a row to sign in to the tenant needing consent', async () => {
    azLogin(azConfigDir(), SEED, ADA);
    const labels = await rootLabels();
    assert.equal(api.sidebar.signInState(), 'signedIn');
    assert.deepEqual(
      labels.filter((l) => !l.startsWith('Sign in')),
      ['Contoso Analytics', 'Northwind Research'],
    );
    assert.deepEqual(
      labels.filter((l) => l.startsWith('Sign in')),
      ['Sign in to tenant Fabrikam'],
      'the tenant whose token az could not get silently',
    );
    const provider = api.sidebar.treeProvider;
    const row = (await provider.getChildren(undefined)).find(
      (n) => provider.getTreeItem(n).label === 'Sign in to tenant Fabrikam',
    )!;
    const item = provider.getTreeItem(row);
    assert.equal(item.description, 'needs your consent');
    assert.deepEqual(item.command?.arguments, [FABRIKAM], 'the row signs in to that tenant');
    const tokens = (await control.requests()).filter((r) => r.routeId === 'resources.subscriptions.list');
    assert.ok(
      tokens.some((r) => r.caller?.appId === '04b07795-8ddb-461a-bbee-02f9e1bf7b46'),
      "ARM was called with the Azure CLI's user tokens",
    );
  });

  it('logged out: the view is signed out (its welcome content offers the sign-in choices)', async () => {
    azLogout(azConfigDir());
    await config().update('signInMethod', 'servicePrincipal', vscode.ConfigurationTarget.Global);
    await config().update('signInMethod', 'azureCli', vscode.ConfigurationTarget.Global); // a new session
    const labels = await rootLabelsOnceSettled(() => api.sidebar.signInState() === 'signedOut');
    assert.equal(api.sidebar.signInState(), 'signedOut');
    assert.deepEqual(labels, []);
  });

  it('a token for another tenant: after az login --tenant Fabrikam (consent given) its subscriptions load and its row goes', async () => {
    await control.userToken({
      user: ADA,
      tenantId: FABRIKAM,
      scope: 'https://management.azure.com/.default',
      interactive: true,
    }); // az login --tenant
    azLogin(azConfigDir(), SEED, ADA, { tenantId: FABRIKAM });
    await config().update('signInMethod', 'servicePrincipal', vscode.ConfigurationTarget.Global);
    await config().update('signInMethod', 'azureCli', vscode.ConfigurationTarget.Global);
    const labels = await rootLabelsOnceSettled((l) => l.includes('Fabrikam Forecasting'));
    assert.ok(labels.includes('Fabrikam Forecasting'), labels.join(' | '));
    assert.ok(!labels.includes('Sign in to tenant Fabrikam'), 'consented now');
  });
});
