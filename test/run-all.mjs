// `npm test`: every layer in turn (unit, extension host, UI), then one closing line over all of them:
//   N passed, N failed
// A layer that crashes counts as one failure. In CI a skipped test is a failure too.
import { spawnSync } from 'node:child_process';

const only = process.argv.includes('--layer') ? process.argv[process.argv.indexOf('--layer') + 1] : undefined;
const layers = [
  { name: 'unit', command: ['test/run-layer.mjs', 'unit'] },
  { name: 'exthost', command: ['out/test/harness/exthost-main.js'] },
  { name: 'ui', command: ['test/run-layer.mjs', 'ui'] },
].filter((l) => !only || l.name === only);

const total = { passed: 0, failed: 0, skipped: 0 };
for (const layer of layers) {
  console.log(`\n=== ${layer.name} ===`);
  const child = spawnSync(process.execPath, layer.command, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(child.stdout ?? '');
  const line = (child.stdout ?? '').split('\n').reverse().find((l) => l.startsWith('@@summary '));
  if (!line) {
    console.log(`layer ${layer.name} ended without a summary (exit ${child.status ?? child.signal}): counted as 1 failure`);
    total.failed += 1;
    continue;
  }
  const summary = JSON.parse(line.slice('@@summary '.length));
  total.passed += summary.passed;
  total.failed += summary.failed;
  total.skipped += summary.skipped;
  if (child.status !== 0 && summary.failed === 0) total.failed += 1;
}

if (process.env.CI && total.skipped > 0) {
  console.log(`${total.skipped} test(s) skipped in CI: counted as failures`);
  total.failed += total.skipped;
}
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed ? 1 : 0);
