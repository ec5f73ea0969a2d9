// Desktop VS Code runs of the extension-host suites (@vscode/test-electron, @vscode/test-cli): the same
// emulator, settings and environment as the code-server runs, for machines that can download VS Code.
import { join } from 'node:path';
import { seedServicePrincipal, startHarnessEmulator } from './emulator-launch';
import { cacheDir, ensureDir } from './paths';
import { defaultTestSeed, fixtureWorkspace } from './stack';
import { emulatorSettings, quietWorkbenchSettings, writeUserSettings } from './user-settings';

export interface DesktopRun {
  /** Environment for VS Code (reaches the extension host). */
  env: Record<string, string>;
  /** VS Code arguments: its own user-data-dir (with the settings), no other extensions, no trust prompt. */
  launchArgs: string[];
  workspaceFolder: string;
  stop(): Promise<void>;
}

/** Starts the emulator in this process and writes the user settings; `stop()` stops the emulator. */
export async function prepareDesktopRun(seed: string = defaultTestSeed): Promise<DesktopRun> {
  const dir = ensureDir(cacheDir, 'desktop');
  const emulator = await startHarnessEmulator(seed, { stateDir: ensureDir(dir, 'emulator') });
  const servicePrincipal = seedServicePrincipal(seed);
  const userDataDir = ensureDir(dir, 'user-data');
  writeUserSettings(userDataDir, { ...quietWorkbenchSettings, ...emulatorSettings(emulator.cloud, servicePrincipal) });
  return {
    env: {
      NODE_EXTRA_CA_CERTS: emulator.caCertPath,
      ADF_BATCH_EMULATOR_URL: emulator.url,
      ADF_BATCH_SANDBOX_SP_SECRET: servicePrincipal.secret,
    },
    launchArgs: [
      `--user-data-dir=${userDataDir}`,
      `--extensions-dir=${join(dir, 'extensions')}`,
      '--disable-extensions',
      '--disable-workspace-trust',
    ],
    workspaceFolder: fixtureWorkspace,
    stop: () => emulator.stop(),
  };
}
