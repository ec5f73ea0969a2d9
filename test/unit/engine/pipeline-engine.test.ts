import assert from 'node:assert/strict';
import { RunInputError } from '../../../src/core/engine/parameters';
import { REDACTED } from '../../../src/core/engine/redaction';
import { activity, after, engine, fail, pipeline, runPipeline, wait } from './support';

describe('engine pipeline runs', () => {
  it('records a succeeded run with ADF-shaped pipeline and activity run records', async () => {
    const { run, activities } = await runPipeline(
      pipeline([wait('W', 1)], { parameters: { p: { type: 'Int', defaultValue: 3 } } }),
    );
    assert.equal(run.status, 'Succeeded');
    assert.equal(run.pipelineName, 'Test');
    assert.match(run.runId, /^[0-9a-f-]{36}$/);
    assert.deepEqual(run.parameters, { p: '3' });
    assert.equal(run.invokedBy.invokedByType, 'Manual');
    assert.ok(run.runEnd && Date.parse(run.runEnd) >= Date.parse(run.runStart));
    assert.equal(typeof run.durationInMs, 'number');
    assert.equal(activities.length, 1);
    const w = activities[0];
    assert.equal(w.activityName, 'W');
    assert.equal(w.activityType, 'Wait');
    assert.equal(w.pipelineRunId, run.runId);
    assert.equal(w.status, 'Succeeded');
    assert.deepEqual(w.input, { waitTimeInSeconds: 1 });
    assert.ok(w.activityRunEnd && typeof w.durationInMs === 'number');
  });

  it('runs independent activities in parallel and dependent ones in order', async () => {
    const { run, byName } = await runPipeline(
      pipeline([wait('A', 200), wait('B', 200), wait('C', 1, { dependsOn: [...after('A')!, ...after('B')!] })]),
      { timeScale: 1000 },
    );
    assert.equal(run.status, 'Succeeded');
    const a = byName.get('A')!;
    const b = byName.get('B')!;
    const c = byName.get('C')!;
    assert.ok(Date.parse(b.activityRunStart) < Date.parse(a.activityRunEnd!), 'B started before A ended');
    assert.ok(Date.parse(c.activityRunStart) >= Math.max(Date.parse(a.activityRunEnd!), Date.parse(b.activityRunEnd!)));
  });

  it('skips activities whose dependency conditions are not met, and runs failure and completion paths', async () => {
    const { run, statusOf } = await runPipeline(
      pipeline([
        fail('F'),
        wait('OnSuccess', 1, { dependsOn: after('F') }),
        wait('OnFailure', 1, { dependsOn: after('F', 'Failed') }),
        wait('OnCompletion', 1, { dependsOn: after('F', 'Completed') }),
        wait('OnSkip', 1, { dependsOn: after('OnSuccess', 'Skipped') }),
        wait('AfterSkippedSuccess', 1, { dependsOn: after('OnSuccess') }),
      ]),
    );
    assert.equal(statusOf('F'), 'Failed');
    assert.equal(statusOf('OnSuccess'), 'Skipped');
    assert.equal(statusOf('OnFailure'), 'Succeeded');
    assert.equal(statusOf('OnCompletion'), 'Succeeded');
    assert.equal(statusOf('OnSkip'), 'Succeeded');
    assert.equal(statusOf('AfterSkippedSuccess'), 'Skipped');
    // Leaves: OnFailure, OnCompletion, OnSkip succeeded; AfterSkippedSuccess skipped -> OnSuccess skipped -> F failed.
    assert.equal(run.status, 'Failed');
    assert.equal(run.message, 'Operation on target F failed: boom');
  });

  it('ends Succeeded for try/catch and Failed for a failing leaf, with the error on the activity run', async () => {
    const tryCatch = await runPipeline(
      pipeline([fail('Try'), wait('Catch', 1, { dependsOn: after('Try', 'Failed') })]),
    );
    assert.equal(tryCatch.run.status, 'Succeeded');
    const failed = await runPipeline(
      pipeline([wait('First', 1), fail('Last', 'it broke', { dependsOn: after('First') })]),
    );
    assert.equal(failed.run.status, 'Failed');
    assert.deepEqual(failed.byName.get('Last')!.error, {
      errorCode: 'E42',
      message: 'it broke',
      failureType: 'UserError',
      target: 'Last',
    });
  });

  it('fails an activity of an unsupported type with a clear message instead of skipping it', async () => {
    const { run, byName } = await runPipeline(
      pipeline([
        activity('Copy it', 'Copy', { source: {}, sink: {} }),
        wait('Next', 1, { dependsOn: after('Copy it') }),
      ]),
    );
    const copy = byName.get('Copy it')!;
    assert.equal(copy.status, 'Failed');
    assert.equal(copy.error!.errorCode, 'ActivityTypeNotSupportedByEngine');
    assert.match(copy.error!.message, /Activity type 'Copy' is not supported by the local engine/);
    assert.match(copy.error!.message, /WebActivity/);
    assert.equal(byName.get('Next')!.status, 'Skipped');
    assert.equal(run.status, 'Failed');
  });

  it('matches activity types case-insensitively', async () => {
    const { run } = await runPipeline(pipeline([activity('W', 'wait', { waitTimeInSeconds: 1 })]));
    assert.equal(run.status, 'Succeeded');
  });

  it('does not run Inactive activities and marks them as onInactiveMarkAs says', async () => {
    const { run, byName } = await runPipeline(
      pipeline([
        fail('Off', 'never', { state: 'Inactive' }),
        fail('OffFailed', 'never', { state: 'Inactive', onInactiveMarkAs: 'Failed', dependsOn: after('Off') }),
      ]),
    );
    assert.equal(byName.get('Off')!.status, 'Succeeded');
    assert.equal(byName.get('Off')!.error, undefined);
    assert.equal(byName.get('OffFailed')!.status, 'Failed');
    assert.equal(run.status, 'Failed');
  });

  it('retries a failing activity as its policy says, recording one activity run per attempt', async () => {
    const { run, activities } = await runPipeline(
      pipeline([fail('Flaky', 'nope', { policy: { retry: 2, retryIntervalInSeconds: 1 } })]),
    );
    assert.equal(activities.filter((a) => a.activityName === 'Flaky').length, 3);
    assert.equal(run.status, 'Failed');
  });

  it('fails an activity whose policy timeout runs out', async () => {
    const { byName } = await runPipeline(pipeline([wait('Slow', 10, { policy: { timeout: '0.00:00:01' } })]), {
      timeScale: 1 / 1000,
    });
    assert.equal(byName.get('Slow')!.status, 'Failed');
    assert.equal(byName.get('Slow')!.error!.errorCode, 'ActivityTimedOut');
  });

  it('cancels through an AbortSignal: the run and its running activities end Cancelled, nothing else starts', async () => {
    const controller = new AbortController();
    const e = engine({ timeScale: 1 });
    const handle = e.start({
      pipeline: pipeline([wait('Long', 60), wait('Later', 1, { dependsOn: after('Long') })]),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const run = await handle.completion;
    assert.equal(run.status, 'Cancelled');
    const activities = e.store.activityRunsOf(run.runId);
    assert.deepEqual(
      activities.map((a) => [a.activityName, a.status]),
      [['Long', 'Cancelled']],
    );
    assert.ok(run.durationInMs! < 5000);
  });

  it('cancels a run by id', async () => {
    const e = engine({ timeScale: 1 });
    const handle = e.start({ pipeline: pipeline([wait('Long', 60)]) });
    setTimeout(() => assert.equal(e.cancel(handle.runId), true), 20);
    assert.equal((await handle.completion).status, 'Cancelled');
    assert.equal(e.cancel(handle.runId), false, 'a finished run cannot be cancelled again');
  });

  it('refuses to start with missing or mistyped parameters, naming them', () => {
    const e = engine();
    const definition = pipeline([], {
      parameters: { needed: { type: 'String' }, count: { type: 'Int' }, flag: { type: 'Bool', defaultValue: false } },
    });
    assert.throws(
      () => e.start({ pipeline: definition, parameters: { count: 'x' } }),
      (error: unknown) => {
        assert.ok(error instanceof RunInputError);
        assert.match(error.message, /Missing value for required parameter 'needed'/);
        assert.match(error.message, /Parameter 'count': expected an integer, got 'x'/);
        return true;
      },
    );
    assert.equal(e.store.listPipelineRuns().length, 0);
  });

  it('converts text parameters to their declared types', async () => {
    const e = engine();
    const definition = pipeline([], {
      parameters: {
        n: { type: 'Int' },
        f: { type: 'Float' },
        b: { type: 'Bool' },
        a: { type: 'Array' },
        o: { type: 'Object' },
        s: { type: 'String' },
      },
    });
    const handle = e.start({
      pipeline: definition,
      parameters: { n: '7', f: '1.5', b: 'TRUE', a: '[1,2]', o: '{"k":1}', s: 'x' },
    });
    const run = await handle.completion;
    assert.deepEqual(run.parameters, { n: '7', f: '1.5', b: 'true', a: '[1,2]', o: '{"k":1}', s: 'x' });
  });

  it('keeps SecureString parameter values out of every record', async () => {
    const secret = 'super-secret-value';
    const { run, activities } = await runPipeline(
      pipeline([activity('Set', 'SetVariable', { variableName: 'v', value: `prefix ${secret}` })], {
        parameters: { password: { type: 'SecureString' } },
        variables: { v: { type: 'String' } },
      }),
      {},
      { password: secret },
    );
    assert.equal(run.parameters.password, REDACTED);
    const text = JSON.stringify({ run, activities });
    assert.ok(!text.includes(secret), 'the secret never appears');
    assert.deepEqual(activities[0].output, { name: 'v', value: `prefix ${REDACTED}` });
  });

  it('fails the run with a clear message when dependsOn names an unknown activity', async () => {
    const { run, activities } = await runPipeline(pipeline([wait('A', 1, { dependsOn: after('Ghost') })]));
    assert.equal(run.status, 'Failed');
    assert.match(run.message, /depends on 'Ghost', which is not in the same scope/);
    assert.equal(activities.length, 0);
  });

  it('streams progress events: InProgress before the end, for the pipeline and each activity', async () => {
    const e = engine();
    const events: string[] = [];
    e.store.onEvent((event) =>
      events.push(
        `${event.kind}:${event.kind === 'activityRun' ? event.run.activityName : event.run.pipelineName}:${event.run.status}`,
      ),
    );
    await e.run({ pipeline: pipeline([wait('W', 1)]) });
    assert.equal(events[0], 'pipelineRun:Test:InProgress');
    assert.ok(events.indexOf('activityRun:W:InProgress') < events.indexOf('activityRun:W:Succeeded'));
    assert.equal(events.at(-1), 'pipelineRun:Test:Succeeded');
  });
});
