// The extension-host layer of `npm test`: `node out/test/harness/exthost-main.js`.
// Relays mocha's output from inside code-server, then prints the layer's summary line:
//   @@summary {"layer":"exthost","passed":N,"failed":N,"skipped":N}
import { runExtensionHostSuites } from './exthost-runner';

async function main(): Promise<void> {
  const started = Date.now();
  let summary = { layer: 'exthost', passed: 0, failed: 1, skipped: 0 };
  try {
    const result = await runExtensionHostSuites();
    summary = { layer: 'exthost', passed: result.passed, failed: result.failed, skipped: result.skipped };
  } catch (error) {
    console.log(
      `extension-host layer could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  console.log(`exthost layer took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`@@summary ${JSON.stringify(summary)}`);
  process.exitCode = summary.failed ? 1 : 0;
}

void main();
