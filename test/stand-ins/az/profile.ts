// The stand-in `az` keeps its login where the real Azure CLI does: $AZURE_CONFIG_DIR/azureProfile.json, in
// the real file's shape. Tests "run az login" by writing it from the emulator's seed, and log out by
// emptying it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorSeed } from '../../../tools/emulator';

/** One entry of azureProfile.json's `subscriptions` (what `az account show` prints for the default one). */
export interface AzProfileSubscription {
  environmentName: string;
  homeTenantId: string;
  id: string;
  isDefault: boolean;
  managedByTenants: unknown[];
  name: string;
  state: string;
  tenantDefaultDomain?: string;
  tenantDisplayName?: string;
  tenantId: string;
  user: { name: string; type: 'user' | 'servicePrincipal' };
}

export interface AzProfile {
  installationId: string;
  subscriptions: AzProfileSubscription[];
}

export function azConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.AZURE_CONFIG_DIR;
  if (!dir) throw new Error('AZURE_CONFIG_DIR is not set: the test harness sets it next to the stand-in az');
  return dir;
}

export function readAzProfile(dir: string): AzProfile | undefined {
  try {
    // The real CLI writes the file with a byte order mark.
    return JSON.parse(readFileSync(join(dir, 'azureProfile.json'), 'utf8').replace(/^\uFEFF/, '')) as AzProfile;
  } catch {
    return undefined;
  }
}

/**
 * What `az login` leaves behind for a seeded user: the subscriptions of every tenant the user can reach
 * without an interactive step (tenants needing one are skipped, as the real login warns and skips them),
 * the first one the default.
 */
export function azLogin(
  dir: string,
  seed: EmulatorSeed,
  userPrincipalName: string,
  options: { tenantId?: string } = {},
): AzProfile {
  const user = seed.users?.find((u) => u.userPrincipalName.toLowerCase() === userPrincipalName.toLowerCase());
  if (!user) throw new Error(`no user ${userPrincipalName} in the seed`);
  const home = user.tenants[0]!.tenantId;
  const reachable = user.tenants
    .filter((t) => (options.tenantId ? t.tenantId === options.tenantId : !t.interactionRequired))
    .map((t) => t.tenantId);
  const subscriptions = seed.subscriptions
    .filter((s) => reachable.includes(s.tenantId))
    .map((s, i): AzProfileSubscription => {
      const tenant = seed.tenants.find((t) => t.id === s.tenantId);
      return {
        environmentName: 'AzureCloud',
        homeTenantId: home,
        id: s.id,
        isDefault: i === 0,
        managedByTenants: [],
        name: s.displayName,
        state: s.state ?? 'Enabled',
        tenantDefaultDomain: tenant?.defaultDomain,
        tenantDisplayName: tenant?.displayName,
        tenantId: s.tenantId,
        user: { name: user.userPrincipalName, type: 'user' },
      };
    });
  const profile: AzProfile = { installationId: '00000000-0000-4000-8000-00000000a2c1', subscriptions };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'azureProfile.json'), `\uFEFF${JSON.stringify(profile)}`);
  return profile;
}

/** `az logout`: the profile keeps no subscriptions. */
export function azLogout(dir: string): void {
  rmSync(join(dir, 'azureProfile.json'), { force: true });
}
