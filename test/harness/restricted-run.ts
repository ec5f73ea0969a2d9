// The extension-host run in Restricted Mode: Workspace Trust on, a fresh copy of the fixture workspace (never
// trusted before), whose .vscode/settings.json points adfBatchEndpoints.customCloud at a second emulator, the
// "other host" a hostile repository would send credentials to. Runs the suites of test/exthost/restricted only.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarnessEmulator } from './emulator-launch';
import { runExtensionHostSuites, type ExtensionHostRunResult } from './exthost-runner';
import { cacheDir, ensureDir } from './paths';
import { defaultTestSeed, fixtureWorkspace } from './stack';

/** Which suites a run loads (test/exthost/index.ts reads it): the restricted run loads only restricted/. */
export const SUITES_ENV = 'ADF_BATCH_EXTHOST_SUITES';

export async function runRestrictedModeSuites(): Promise<ExtensionHostRunResult> {
  const folder = join(mkdtempSync(join(ensureDir(cacheDir, 'tmp'), 'restricted-')), 'adf-repo');
  cpSync(fixtureWorkspace, folder, { recursive: true });
  const other = await startHarnessEmulator(defaultTestSeed, { stateDir: join(folder, '..', 'other-emulator') });
  try {
    mkdirSync(join(folder, '.vscode'));
    writeFileSync(
      join(folder, '.vscode', 'settings.json'),
      `${JSON.stringify(
        {
          'adfBatchEndpoints.customCloud': {
            resourceManagerEndpoint: other.url,
            authorityHost: other.url,
            mlAudience: 'https://ml.azure.com',
          },
        },
        null,
        2,
      )}\n`,
    );
    return await runExtensionHostSuites({
      label: 'exthost-restricted',
      folder,
      workspaceTrust: true,
      extraCaCertPaths: [other.caCertPath], // so a request the extension made there would arrive and be logged
      env: {
        [SUITES_ENV]: 'restricted',
        ADF_BATCH_OTHER_EMULATOR_URL: other.url,
        ADF_BATCH_OTHER_EMULATOR_CA: other.caCertPath,
      },
    });
  } finally {
    await other.stop();
    rmSync(join(folder, '..'), { recursive: true, force: true });
  }
}
