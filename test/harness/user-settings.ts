// User settings written into a code-server user-data-dir before it starts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDir } from './paths';

export interface EmulatorCloudEndpoints {
  resourceManagerEndpoint: string;
  authorityHost: string;
  mlAudience: string;
  portalUrl?: string;
  mlStudioUrl?: string;
}

export interface ServicePrincipalRef {
  tenantId: string;
  clientId: string;
}

/** Settings that point the extension at the emulator as a custom cloud, signing in as a service principal. */
export function emulatorSettings(
  cloud: EmulatorCloudEndpoints,
  servicePrincipal: ServicePrincipalRef,
): Record<string, unknown> {
  return {
    'adfBatchEndpoints.cloud': 'Custom',
    'adfBatchEndpoints.customCloud': {
      resourceManagerEndpoint: cloud.resourceManagerEndpoint,
      authorityHost: cloud.authorityHost,
      mlAudience: cloud.mlAudience,
      portalUrl: cloud.portalUrl,
      mlStudioUrl: cloud.mlStudioUrl,
    },
    'adfBatchEndpoints.signInMethod': 'servicePrincipal',
    'adfBatchEndpoints.servicePrincipal': { tenantId: servicePrincipal.tenantId, clientId: servicePrincipal.clientId },
  };
}

/** A quiet workbench: no welcome page, tips, telemetry, recommendations, trust prompts or chat panel. */
export const quietWorkbenchSettings: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'git.openRepositoryInParentFolders': 'never',
  'github.gitAuthentication': false,
};

/** Merges `settings` into <userDataDir>/User/settings.json (keeps keys already there). */
export function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): string {
  const file = join(ensureDir(userDataDir, 'User'), 'settings.json');
  const existing = existsSync(file) ? parseObject(readFileSync(file, 'utf8')) : {};
  writeFileSync(file, `${JSON.stringify({ ...existing, ...settings }, null, 2)}\n`);
  return file;
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {}; // A hand-edited file with comments: start over rather than fail the run.
  }
}
