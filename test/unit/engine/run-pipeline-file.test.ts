// The engine entry point shared by `adf-batch run` and the Dry Run: it reads the file (or the editor's text),
// streams plain-data events, and returns a plain-data result a worker thread could post as it is.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipelineFile, type RunPipelineEvent, type RunPipelineTarget } from '../../../src/core/engine';
import { writeRunPipelines } from '../../fixtures/run-pipelines';

const OFFLINE: RunPipelineTarget = { settings: { cloud: 'AzureCloud' } };

describe('runPipelineFile', () => {
  let dir: string;
  const file = (name: string): string => join(dir, 'pipeline', `${name}.json`);
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'run-pipeline-file-'));
    writeRunPipelines(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a file and streams the start and every record change as plain data, in order', async () => {
    const events: RunPipelineEvent[] = [];
    const result = await runPipelineFile({
      file: file('Greets'),
      target: OFFLINE,
      parameters: { who: 'world' },
      timeScale: 1000,
      onEvent: (event) => events.push(structuredClone(event)),
    });
    assert.equal(result.outcome, 'completed');
    if (result.outcome !== 'completed') return;
    assert.equal(result.pipelineRun.status, 'Succeeded');
    assert.equal(result.pipelineRun.pipelineName, 'Greets');
    assert.deepEqual(result.pipelineRun.parameters, { who: 'world', times: '1' });
    assert.deepEqual(
      result.activityRuns.map((r) => [r.activityName, r.status]),
      [
        ['Greet', 'Succeeded'],
        ['Pause', 'Succeeded'],
      ],
    );
    assert.deepEqual(result.activityRuns[0]?.output, { name: 'greeting', value: 'hello world' });
    // The whole result crosses a worker boundary unchanged.
    assert.deepEqual(structuredClone(result), result);

    const started = events.find((e) => e.kind === 'started');
    assert.deepEqual(started, { kind: 'started', runId: result.pipelineRun.runId, pipelineName: 'Greets' });
    const activityStatuses = events.flatMap((e) => (e.kind === 'activityRun' ? [e.run.status] : []));
    // In progress (recorded again once its input is evaluated), then succeeded.
    assert.equal(activityStatuses.at(-1), 'Succeeded');
    assert.deepEqual([...new Set(activityStatuses)], ['InProgress', 'Succeeded']);
    // Started is reported once the run exists (its first activities start synchronously), before anything ends.
    const ended = events.findIndex((e) => e.kind === 'activityRun' && e.run.status === 'Succeeded');
    assert.ok(events.indexOf(started as RunPipelineEvent) < ended);
    const last = events.at(-1);
    assert.equal(last?.kind === 'pipelineRun' ? last.run.status : last?.kind, 'Succeeded');
  });

  it('runs the text it is given instead of the file on disk (an editor with unsaved edits)', async () => {
    const text = JSON.stringify({
      name: 'Edited',
      properties: { activities: [{ name: 'Only', type: 'Wait', typeProperties: { waitTimeInSeconds: 1 } }] },
    });
    const result = await runPipelineFile({
      file: file('Greets'),
      text,
      target: OFFLINE,
      parameters: {},
      timeScale: 1000,
    });
    assert.equal(result.outcome, 'completed');
    if (result.outcome !== 'completed') return;
    assert.equal(result.pipelineRun.pipelineName, 'Edited');
    assert.deepEqual(
      result.activityRuns.map((r) => r.activityName),
      ['Only'],
    );
  });

  it('finds Execute Pipeline children next to the file', async () => {
    const result = await runPipelineFile({ file: file('Parent'), target: OFFLINE, parameters: {}, timeScale: 1000 });
    assert.equal(result.outcome, 'completed');
    if (result.outcome !== 'completed') return;
    assert.equal(result.pipelineRun.status, 'Succeeded');
    assert.deepEqual(
      result.activityRuns.map((r) => [r.activityName, r.status]),
      [['Call child', 'Succeeded']],
    );
  });

  it('refuses with a message, and no events, when the run cannot start', async () => {
    const events: RunPipelineEvent[] = [];
    const onEvent = (event: RunPipelineEvent): number => events.push(event);
    const cases: Array<[Promise<unknown>, RegExp]> = [
      [
        runPipelineFile({ file: file('Greets'), target: OFFLINE, parameters: {}, onEvent }),
        /Missing value for required parameter 'who'/,
      ],
      [
        runPipelineFile({
          file: file('Greets'),
          target: OFFLINE,
          parameters: { who: 'x', whom: 'y' },
          rejectUndeclaredParameters: true,
          onEvent,
        }),
        /pipeline Greets has no parameter "whom" \(it declares who, times\)/,
      ],
      [runPipelineFile({ file: file('Missing'), target: OFFLINE, parameters: {}, onEvent }), /Missing\.json/],
      [
        runPipelineFile({ file: file('Greets'), text: '{ nope', target: OFFLINE, parameters: {}, onEvent }),
        /is not valid JSON/,
      ],
    ];
    for (const [running, message] of cases) {
      const result = (await running) as { outcome: string; message: string };
      assert.equal(result.outcome, 'refused');
      assert.match(result.message, message);
    }
    assert.deepEqual(events, []);
  });

  it('accepts undeclared parameters unless asked to refuse them', async () => {
    const result = await runPipelineFile({
      file: file('Greets'),
      target: OFFLINE,
      parameters: { who: 'x', whom: 'y' },
      timeScale: 1000,
    });
    assert.equal(result.outcome, 'completed');
  });

  it('cancels the run when the signal aborts', async () => {
    const stop = new AbortController();
    const result = await runPipelineFile({
      file: file('Slow'),
      target: OFFLINE,
      parameters: {},
      signal: stop.signal,
      onEvent: (event) => {
        if (event.kind === 'activityRun' && event.run.status === 'InProgress') stop.abort();
      },
    });
    assert.equal(result.outcome, 'completed');
    if (result.outcome !== 'completed') return;
    assert.equal(result.pipelineRun.status, 'Cancelled');
    assert.deepEqual(
      result.activityRuns.map((r) => [r.activityName, r.status]),
      [['Long wait', 'Cancelled']],
    );
  });
});
