// Runs test/exthost/index.ts (mocha) INSIDE code-server's extension host, the way @vscode/test-web does:
// the workbench's smoke-test driver takes extensionDevelopmentPath/extensionTestsPath from the URL payload
// and reports the suite's output and exit code through two functions exposed on the page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { cacheDir, ensureDir, repoRoot, testResultsDir } from './paths';
import { fixtureWorkspace, startStack } from './stack';

/** Prefix of the line test/exthost/index.ts prints with its counts. */
export const resultMarker = '@@exthost-result ';
/** Prefix test/exthost/index.ts puts on mocha's output (everything else the workbench logs goes to a file). */
export const relayMarker = '@@mocha ';
/**
 * Prefix of requests suites send to the harness (test/exthost/harness-requests.ts), for what the extension
 * host cannot do itself: `{"clickDialogButton":"Allow"}` clicks that button of the next modal dialog of the
 * workbench (VS Code's "The extension wants to sign in" prompt); `{"id","trustWorkspace":true}` clicks Trust in
 * the open Workspace Trust editor; `{"id","visibleText":"..."}` waits until the workbench shows that text;
 * `{"id","notificationButton":{"text","button"}}` clicks a button of the notification showing that text. Requests
 * with an id are answered in <ADF_BATCH_HARNESS_REPLIES>/<id>.json (`{"ok":true}` or `{"ok":false,"error"}`).
 */
export const harnessRequestMarker = '@@harness ';

export interface ExtensionHostRunOptions {
  /** Emulator seed file (default test/fixtures/seeds/exthost.json). */
  seed?: string;
  /** Folder opened in the workbench (default test/fixtures/workspace). */
  folder?: string;
  /** Compiled suite entry (default out/test/exthost/index.js). */
  testsPath?: string;
  /** The extension under test (default the repo; e.g. an unpacked VSIX to test the package). */
  extensionPath?: string;
  /** Limit for the suites once the workbench has loaded (default 30 minutes). */
  timeoutMs?: number;
  /** Where mocha's output goes (default stdout). */
  output?: (line: string) => void;
  /** Names the run folder and its logs (default exthost). */
  label?: string;
  /** Keep Workspace Trust on: the folder opens in Restricted Mode (see StackOptions.workspaceTrust). */
  workspaceTrust?: boolean;
  /** Extra environment for the extension host. */
  env?: Record<string, string>;
  /** More CA certificates (PEM files) the extension host trusts. */
  extraCaCertPaths?: string[];
}

export interface ExtensionHostRunResult {
  exitCode: number;
  passed: number;
  failed: number;
  skipped: number;
  durationMs: number;
}

