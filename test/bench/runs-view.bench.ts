// The Pipeline Runs view's polling (`npm run bench:runs-view`): status reads per minute with one active run and the
// view visible, with it hidden, and with no active run (goal: 0 when hidden or idle). The poller runs on a virtual
// clock for 10 minutes per scenario against a real emulator run (test/bench/runs-view-run.ts). Figures printed;
// returns false when the hidden or idle view sent any request.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBenchClient, startBenchEmulator } from './bench-processes';
import { VIRTUAL_MINUTES, type RunsViewRow } from './runs-view-run';
import { usedBySeed } from './used-by-seed';

export async function runRunsViewBench(): Promise<boolean> {
  console.log(`\n== runs view: status reads during ${VIRTUAL_MINUTES} (virtual) minutes of polling ==`);
  const folder = mkdtempSync(join(tmpdir(), 'runs-view-bench-'));
  const seedFile = join(folder, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(usedBySeed()));
  const emulator = await startBenchEmulator(['--seed-file', seedFile, '50']);
  try {
    const rows = runBenchClient<RunsViewRow[]>('runs-view-run', emulator.info, emulator.info.caCertPath);
    console.log(`  ${'scenario'.padEnd(52)}${'first minute'.padEnd(14)}${'then per minute'.padEnd(17)}in all`);
    for (const row of rows)
      console.log(
        `  ${row.scenario.padEnd(52)}${String(row.firstMinute).padEnd(14)}${row.steadyPerMinute.toFixed(1).padEnd(17)}${row.requests}`,
      );
    console.log('  (back-off: 2 s, doubling while nothing changes, at most 30 s; a change starts over at 2 s)');
    const idle = rows.filter((r) => !r.scenario.startsWith('one active run, view visible'));
    const broken = idle.filter((r) => r.requests > 0);
    for (const row of broken) console.log(`  BROKEN: "${row.scenario}" sent ${row.requests} requests`);
    return broken.length === 0 && rows.length === 3;
  } finally {
    emulator.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runRunsViewBench().then(
    (ok) => {
      process.exitCode = ok ? 0 : 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
