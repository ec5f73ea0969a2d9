// For UI tests: the emulator + code-server with the extension, and a Chromium page on the workbench.
// Open it in a `before` hook and close it in `after`: a failing test then still has the page, and the root
// hook in ui-hooks.ts saves a screenshot of every open workbench under test-results/failures/.
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import type { RunningCodeServer } from './code-server';
import type { HarnessEmulator } from './emulator-launch';
import { ensureDir, repoRoot, testResultsDir } from './paths';
import { fixtureWorkspace, startStack, type Stack } from './stack';

export interface OpenWorkbenchOptions {
  /** Folder to open (default test/fixtures/workspace). */
  folder?: string;
  /** Emulator seed file (default test/fixtures/seeds/exthost.json); `false` runs without the emulator. */
  seed?: string | false;
  /** Client id of the seed's service principal the extension signs in as (default the seed's first). */
  servicePrincipalClientId?: string;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Load the stand-in Microsoft authentication provider and put the stand-in `az` on PATH (test/stand-ins). */
  standIns?: boolean;
  /** Open the extension's view at startup, as the sandbox (npm start) does. */
  openViewOnStart?: boolean;
  /** The custom cloud names the ARM audience of the cloud the emulator plays (VS Code accounts sign in by it). */
  playedCloudAudience?: boolean;
  /** Names the run folder and logs (default 'ui'). */
  label?: string;
  /** Extra code-server arguments (e.g. `--locale`). */
  codeServerArgs?: string[];
  /** Link this folder as the extension instead of the repository (given the run's folder). */
  extensionFolder?: (runDir: string) => string;
}

export interface Workbench {
  page: Page;
  context: BrowserContext;
  /** The running emulator: `emulator.url` for EmulatorControlClient (faults, request log, reset). */
  emulator: HarnessEmulator | undefined;
  codeServer: RunningCodeServer;
  stack: Stack;
  /** Closes the browser, code-server (whole process group) and the emulator. */
  close(): Promise<void>;
}

/** Workbenches open right now (the failure-screenshot hook photographs them). */
export const openWorkbenches: Set<Workbench> = new Set();

export async function openWorkbench(options: OpenWorkbenchOptions = {}): Promise<Workbench> {
  const stack = await startStack({
    label: options.label ?? 'ui',
    seed: options.seed,
    servicePrincipalClientId: options.servicePrincipalClientId,
    settings: options.settings,
    standIns: options.standIns,
    playedCloudAudience: options.playedCloudAudience,
    openViewOnStart: options.openViewOnStart,
    codeServerArgs: options.codeServerArgs,
    extensionFolder: options.extensionFolder,
  });
  let context: BrowserContext | undefined;
  try {
    context = await launchBrowser(stack.runDir);
    const page = context.pages()[0] ?? (await context.newPage());
    const folder = options.folder ?? fixtureWorkspace;
    await page.goto(`${stack.codeServer.url}/?folder=${encodeURIComponent(folder)}`, {
      waitUntil: 'domcontentloaded',
      timeout: 120_000,
    });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 120_000 });
    const opened = context;
    const workbench: Workbench = {
      page,
      context,
      emulator: stack.emulator,
      codeServer: stack.codeServer,
      stack,
      close: async (): Promise<void> => {
        openWorkbenches.delete(workbench);
        await opened.close().catch(() => undefined);
        await stack.stop();
      },
    };
    openWorkbenches.add(workbench);
    return workbench;
  } catch (error) {
    await context?.close().catch(() => undefined);
    await stack.stop();
    throw error;
  }
}

/** Saves test-results/<name>.png (name may contain folders) and returns its path. */
export async function saveScreenshot(page: Page, name: string, options: { readme?: string } = {}): Promise<string> {
  const file = join(testResultsDir, `${name}.png`);
  ensureDir(dirname(file));
  await page.screenshot({ path: file });
  // README pictures come from the real workbench: the test that reaches the state keeps them up to date.
  if (options.readme) copyFileSync(file, join(ensureDir(repoRoot, 'media', 'readme'), `${options.readme}.png`));
  return file;
}

/** A file-name-safe version of a test title. */
export function screenshotName(title: string): string {
  return (
    title
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 120) || 'unnamed'
  );
}
