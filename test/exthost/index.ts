// Entry loaded INSIDE the extension host (code-server via test/harness/exthost-runner.ts, or desktop VS Code
// via @vscode/test-electron): runs mocha over out/test/exthost/**/*.test.js. Resolves when every test passed,
// rejects otherwise (that is the extensionTestsPath contract), and prints the counts for the harness.
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/**
 * The suites of restricted/ need Workspace Trust on and an untrusted folder: only the harness's Restricted Mode run
 * (test/harness/restricted-run.ts, which sets this variable to "restricted") loads them, and only them.
 */
const SUITES_ENV = 'ADF_BATCH_EXTHOST_SUITES';
/** Must match test/harness/exthost-runner.ts (not imported: this file runs in the extension host). */
const resultMarker = '@@exthost-result ';
const relayMarker = '@@mocha ';

export function run(): Promise<void> {
  if (process.env.ADF_BATCH_EXTHOST_RELAY) {
    // code-server forwards every workbench log line to the harness: mark mocha's, so only they reach stdout.
    Mocha.reporters.Base.consoleLog = (...args: unknown[]): void => {
      console.log(
        format(...args)
          .split('\n')
          .map((line) => `${relayMarker}${line}`)
          .join('\n'),
      );
    };
  }
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  if (process.env.MOCHA_GREP) mocha.grep(process.env.MOCHA_GREP);
  for (const file of suiteFiles(__dirname)) mocha.addFile(file);
  return new Promise((resolveRun, rejectRun) => {
    mocha.loadFilesAsync().then(
      () => {
        const runner = mocha.run((failures) => {
          const { passes = 0, pending = 0 } = runner.stats ?? {};
          console.log(`${resultMarker}${JSON.stringify({ passed: passes, failed: failures, skipped: pending })}`);
          if (failures > 0) rejectRun(new Error(`${failures} extension-host test(s) failed`));
          else resolveRun();
        });
      },
      (error: unknown) => {
        console.log(
          `could not load the extension-host suites: ${error instanceof Error ? error.stack : String(error)}`,
        );
        rejectRun(error);
      },
    );
  });
}

/** Every *.test.js below the compiled exthost folder that belongs to this run, in a stable order. */
function suiteFiles(folder: string): string[] {
  const restrictedRun = process.env[SUITES_ENV] === 'restricted';
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .filter((file) => file.startsWith(`restricted${sep}`) === restrictedRun)
    .sort()
    .map((file) => join(folder, file));
}
