// The Dry Run's engine in a worker thread (src/dry-run/engine-worker-host.ts with the compiled worker): the same
// request and result as runPipelineFile, events relayed, the calling thread free while an expensive expression is
// evaluated, and Cancel ending a run whose thread is busy.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunPipelineEvent, RunPipelineTarget } from '../../../src/core/engine';
import { runPipelineFileInWorker } from '../../../src/dry-run/engine-worker-host';

const OFFLINE: RunPipelineTarget = { settings: { cloud: 'AzureCloud' } };
/** The compiled worker next to the compiled host (out/src/dry-run). */
const WORKER = join(__dirname, '..', '..', '..', 'src', 'dry-run', 'engine-worker.js');
/** About a second or more of synchronous work (two 200,000-item sets), within the expression budgets. */
const BIG = 'union(range(0, 100000), range(100000, 100000))';
const HEAVY = `@string(length(intersection(${BIG}, ${BIG})))`;

describe('Dry Run engine worker thread', function () {
  this.timeout(120_000);
  let dir: string;
  const file = (name: string): string => join(dir, 'pipeline', `${name}.json`);
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dry-run-worker-'));
    mkdirSync(join(dir, 'pipeline'));
    const setVariable = (name: string, value: string, dependsOn?: string): unknown => ({
      name,
      type: 'SetVariable',
      ...(dependsOn ? { dependsOn: [{ activity: dependsOn, dependencyConditions: ['Succeeded'] }] } : {}),
      typeProperties: { variableName: 'v', value },
    });
    const write = (name: string, activities: unknown[]): void =>
      writeFileSync(
        file(name),
        JSON.stringify({ name, properties: { variables: { v: { type: 'String' } }, activities } }),
      );
    write('Greets', [setVariable('Greet', "@concat('hello ', 'worker')")]);
    write('Heavy', [setVariable('Heavy', HEAVY), setVariable('After', HEAVY, 'Heavy')]);
    write('HeavyThenWait', [
      setVariable('Heavy', HEAVY),
      {
        name: 'After',
        type: 'Wait',
        dependsOn: [{ activity: 'Heavy', dependencyConditions: ['Succeeded'] }],
        typeProperties: { waitTimeInSeconds: 3600 },
      },
    ]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a pipeline file in the worker: events relayed in order, the result as runPipelineFile gives it', async () => {
    const events: RunPipelineEvent[] = [];
    const result = await runPipelineFileInWorker(WORKER, {
      file: file('Greets'),
      target: OFFLINE,
      parameters: {},
      onEvent: (e) => events.push(e),
    });
    assert.equal(result.outcome, 'completed');
    assert.ok(result.outcome === 'completed');
    assert.equal(result.pipelineRun.status, 'Succeeded');
    assert.deepEqual(
      result.activityRuns.map((r) => [r.activityName, r.status, r.output]),
      [['Greet', 'Succeeded', { name: 'v', value: 'hello worker' }]],
    );
    assert.equal(events.filter((e) => e.kind === 'started').length, 1);
    const statuses = events.flatMap((e) => (e.kind === 'activityRun' ? [e.run.status] : []));
    assert.deepEqual(statuses.slice(-2), ['InProgress', 'Succeeded']);
    assert.equal(events.filter((e) => e.kind === 'pipelineRun').at(-1)?.run.status, 'Succeeded');
  });

  it('leaves the calling thread free while an expensive expression is evaluated', async () => {
    let heavyRunning = false;
    let ticksWhileHeavy = 0;
    const tick = setInterval(() => {
      if (heavyRunning) ticksWhileHeavy += 1;
    }, 5);
    try {
      const result = await runPipelineFileInWorker(WORKER, {
        file: file('Heavy'),
        target: OFFLINE,
        parameters: {},
        onEvent: (e) => {
          if (e.kind === 'activityRun' && e.run.activityName === 'Heavy') heavyRunning = e.run.status === 'InProgress';
        },
      });
      assert.ok(result.outcome === 'completed' && result.pipelineRun.status === 'Succeeded');
    } finally {
      clearInterval(tick);
    }
    // In the same thread, no timer could fire between the activity's start and its end.
    assert.ok(ticksWhileHeavy > 0, 'timers of the calling thread ran while the expression was evaluated');
  });

  it('Cancel ends a run whose worker is busy evaluating: the run and the running activity end Cancelled', async () => {
    const stop = new AbortController();
    const result = await runPipelineFileInWorker(WORKER, {
      file: file('HeavyThenWait'),
      target: OFFLINE,
      parameters: {},
      signal: stop.signal,
      onEvent: (e) => {
        if (e.kind === 'activityRun' && e.run.activityName === 'Heavy' && e.run.status === 'InProgress') stop.abort();
      },
    });
    assert.ok(result.outcome === 'completed');
    assert.equal(result.pipelineRun.status, 'Cancelled', result.pipelineRun.message);
    assert.ok(!result.activityRuns.some((r) => r.activityName === 'After' && r.status === 'Succeeded'));
    assert.ok(result.activityRuns.every((r) => r.status !== 'InProgress'));
  });
});
