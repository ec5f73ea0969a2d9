// The extension-host layer of `npm test`: `node out/test/harness/exthost-main.js`.
// Two runs: the suites in a trusted workspace, then test/exthost/restricted in Restricted Mode (restricted-run.ts).
// ADF_BATCH_EXTHOST_RUN=main|restricted runs one of them. Relays mocha's output from inside code-server, then
// prints the layer's summary line:
//   @@summary {"layer":"exthost","passed":N,"failed":N,"skipped":N}
import type { ExtensionHostRunResult } from './exthost-runner';
import { runExtensionHostSuites } from './exthost-runner';
import { runRestrictedModeSuites } from './restricted-run';

const runs: Record<string, () => Promise<ExtensionHostRunResult>> = {
  main: () => runExtensionHostSuites(),
  restricted: () => runRestrictedModeSuites(),
};

async function main(): Promise<void> {
  const started = Date.now();
  const summary = { layer: 'exthost', passed: 0, failed: 0, skipped: 0 };
  const only = process.env.ADF_BATCH_EXTHOST_RUN;
  for (const [name, run] of Object.entries(runs)) {
    if (only && only !== name) continue;
    try {
      const result = await run();
      summary.passed += result.passed;
      summary.failed += result.failed;
      summary.skipped += result.skipped;
    } catch (error) {
      summary.failed += 1;
      console.log(
        `extension-host run "${name}" could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }
  if (only && !(only in runs)) {
    summary.failed += 1;
    console.log(`ADF_BATCH_EXTHOST_RUN=${only}: no such run (${Object.keys(runs).join(', ')})`);
  }
  console.log(`exthost layer took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`@@summary ${JSON.stringify(summary)}`);
  process.exitCode = summary.failed ? 1 : 0;
}

void main();
