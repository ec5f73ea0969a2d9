// Where a dry run goes: the cloud of the extension's settings (the emulator in tests and the sandbox), a
// settings file like `adf-batch run --azure` takes, or nowhere (offline). Managed identities do not exist
// outside Data Factory: the signed-in identity stands in for them, and the run says so.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { AzureAccess } from '../azure/access';
import { engineTokensOf } from '../azure/engine-tokens';
import {
  parseRunTargetSettings,
  type RunPipelineTarget,
  type RunTargetSettings,
  type TokenSource,
} from '../core/engine';
import { readCloudName, readCustomCloudSettings, readRequestTimeoutMs, SETTINGS_SECTION } from '../settings';
import type { DryRunTarget } from './api';

/** A dry run's target as `runPipelineFile` takes it, and how the run view names it. */
export interface ResolvedDryRunTarget {
  target: RunPipelineTarget;
  /** The signed-in session, standing in for managed identities (settings target only). */
  standIn?: { name: string; tokens: TokenSource };
  /** Shown in the run view, e.g. "Custom cloud https://127.0.0.1:1234". */
  description: string;
}

export async function pickTarget(): Promise<DryRunTarget | undefined> {
  const items: Array<vscode.QuickPickItem & { target: DryRunTarget | 'file' }> = [
    {
      label: `$(cloud) ${readCloudName()}`,
      description: vscode.l10n.t('the cloud of the extension settings'),
      detail: vscode.l10n.t(
        'Web activities call it; tokens come from your sign-in (standing in for managed identities).',
      ),
      target: 'settings',
    },
    {
      label: `$(file) ${vscode.l10n.t('Settings file...')}`,
      description: vscode.l10n.t('a JSON file with cloud, customCloud, servicePrincipal'),
      detail: vscode.l10n.t('The same file `adf-batch run --azure <file>` takes.'),
      target: 'file',
    },
    {
      label: `$(debug-disconnect) ${vscode.l10n.t('Offline')}`,
      description: vscode.l10n.t('no Azure sign-in'),
      detail: vscode.l10n.t('Web activities without authentication still run; authenticated ones fail.'),
      target: 'offline',
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Dry Run Pipeline: where should it run?'),
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (picked.target !== 'file') return picked.target;
  const files = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { JSON: ['json'] },
    title: vscode.l10n.t('Dry run settings file'),
  });
  return files?.[0] ? { settingsFile: files[0].fsPath } : undefined;
}

export async function resolveDryRunTarget(target: DryRunTarget, access: AzureAccess): Promise<ResolvedDryRunTarget> {
  if (target === 'offline') {
    return { target: { settings: { cloud: 'AzureCloud' } }, description: vscode.l10n.t('offline (no Azure sign-in)') };
  }
  if (target === 'settings') {
    // The cloud of the settings, with the signed-in session standing in for managed identities.
    const settings = settingsFromConfiguration();
    const standIn = await engineTokensOf(access);
    const description =
      settings.cloud === 'Custom'
        ? vscode.l10n.t('Custom cloud {0}', settings.customCloud?.authorityHost ?? '')
        : settings.cloud;
    return {
      target: { settings, requestTimeoutMs: readRequestTimeoutMs() },
      ...(standIn ? { standIn } : {}),
      description,
    };
  }
  // A settings file, as `adf-batch run --azure <file>` takes: its service principal's secret from the secret store.
  const path = target.settingsFile;
  const settings = parseRunTargetSettings(JSON.parse(await readFile(path, 'utf8')) as unknown, path);
  const caPem = settings.caCertPath ? await readFile(resolve(dirname(path), settings.caCertPath), 'utf8') : undefined;
  const sp = settings.servicePrincipal;
  const spSecret = sp ? ((await access.secrets.get(sp.clientId)) ?? process.env.ADF_BATCH_SP_SECRET) : undefined;
  return {
    target: {
      settings,
      requestTimeoutMs: readRequestTimeoutMs(),
      ...(caPem ? { caPem } : {}),
      ...(spSecret ? { servicePrincipalSecret: spSecret } : {}),
    },
    description: vscode.l10n.t('settings file {0}', path),
  };
}

function settingsFromConfiguration(): RunTargetSettings {
  const cloud = readCloudName();
  const raw: Record<string, unknown> = { cloud };
  if (cloud === 'Custom') raw.customCloud = readCustomCloudSettings();
  return parseRunTargetSettings(raw, `the ${SETTINGS_SECTION} settings`);
}