export async function runExtensionHostSuites(options: ExtensionHostRunOptions = {}): Promise<ExtensionHostRunResult> {
  const started = Date.now();
  const output = options.output ?? ((line: string): void => console.log(line));
  const progress = (step: string): void =>
    output(`[exthost] ${step} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const label = options.label ?? 'exthost';
  const replies = mkdtempSync(join(ensureDir(cacheDir, 'tmp'), 'harness-replies-'));
  const stack = await startStack({
    label,
    seed: options.seed,
    codeServerArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    env: {
      ADF_BATCH_EXTHOST_RELAY: '1',
      ADF_BATCH_HARNESS_REPLIES: replies,
      ...(process.env.MOCHA_GREP ? { MOCHA_GREP: process.env.MOCHA_GREP } : {}),
      ...options.env,
    },
    linkExtension: false, // loaded as the development extension instead
    standIns: true, // the sign-in suites need the stand-in Microsoft account and az
    workspaceTrust: options.workspaceTrust,
    extraCaCertPaths: options.extraCaCertPaths,
  });
  progress(`emulator ${stack.emulator?.url ?? '(none)'} and code-server ${stack.codeServer.url} up`);
  let context: BrowserContext;
  try {
    context = await launchBrowser(stack.runDir);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  const counts = { passed: 0, failed: 0, skipped: 0 };
  let sawCounts = false;
  let sawFirstOutput = false;
  const browserLog: string[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => browserLog.push(`[pageerror] ${error.message}`));
    let finish: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolveExit) => {
      finish = resolveExit;
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      for (const line of text.split('\n')) {
        if (line.startsWith(resultMarker)) {
          Object.assign(counts, JSON.parse(line.slice(resultMarker.length)));
          sawCounts = true;
        } else if (line.startsWith(harnessRequestMarker)) {
          void answerHarnessRequest(page, line.slice(harnessRequestMarker.length), replies, (message) =>
            browserLog.push(message),
          );
        } else if (line.startsWith(relayMarker)) {
          if (!sawFirstOutput) progress('suites started');
          sawFirstOutput = true;
          output(line.slice(relayMarker.length));
        } else {
          browserLog.push(`[${type}] ${line}`);
        }
      }
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    progress('browser up');
    const testsPath = options.testsPath ?? join(repoRoot, 'out', 'test', 'exthost', 'index.js');
    await page.goto(
      suiteUrl(
        stack.codeServer.url,
        options.folder ?? fixtureWorkspace,
        [options.extensionPath ?? repoRoot],
        testsPath,
      ),
      {
        waitUntil: 'domcontentloaded',
        timeout: 120_000,
      },
    );
    progress('workbench page loaded');
    // Watchdog: the suites must start within 5 minutes (else the workbench never ran them) and end within the limit.
    const loaded = Date.now();
    const timeoutMs = options.timeoutMs ?? 30 * 60_000;
    let stuck = '';
    let watchdog: NodeJS.Timeout | undefined;
    const timedOut = new Promise<number>((resolveTimeout) => {
      watchdog = setInterval(() => {
        if (!sawFirstOutput && Date.now() - loaded > 5 * 60_000)
          stuck = 'did not start within 5 minutes of the page load';
        else if (Date.now() - loaded > timeoutMs) stuck = `did not finish within ${timeoutMs / 1000} s`;
        if (stuck) resolveTimeout(-1);
      }, 1_000);
    });
    const exitCode = await Promise.race([exited, timedOut]);
    clearInterval(watchdog);
    progress(`suites finished (exit code ${exitCode})`);
    if (exitCode === -1) {
      await page.screenshot({ path: join(ensureDir(testResultsDir), `${label}-timeout.png`) }).catch(() => undefined);
      output(
        `extension-host suites ${stuck} (screenshot: test-results/${label}-timeout.png; workbench log: test-results/logs/${label}-browser.log)`,
      );
    }
    if (!sawCounts) output('the extension host reported no test counts (did out/test/exthost/index.js load?)');
    const failed = counts.failed || (exitCode !== 0 || !sawCounts ? 1 : 0);
    return { exitCode, passed: counts.passed, failed, skipped: counts.skipped, durationMs: Date.now() - started };
  } finally {
    writeFileSync(join(ensureDir(testResultsDir, 'logs'), `${label}-browser.log`), `${browserLog.join('\n')}\n`);
    await context.close().catch(() => undefined);
    await stack.stop();
    rmSync(replies, { recursive: true, force: true });
  }
}

interface HarnessRequest {
  /** Set when the suite waits for the answer. */
  id?: string;
  clickDialogButton?: string;
  trustWorkspace?: boolean;
  visibleText?: string;
  notificationButton?: { text: string; button: string };
}

/** Does what a suite asked of the workbench (within 60 s) and, for a request with an id, writes the answer. */
async function answerHarnessRequest(
  page: Page,
  json: string,
  replies: string,
  log: (message: string) => void,
): Promise<void> {
  let request: HarnessRequest = {};
  let answer: { ok: boolean; error?: string };
  try {
    request = JSON.parse(json) as HarnessRequest;
    if (request.clickDialogButton) {
      await clickButton(page.locator('.monaco-dialog-box .dialog-buttons'), request.clickDialogButton);
    } else if (request.trustWorkspace) {
      // VS Code's Workspace Trust editor (workbench.trust.manage), opened by the suite: its "Trust" button.
      await clickButton(page.locator('.workspace-trust-editor'), 'Trust');
    } else if (request.notificationButton) {
      const { text, button } = request.notificationButton;
      try {
        // A toast, or the row of the notification center (the test workbench may keep toasts hidden).
        await clickButton(
          page.locator('.notification-toast, .notifications-center .monaco-list-row', { hasText: text }).first(),
          button,
        );
      } catch (error) {
        // Say what the workbench showed instead.
        const shown = await page.locator('.notification-toast, .notifications-center .monaco-list-row').allInnerTexts();
        await page.screenshot({
          path: join(ensureDir(testResultsDir, 'failures'), 'exthost-notification-not-found.png'),
        });
        throw new Error(`${(error as Error).message.split('\n')[0]}; notifications shown: ${JSON.stringify(shown)}`);
      }
    } else if (request.visibleText) {
      await page
        .getByText(request.visibleText, { exact: false })
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 });
    }
    answer = { ok: true };
    log(`[harness] did ${json}`);
  } catch (error) {
    answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
    log(`[harness] request ${json} failed: ${answer.error}`);
  }
  if (request.id && /^[\w-]+$/.test(request.id))
    writeFileSync(join(replies, `${request.id}.json`), JSON.stringify(answer));
}

async function clickButton(scope: Locator, label: string): Promise<void> {
  const button = scope
    .locator('a.monaco-button, .monaco-button')
    .filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .first();
  await button.waitFor({ state: 'visible', timeout: 60_000 });
  await button.click();
}

/** /?folder=<dir>&payload=[[extensionDevelopmentPath, ...] (one per extension), [extensionTestsPath, ...]] with the server's `remote` authority. */
function suiteUrl(base: string, folder: string, extensionPaths: string[], testsPath: string): string {
  const payload = [
    ...extensionPaths.map((path) => ['extensionDevelopmentPath', `vscode-remote://remote${path}`]),
    ['extensionTestsPath', `vscode-remote://remote${testsPath}`],
  ];
  return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
