// `npm test`: every layer in turn (unit, extension host, UI), then one closing line over all of them:
//   N passed, N failed
// A layer that crashes counts as one failure. In CI a skipped test is a failure too.
import { spawn } from 'node:child_process';

const only = process.argv.includes('--layer') ? process.argv[process.argv.indexOf('--layer') + 1] : undefined;
const layers = [
  { name: 'unit', command: ['test/run-layer.mjs', 'unit'] },
  { name: 'exthost', command: ['out/test/harness/exthost-main.js'] },
  { name: 'ui', command: ['test/run-layer.mjs', 'ui'] },
].filter((l) => !only || l.name === only);

const total = { passed: 0, failed: 0, skipped: 0 };
for (const layer of layers) {
  console.log(`\n=== ${layer.name} ===`);
  const started = Date.now();
  const child = await runLayer(layer.command);
  console.log(`=== ${layer.name}: ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  const line = child.stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('@@summary '));
  if (!line) {
    console.log(`layer ${layer.name} ended without a summary (exit ${child.status}): counted as 1 failure`);
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

/** Runs one layer, relaying its output as it comes (the first run installs code-server: minutes of progress). */
function runLayer(args) {
  return new Promise((resolveLayer) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code, signal) => resolveLayer({ stdout, status: code ?? signal }));
  });
}
