// The emulator's run API backed by the engine: cancel, records in the real API shapes, bad input.
import assert from 'node:assert/strict';
import { ACTIVITY, generateBatchPipeline, toCreateOrUpdateBody } from '../../../src/core/pipeline';
import { CANARY_SECRET, canaryPipelineProperties, revealedCanaryForms } from '../../fixtures/secret-canary';
import { FACTORY, RG, useEngineEmulator } from './fixture';
import { activityRuns, publish, publishAndRun, startRun, waitForRun } from './runs';

describe('engine in the emulator: pipeline runs API', function () {
  this.timeout(60_000);
  const fx = useEngineEmulator(200);

  it('cancels a running pipeline: the run ends Cancelled and so do its running activities', async () => {
    const document = generateBatchPipeline({
      name: 'Slow',
      endpointUri: fx.scoringUri('score-slow'),
      inputUri: 'azureml://datastores/workspaceblobstore/paths/in/',
      pollIntervalSeconds: 1,
      cloud: fx.cloud,
      auth: { kind: 'mi' },
    });
    await publish(fx, 'Slow', toCreateOrUpdateBody(document));
    const runId = await startRun(fx, 'Slow');
    // Wait until the loop has polled at least once.
    for (let i = 0; i < 400; i++) {
      if ((await activityRuns(fx, runId)).some((a) => a.activityName === ACTIVITY.checkStatus)) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await fx.adf.pipelineRuns.cancel(RG, FACTORY, runId);
    const run = await waitForRun(fx, runId);
    assert.equal(run.status, 'Cancelled');
    const activities = await activityRuns(fx, runId);
    assert.equal(activities.find((a) => a.activityName === ACTIVITY.invoke)!.status, 'Succeeded');
    assert.equal(activities.find((a) => a.activityName === ACTIVITY.loop)!.status, 'Cancelled');
    assert.ok(
      activities.every((a) => a.status !== 'InProgress'),
      'nothing is left running',
    );
    const settled = activities.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal((await activityRuns(fx, runId)).length, settled, 'no activity starts after the cancel');
  });

  it('returns activity runs in the API shape with input, output, error, times and durations', async () => {
    const body = {
      parameters: { who: { type: 'String', defaultValue: 'world' } },
      variables: { greeting: { type: 'String' } },
      activities: [
        {
          name: 'Greet',
          type: 'SetVariable',
          typeProperties: { variableName: 'greeting', value: "@concat('hello ', pipeline().parameters.who)" },
        },
        {
          name: 'Stop',
          type: 'Fail',
          dependsOn: [{ activity: 'Greet', dependencyConditions: ['Succeeded'] }],
          typeProperties: { message: "@variables('greeting')", errorCode: 'E1' },
        },
        {
          name: 'Never',
          type: 'Wait',
          dependsOn: [{ activity: 'Stop', dependencyConditions: ['Succeeded'] }],
          typeProperties: { waitTimeInSeconds: 1 },
        },
      ],
    };
    const { run, named } = await publishAndRun(fx, 'Shapes', body as never, { who: 'engine' });
    assert.equal(run.status, 'Failed');
    assert.equal(run.message, 'Operation on target Stop failed: hello engine');
    assert.deepEqual(run.parameters, { who: 'engine' });
    assert.ok(run.runEnd && run.durationInMs !== undefined);
    const greet = named('Greet')[0]!;
    assert.equal(greet.status, 'Succeeded');
    assert.deepEqual(greet.input, { variableName: 'greeting', value: 'hello engine' });
    assert.deepEqual(greet.output, { name: 'greeting', value: 'hello engine' });
    assert.ok(greet.activityRunStart instanceof Date && greet.activityRunEnd instanceof Date);
    const stop = named('Stop')[0]!;
    assert.deepEqual(stop.error, {
      errorCode: 'E1',
      message: 'hello engine',
      failureType: 'UserError',
      target: 'Stop',
      details: '',
    });
    assert.equal(named('Never')[0]!.status, 'Skipped');
  });

  it('keeps the canary SecureString out of queryActivityruns and the run record in every encoding', async () => {
    const { run, activities } = await publishAndRun(fx, 'Canary', { ...canaryPipelineProperties() } as never, {
      secret: CANARY_SECRET,
    });
    assert.equal(run.status, 'Succeeded', run.message);
    assert.equal(activities.length, 7);
    assert.ok(
      activities.every((a) => a.output !== undefined),
      'every step recorded an output',
    );
    assert.deepEqual(revealedCanaryForms(JSON.stringify({ run, activities })), []);
  });

  it('fails a run whose activity type the engine does not support, saying so', async () => {
    const body = { activities: [{ name: 'Copy data', type: 'Copy', typeProperties: { source: {}, sink: {} } }] };
    const { run, named } = await publishAndRun(fx, 'Unsupported', body as never);
    assert.equal(run.status, 'Failed');
    assert.match(run.message!, /Activity type 'Copy' is not supported by the local engine/);
    assert.equal((named('Copy data')[0]!.error as { errorCode: string }).errorCode, 'ActivityTypeNotSupportedByEngine');
  });
});
