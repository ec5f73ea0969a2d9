// F5 ("Run Extension (sandbox emulator)"): writes the user settings of the Extension Development Host's own
// user-data-dir, pointing the extension at the sandbox emulator (port 7443) as a custom cloud with the seed's
// service principal. They are user settings because the settings that decide where credentials go are
// application-scoped: VS Code ignores them in a workspace file, as it should for a cloned repository.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, repoRoot } from './paths';
import { emulatorSettings, quietWorkbenchSettings, writeUserSettings } from './user-settings';

export const desktopSandboxUserDataDir: string = join(cacheDir, 'sandbox-desktop', 'user-data');
const EMULATOR = 'https://127.0.0.1:7443';

interface SandboxSeed {
  servicePrincipals?: { tenantId: string; clientId: string }[];
}

export function writeDesktopSandboxSettings(userDataDir: string = desktopSandboxUserDataDir): string {
  const seed = JSON.parse(readFileSync(join(repoRoot, 'test', 'sandbox', 'seed.json'), 'utf8')) as SandboxSeed;
  const principal = seed.servicePrincipals?.[0];
  if (!principal) throw new Error('test/sandbox/seed.json has no service principal to sign in with');
  return writeUserSettings(userDataDir, {
    ...quietWorkbenchSettings,
    ...emulatorSettings(
      {
        resourceManagerEndpoint: EMULATOR,
        authorityHost: EMULATOR,
        mlAudience: 'https://ml.azure.com',
        portalUrl: `${EMULATOR}/portal`,
        mlStudioUrl: `${EMULATOR}/studio`,
      },
      principal,
    ),
  });
}

if (require.main === module) console.log(`sandbox user settings: ${writeDesktopSandboxSettings()}`);
