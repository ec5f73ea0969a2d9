// What every extension-host suite starts from: the activated extension's API and the control client of the
// emulator the harness started for this run, with the seed the run began with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/api';
import type { EmulatorSeed } from '../../tools/emulator';
import { EmulatorControlClient } from '../../tools/emulator/control-client';

export const REPO_ROOT = join(__dirname, '..', '..', '..');

export interface ExtensionUnderTest {
  api: ExtensionApi;
  control: EmulatorControlClient;
  /** The emulator's base URL (ARM, Entra ID and the control API). */
  emulatorUrl: string;
  /** The emulator's seed when the suite started (to put back afterwards). */
  runSeed: EmulatorSeed;
}

export async function activateExtensionUnderTest(): Promise<ExtensionUnderTest> {
  const url = process.env.ADF_BATCH_EMULATOR_URL;
  if (!url)
    throw new Error(
      'ADF_BATCH_EMULATOR_URL is not set: run these suites through the harness (test/harness/exthost-runner.ts).',
    );
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
  };
  const extension = vscode.extensions.getExtension<ExtensionApi>(`${manifest.publisher}.${manifest.name}`);
  if (!extension) throw new Error('the extension is not installed');
  const api = await extension.activate();
  const control = new EmulatorControlClient(url);
  return { api, control, emulatorUrl: url, runSeed: await control.getSeed() };
}
