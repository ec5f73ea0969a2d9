// Runs one layer of mocha suites in this process and prints its counts as the last line:
//   @@summary {"layer":"unit","passed":N,"failed":N,"skipped":N}
// Layers: unit (pure code and the emulator through the real SDKs, under plain Node) and ui (Playwright
// against code-server). The extension-host layer runs inside VS Code: see test/harness/exthost-runner.ts.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

const layer = process.argv[2];
const folders = {
  unit: ['out/test/unit', 'out/test/integration'],
  ui: ['out/test/ui'],
}[layer];
if (!folders) {
  console.error(`unknown layer "${layer}"; expected unit or ui`);
  process.exit(2);
}

// UI tests get a screenshot of every open workbench when they fail (test/harness/ui-hooks.ts).
const rootHooks = layer === 'ui' ? (await import('../out/test/harness/ui-hooks.js')).mochaHooks : undefined;
const mocha = new Mocha({
  reporter: 'spec',
  timeout: layer === 'ui' ? 240_000 : 20_000,
  color: !process.env.CI,
  rootHooks,
});
const grep = process.env.MOCHA_GREP;
if (grep) mocha.grep(grep);
/** Every *.test.js below a folder (node 20 has no fs.globSync). */
function testFiles(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true })
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => join(folder, f));
}
for (const file of folders.flatMap(testFiles).sort()) mocha.addFile(file);
await mocha.loadFilesAsync();
const runner = mocha.run((failures) => {
  const { passes = 0, pending = 0 } = runner.stats ?? {};
  console.log(`@@summary ${JSON.stringify({ layer, passed: passes, failed: failures, skipped: pending })}`);
  process.exitCode = failures ? 1 : 0;
});
