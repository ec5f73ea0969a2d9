// Runs inside the extension host: the extension is installed, activates, and contributes its commands and views.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EmulatorControlClient } from '../../tools/emulator/control-client';
import { localizedManifest } from '../support/manifest';

interface Manifest {
  publisher: string;
  name: string;
  contributes: {
    commands?: { command: string }[];
    viewsContainers: { activitybar: { id: string }[] };
    views: Record<string, { id: string; name: string }[]>;
  };
}

const manifest = localizedManifest<Manifest>(join(__dirname, '..', '..', '..'));
const extensionId = `${manifest.publisher}.${manifest.name}`;

describe('extension activation', () => {
  it('is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `extension ${extensionId} is not installed`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers every command it contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = (manifest.contributes.commands ?? []).map((c) => c.command);
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], 'contributed commands without a handler');
    assert.ok(
      [...registered].some((command) => command.startsWith('adfBatchEndpoints.')),
      'no adfBatchEndpoints.* command registered',
    );
  });

  it('contributes its activity-bar view container and the Batch Endpoints view to the workbench', async () => {
    const container = manifest.contributes.viewsContainers.activitybar[0].id;
    const view = manifest.contributes.views[container].find((v) => v.name === 'Batch Endpoints');
    assert.ok(view, 'no "Batch Endpoints" view in the manifest');
    // The workbench creates these commands only for containers and views it has registered.
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(registered.has(`workbench.view.extension.${container}`), `view container ${container} not registered`);
    assert.ok(registered.has(`${view.id}.focus`), `view ${view.id} not registered`);
    await vscode.commands.executeCommand(`workbench.view.extension.${container}`);
    await vscode.commands.executeCommand(`${view.id}.focus`);
  });
});

describe('harness environment inside the extension host', () => {
  it('reaches the emulator at ADF_BATCH_EMULATOR_URL, trusting its CA through NODE_EXTRA_CA_CERTS', async () => {
    const url = process.env.ADF_BATCH_EMULATOR_URL;
    assert.ok(url, 'ADF_BATCH_EMULATOR_URL is not set in the extension host');
    assert.ok(process.env.NODE_EXTRA_CA_CERTS, 'NODE_EXTRA_CA_CERTS is not set in the extension host');
    const health = await new EmulatorControlClient(url).health(); // no CA passed: only the env var makes TLS work
    assert.equal(health.url, url);
  });

  it('points the extension at the emulator as a custom cloud, signing in as a service principal', () => {
    const config = vscode.workspace.getConfiguration('adfBatchEndpoints');
    assert.equal(config.get('cloud'), 'Custom');
    assert.equal(
      config.get<{ resourceManagerEndpoint: string }>('customCloud')?.resourceManagerEndpoint.replace(/\/$/, ''),
      process.env.ADF_BATCH_EMULATOR_URL,
    );
    assert.equal(config.get('signInMethod'), 'servicePrincipal');
    assert.ok(process.env.ADF_BATCH_SANDBOX_SP_SECRET, 'the service principal secret is not in the environment');
  });
});
