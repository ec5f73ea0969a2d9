// Where a dry run goes: the cloud of the extension's settings (the emulator in tests and the sandbox), a
// settings file like `adf-batch run --azure` takes, or nowhere (offline). Managed identities do not exist
// outside Data Factory: the signed-in identity stands in for them, and the run says so.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import * as vscode from 'vscode';
import { ServicePrincipalSecretStore } from '../auth/secret-store';
import type { LinkedServiceLookup, TokenSource } from '../core/engine/identity-providers';
import { createRunEnvironment, parseRunTargetSettings, type RunEnvironment, type RunTargetSettings } from '../core/engine/run-target';
import { readCloudName, readServicePrincipal, readSignInMethod, SETTINGS_SECTION } from '../settings';
import type { DryRunTarget } from './api';

export interface DryRunEnvironment extends RunEnvironment {
  /** Shown in the run view, e.g. "Custom cloud https://127.0.0.1:1234". */
  description: string;
}

export async function pickTarget(): Promise<DryRunTarget | undefined> {
  const items: Array<vscode.QuickPickItem & { target: DryRunTarget | 'file' }> = [
    { label: `$(cloud) ${readCloudName()}`, description: 'the cloud of the extension settings', detail: 'Web activities call it; tokens come from your sign-in (standing in for managed identities).', target: 'settings' },
    { label: '$(file) Settings file...', description: 'a JSON file with cloud, customCloud, servicePrincipal', detail: 'The same file `adf-batch run --azure <file>` takes.', target: 'file' },
    { label: '$(debug-disconnect) Offline', description: 'no Azure sign-in', detail: 'Web activities without authentication still run; authenticated ones fail.', target: 'offline' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Dry Run Pipeline: where should it run?', ignoreFocusOut: true });
  if (!picked) return undefined;
  if (picked.target !== 'file') return picked.target;
  const files = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { JSON: ['json'] }, title: 'Dry run settings file' });
  return files?.[0] ? { settingsFile: files[0].fsPath } : undefined;
}

export async function createDryRunEnvironment(
  target: DryRunTarget,
  secrets: vscode.SecretStorage,
  options: { linkedServices: LinkedServiceLookup; onNotice: (message: string) => void },
): Promise<DryRunEnvironment> {
  if (target === 'offline') {
    return { ...createRunEnvironment({ cloud: 'AzureCloud' }, { linkedServices: options.linkedServices, onNotice: options.onNotice }), description: 'offline (no Azure sign-in)' };
  }
  const store = new ServicePrincipalSecretStore(secrets);
  let settings: RunTargetSettings;
  let caPem: string | undefined;
  let description: string;
  if (target === 'settings') {
    settings = settingsFromConfiguration();
    description = settings.cloud === 'Custom' ? `Custom cloud ${settings.customCloud?.authorityHost ?? ''}` : settings.cloud;
  } else {
    const path = target.settingsFile;
    const json = JSON.parse(await readFile(path, 'utf8')) as unknown;
    settings = parseRunTargetSettings(json, path);
    if (settings.caCertPath) caPem = await readFile(resolve(dirname(path), settings.caCertPath), 'utf8');
    description = `settings file ${path}`;
  }
  const sp = settings.servicePrincipal;
  const spSecret = sp ? (await store.get(sp.clientId)) ?? process.env.ADF_BATCH_SP_SECRET : undefined;
  const standIn = !sp && target === 'settings' && readSignInMethod() === 'vscode' ? vscodeAccountTokens() : undefined;
  const environment = createRunEnvironment(settings, {
    ...(caPem ? { caPem } : {}),
    ...(spSecret ? { servicePrincipalSecret: spSecret } : {}),
    ...(standIn ? { standIn, standInName: 'your VS Code Microsoft account' } : {}),
    linkedServices: options.linkedServices,
    onNotice: options.onNotice,
  });
  return { ...environment, description };
}

function settingsFromConfiguration(): RunTargetSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const cloud = readCloudName();
  const raw: Record<string, unknown> = { cloud };
  if (cloud === 'Custom') raw.customCloud = config.get('customCloud');
  const sp = readServicePrincipal();
  if (readSignInMethod() === 'servicePrincipal' && sp.tenantId && sp.clientId) raw.servicePrincipal = sp;
  return parseRunTargetSettings(raw, `the ${SETTINGS_SECTION} settings`);
}

/** Tokens of the VS Code Microsoft account, for any audience. */
function vscodeAccountTokens(): TokenSource {
  return async (resource) => {
    const scope = `${resource.replace(/\/+$/, '')}/.default`;
    const session = await vscode.authentication.getSession('microsoft', [scope], { createIfNone: true });
    return session.accessToken;
  };
}
