// `npm run bench` (engine part): time and peak memory of `adf-batch run` (the CLI's run command, in process) on
// a 10,000-iteration Until and a 100,000-item ForEach, and the time of union() over two 100k arrays. Goals from
// issue 11 (under 300 MB, linear in iterations; union under 1 s) are printed next to the figures, never asserted.
// The returned invariant is that each run ended as expected (Succeeded, with the right number of iterations).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRunCommand } from '../../src/cli/run-command';
import { evaluateValue } from '../../src/core/expressions';

interface RunFigures {
  ms: number;
  /** Process CPU time: on a shared machine the wall clock also counts time spent waiting for a core. */
  cpuMs: number;
  peakRssMb: number;
  code: number;
  lines: number;
}

const expr = (value: string): { value: string; type: 'Expression' } => ({ value, type: 'Expression' });

function untilPipeline(iterations: number): unknown {
  return {
    name: 'BenchUntil',
    properties: {
      variables: { n: { type: 'String', defaultValue: '0' } },
      activities: [
        {
          name: 'Loop',
          type: 'Until',
          typeProperties: {
            expression: expr(`@equals(variables('n'), '${iterations}')`),
            activities: [
              {
                name: 'Count',
                type: 'SetVariable',
                typeProperties: { variableName: 'n', value: expr("@string(add(int(variables('n')), 1))") },
              },
            ],
          },
        },
      ],
    },
  };
}

function forEachPipeline(items: number): unknown {
  return {
    name: 'BenchForEach',
    properties: {
      activities: [
        {
          name: 'Each',
          type: 'ForEach',
          typeProperties: {
            items: expr(`@range(0, ${items})`),
            batchCount: 50,
            activities: [{ name: 'Pause', type: 'Wait', typeProperties: { waitTimeInSeconds: 0 } }],
          },
        },
      ],
    },
  };
}

async function runCli(dir: string, name: string, definition: unknown): Promise<RunFigures> {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(definition));
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  let lines = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const code = await runRunCommand([path, '--time-scale', '1000'], {
    cwd: dir,
    stdout: (text) => void (lines += text.split('\n').length - 1),
    stderr: () => undefined,
  });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, cpuMs: (used.user + used.system) / 1000, peakRssMb: peak / 2 ** 20, code, lines };
}

function print(label: string, figures: RunFigures, count: number): void {
  console.log(
    `  ${label}: ${figures.ms.toFixed(0)} ms wall, ${figures.cpuMs.toFixed(0)} ms CPU (${((figures.cpuMs * 1000) / count).toFixed(0)} µs CPU per iteration), peak RSS ${figures.peakRssMb.toFixed(0)} MB (goal < 300 MB), exit ${figures.code}, ${figures.lines} lines printed`,
  );
}

export async function runEngineBench(): Promise<boolean> {
  console.log('engine (adf-batch run in process; figures, not asserts)');
  const dir = mkdtempSync(join(tmpdir(), 'adf-batch-engine-bench-'));
  let ok = true;
  try {
    for (const iterations of [1_000, 10_000]) {
      const figures = await runCli(dir, `until-${iterations}`, untilPipeline(iterations));
      print(`Until, ${iterations.toLocaleString('en-US')} iterations`, figures, iterations);
      ok = ok && figures.code === 0;
    }
    for (const items of [10_000, 100_000]) {
      const figures = await runCli(dir, `foreach-${items}`, forEachPipeline(items));
      print(`ForEach, ${items.toLocaleString('en-US')} items`, figures, items);
      ok = ok && figures.code === 0;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const started = performance.now();
  const cpu = process.cpuUsage();
  const union = evaluateValue('@length(union(range(0, 100000), range(50000, 100000)))', {});
  const unionMs = performance.now() - started;
  const unionCpu = process.cpuUsage(cpu);
  console.log(
    `  union() of two 100k arrays: ${unionMs.toFixed(0)} ms wall, ${((unionCpu.user + unionCpu.system) / 1000).toFixed(0)} ms CPU (goal < 1 s), ${String(union)} items`,
  );
  return ok && union === 150_000;
}

if (require.main === module) {
  void runEngineBench().then((ok) => (process.exitCode = ok ? 0 : 1));
}
