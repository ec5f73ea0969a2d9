// The test stand-ins for what signs users in outside the extension (test/stand-ins): the Microsoft
// authentication provider (a test-only extension; code-server's built-in one is disabled so the stand-in
// owns the `microsoft` and `microsoft-sovereign-cloud` ids) and `az` (a wrapper first on PATH running
// out/test/stand-ins/az/main.js under this Node, with its login in AZURE_CONFIG_DIR).
import { chmodSync, copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ensureDir, repoRoot } from './paths';

export interface StandIns {
  /** Environment for code-server (PATH with the stand-in az first, AZURE_CONFIG_DIR). */
  env: Record<string, string>;
  /** code-server arguments (disables the built-in Microsoft authentication; keeps the given PATH for the extension host). */
  codeServerArgs: string[];
  /** The stand-in Microsoft authentication extension's folder (copied into the run's extensions dir). */
  microsoftAuthExtension: string;
  /** Folder name under an extensions dir (publisher.name-version). */
  microsoftAuthFolderName: string;
}

const compiled = (...parts: string[]): string => join(repoRoot, 'out', 'test', 'stand-ins', ...parts);

export function prepareStandIns(runDir: string): StandIns {
  const azMain = compiled('az', 'main.js');
  const authMain = compiled('microsoft-auth', 'extension.js');
  for (const file of [azMain, authMain])
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npx tsc -p .\` first`);
  const bin = ensureDir(runDir, 'stand-ins', 'bin');
  const az = join(bin, 'az');
  writeFileSync(az, `#!/bin/sh\nexec '${process.execPath}' '${azMain}' "$@"\n`);
  chmodSync(az, 0o755);
  const extension = ensureDir(runDir, 'stand-ins', 'microsoft-auth');
  copyFileSync(join(repoRoot, 'test', 'stand-ins', 'microsoft-auth', 'package.json'), join(extension, 'package.json'));
  writeFileSync(join(extension, 'extension.js'), `module.exports = require(${JSON.stringify(authMain)});\n`);
  return {
    env: {
      PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
      AZURE_CONFIG_DIR: ensureDir(runDir, 'stand-ins', 'azure-cli'),
    },
    // The server would otherwise take PATH from a login shell (Debian's /etc/profile resets it), dropping the stand-in az.
    codeServerArgs: [
      '--vscode-option',
      'disable-extension=vscode.microsoft-authentication',
      '--vscode-option',
      'force-disable-user-env',
    ],
    microsoftAuthExtension: extension,
    microsoftAuthFolderName: 'adf-batch-tests.stand-in-microsoft-authentication-0.0.1',
  };
}
