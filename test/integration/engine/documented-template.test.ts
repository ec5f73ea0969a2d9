// A pipeline shaped like the documented template (the polling loop exits only on Completed or Failed, and no
// Fail activity follows it), built here from the documented contract: on a canceled job it spins until the
// loop's timeout, and on a failed job the run still ends Succeeded. This is why our generator differs.
import assert from 'node:assert/strict';
import type { PipelineResource } from '@azure/arm-datafactory';
import { documentedTemplate as documentedProperties } from '../../fixtures/documented-template';
import { EmulatorControlClient } from '../../../tools/emulator/control-client';
import { useEngineEmulator } from './fixture';
import { publishAndRun } from './runs';

// Scaled so the 5-minute loop lasts 3 s: enough polls to see the cancellation even on a loaded machine.
const TIME_SCALE = 100;
const LOOP_TIMEOUT = '0.00:05:00';
const LOOP_TIMEOUT_REAL_MS = (5 * 60 * 1000) / TIME_SCALE;
const documentedTemplate = (): PipelineResource => documentedProperties(LOOP_TIMEOUT) as PipelineResource;

describe('engine in the emulator: a pipeline shaped like the documented template', function () {
  this.timeout(60_000);
  const fx = useEngineEmulator(TIME_SCALE);

  it('spins until the loop timeout when the job is canceled, and then fails on the timeout, not on the job', async () => {
    const { run, named } = await publishAndRun(fx, 'Documented-cancel', documentedTemplate(), {
      endpoint_uri: fx.scoringUri('score-cancel'),
      poll_interval: 10,
    });
    const loop = named('Wait for job')[0]!;
    assert.equal(loop.status, 'Failed');
    assert.equal((loop.error as { errorCode: string }).errorCode, 'ActivityTimedOut');
    assert.ok(
      loop.durationInMs! >= LOOP_TIMEOUT_REAL_MS - 50,
      `the loop ran its whole timeout (${loop.durationInMs} ms of ${LOOP_TIMEOUT_REAL_MS})`,
    );
    const statuses = named('Check status')
      .map((c) => (c.output as { properties?: { status?: string } }).properties?.status)
      .filter(Boolean);
    assert.ok(statuses.length >= 4, `kept polling: ${statuses.length} polls`);
    assert.deepEqual(
      [...new Set(statuses.slice(2))],
      ['Canceled'],
      'the job was Canceled long before the loop gave up',
    );
    assert.equal(run.status, 'Failed');
    assert.match(run.message!, /Operation on target Wait for job failed: .*timed out after 0\.00:05:00/);
    assert.doesNotMatch(run.message!, /Canceled/, "the run's message says nothing about the canceled job");
  });

  it('ends Succeeded although the job failed', async () => {
    const { run, named } = await publishAndRun(fx, 'Documented-fail', documentedTemplate(), {
      endpoint_uri: fx.scoringUri('score-fail'),
      poll_interval: 1,
    });
    assert.equal(run.status, 'Succeeded');
    const lastCheck = named('Check status').at(-1)!;
    assert.equal((lastCheck.output as { properties: { status: string } }).properties.status, 'Failed');
    assert.equal(named('Wait for job')[0]!.status, 'Succeeded');
  });

  it('keeps polling a status check that answers 403 every time until the loop timeout (an inner failure does not stop an Until)', async () => {
    const control = new EmulatorControlClient(fx.emulator.url, { caCertPem: fx.emulator.caCertPem });
    await control.addFault({ route: 'ml.batchJobs.get', method: 'GET', kind: 'status', status: 403, count: 1000 });
    const { run, named } = await publishAndRun(fx, 'Documented-403', documentedTemplate(), {
      endpoint_uri: fx.scoringUri('score-complete'),
      poll_interval: 10,
    });
    const loop = named('Wait for job')[0]!;
    assert.equal((loop.error as { errorCode: string }).errorCode, 'ActivityTimedOut');
    assert.ok(
      loop.durationInMs! >= LOOP_TIMEOUT_REAL_MS - 50,
      `the loop ran its whole timeout (${loop.durationInMs} ms of ${LOOP_TIMEOUT_REAL_MS})`,
    );
    const checks = named('Check status');
    assert.ok(checks.length >= 5, `kept calling the refused status check: ${checks.length} calls`);
    assert.ok(checks.every((c) => c.status !== 'Succeeded'));
    assert.match(run.message!, /timed out after 0\.00:05:00/);
    assert.doesNotMatch(run.message!, /403/, 'the run reports a timeout, not the HTTP error');
  });
});
