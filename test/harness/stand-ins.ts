// The test stand-ins for what signs users in outside the extension (test/stand-ins): the Microsoft
// authentication provider (a test-only extension; code-server's built-in one is disabled so the stand-in
// owns the `microsoft` and `microsoft-sovereign-cloud` ids) and `az` (a wrapper first on PATH running
// out/test/stand-ins/az/main.js under this Node, with its login in AZURE_CONFIG_DIR).
import { chmodSync, copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import {
  CONTROL_DIR_VARIABLE,
  type StandInControl,
  type StandInControlFile,
  type StandInState,
} from '../stand-ins/microsoft-auth/control';
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
  /** Where UI tests steer the stand-in Microsoft authentication (see controlMicrosoftAuth). */
  microsoftAuthControlDir: string;
  /** The stand-in az's login folder (AZURE_CONFIG_DIR; test/stand-ins/az/profile.ts writes and empties it). */
  azureConfigDir: string;
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
  const controlDir = ensureDir(runDir, 'stand-ins', 'microsoft-auth-control');
  const azureConfigDir = ensureDir(runDir, 'stand-ins', 'azure-cli');
  return {
    env: {
      PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
      AZURE_CONFIG_DIR: azureConfigDir,
      [CONTROL_DIR_VARIABLE]: controlDir,
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
    microsoftAuthControlDir: controlDir,
    azureConfigDir,
  };
}

const controlSeq = new Map<string, number>();

/**
 * For UI tests (outside the extension host): applies `change` to the stand-in Microsoft authentication through
 * its control file and returns its state once it answered (it polls the file every 200 ms).
 */
export async function controlMicrosoftAuth(standIns: StandIns, change: StandInControl = {}): Promise<StandInState> {
  const dir = standIns.microsoftAuthControlDir;
  const seq = (controlSeq.get(dir) ?? 0) + 1;
  controlSeq.set(dir, seq);
  const control: StandInControlFile = { seq, change };
  writeFileSync(join(dir, 'control.json.tmp'), JSON.stringify(control));
  renameSync(join(dir, 'control.json.tmp'), join(dir, 'control.json'));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const state = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as StandInState & { seq: number };
      if (state.seq === seq) return state;
    } catch {
      // not answered yet
    }
    if (Date.now() > deadline)
      throw new Error(`the stand-in Microsoft authentication did not apply ${JSON.stringify(change)} in 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The sandbox-only extension that opens the ADF Batch Endpoints view at startup (test/stand-ins/sandbox-view). */
export function prepareViewOpener(runDir: string): { folder: string; folderName: string } {
  const main = compiled('sandbox-view', 'extension.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npx tsc -p .\` first`);
  const folder = ensureDir(runDir, 'stand-ins', 'sandbox-view');
  copyFileSync(join(repoRoot, 'test', 'stand-ins', 'sandbox-view', 'package.json'), join(folder, 'package.json'));
  writeFileSync(join(folder, 'extension.js'), `module.exports = require(${JSON.stringify(main)});\n`);
  return { folder, folderName: 'adf-batch-tests.sandbox-open-view-0.0.1' };
}
