import * as assert from 'node:assert/strict';
import { CONTEXT } from '../../../src/tree/context-values';
import { localizedManifest } from '../../support/manifest';

interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}
const manifest = localizedManifest<{
  contributes: {
    commands: Array<{ command: string; title: string }>;
    menus: Record<string, MenuItem[]>;
    viewsWelcome: Array<{ view: string; contents: string; when?: string }>;
    configuration: { properties: Record<string, { default?: unknown; scope?: string }> };
  };
}>('.');
const { commands, menus, viewsWelcome, configuration } = manifest.contributes;
const declared = new Set(commands.map((c) => c.command));

/** Which context values a `viewItem` when clause (== or =~ /regex/) accepts. */
function acceptedContexts(when: string | undefined): string[] {
  const all = Object.values(CONTEXT) as string[];
  if (!when) return [];
  const eq = /viewItem == ([\w.]+)/.exec(when);
  if (eq) return all.filter((c) => c === eq[1]);
  const re = /viewItem =~ \/(.+?)\//.exec(when);
  return re ? all.filter((c) => new RegExp(re[1]).test(c)) : [];
}

function itemCommands(context: string): string[] {
  return (menus['view/item/context'] ?? [])
    .filter((m) => acceptedContexts(m.when).includes(context))
    .map((m) => m.command);
}

describe('sidebar manifest', () => {
  it('declares every command its menus use', () => {
    for (const items of Object.values(menus)) {
      for (const item of items)
        assert.ok(declared.has(item.command), `${item.command} is used in a menu but not declared`);
    }
  });

  it("offers the issue's actions on endpoints, workspaces and deployments", () => {
    for (const context of [CONTEXT.endpoint, CONTEXT.endpointNoDefault]) {
      for (const command of ['copyScoringUri', 'openInStudio', 'openInPortal', 'showProperties']) {
        assert.ok(itemCommands(context).includes(`adfBatchEndpoints.${command}`), `${command} on ${context}`);
      }
    }
    assert.ok(itemCommands(CONTEXT.workspace).includes('adfBatchEndpoints.openInStudio'));
    assert.ok(itemCommands(CONTEXT.workspace).includes('adfBatchEndpoints.copyResourceId'));
    for (const context of [CONTEXT.deployment, CONTEXT.deploymentDefault]) {
      assert.ok(itemCommands(context).includes('adfBatchEndpoints.showProperties'));
      assert.ok(!itemCommands(context).includes('adfBatchEndpoints.copyScoringUri'));
    }
    assert.ok(itemCommands(CONTEXT.error).includes('adfBatchEndpoints.retry'));
  });

  it('hides the sidebar commands that need a node from the command palette', () => {
    const hidden = new Set((menus.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
    const needNode = [
      'refreshNode',
      'retry',
      'loadMore',
      'copyScoringUri',
      'openInStudio',
      'openInPortal',
      'showProperties',
      'copyResourceId',
    ];
    for (const command of needNode)
      assert.ok(hidden.has(`adfBatchEndpoints.${command}`), `${command} should be hidden from the palette`);
    assert.ok(!hidden.has('adfBatchEndpoints.signIn'));
    assert.ok(!hidden.has('adfBatchEndpoints.selectSubscriptions'));
  });

  it('shows the three sign-in choices when signed out in a trusted workspace, and the trust message in Restricted Mode', () => {
    const welcome = viewsWelcome.find(
      (w) => w.view === 'adfBatchEndpoints.resources' && w.when?.includes('signInState'),
    );
    assert.equal(welcome?.when, 'isWorkspaceTrusted && adfBatchEndpoints.signInState == signedOut');
    const restricted = viewsWelcome.find(
      (w) => w.view === 'adfBatchEndpoints.resources' && w.when === '!isWorkspaceTrusted',
    );
    assert.match(
      restricted?.contents ?? '',
      /Restricted Mode[\s\S]*signs in to Azure[\s\S]*\(command:workbench\.trust\.manage\)/,
    );
    for (const command of ['signInWithVsCode', 'signInWithAzureCli', 'signInWithServicePrincipal']) {
      assert.match(welcome?.contents ?? '', new RegExp(`command:adfBatchEndpoints\\.${command}\\)`));
    }
  });

  it('keeps the settings that decide where credentials go out of workspaces (application scope, restricted)', () => {
    const credentialSettings = ['cloud', 'customCloud', 'signInMethod', 'servicePrincipal'].map(
      (key) => `adfBatchEndpoints.${key}`,
    );
    for (const key of credentialSettings) assert.equal(configuration.properties[key].scope, 'application', key);
    const trust = (
      manifest as {
        capabilities?: { untrustedWorkspaces?: { supported?: unknown; restrictedConfigurations?: string[] } };
      }
    ).capabilities?.untrustedWorkspaces;
    assert.equal(trust?.supported, 'limited');
    assert.deepEqual([...(trust?.restrictedConfigurations ?? [])].sort(), [...credentialSettings].sort());
  });

  it('declares the settings of the brief plus page size and concurrency', () => {
    for (const key of ['cloud', 'customCloud', 'signInMethod', 'servicePrincipal', 'pageSize', 'concurrency']) {
      assert.ok(configuration.properties[`adfBatchEndpoints.${key}`], key);
    }
    assert.equal(configuration.properties['adfBatchEndpoints.pageSize'].default, 50);
    assert.ok(
      !JSON.stringify(configuration.properties['adfBatchEndpoints.servicePrincipal']).includes('"secret"'),
      'no secret in settings',
    );
  });
});
