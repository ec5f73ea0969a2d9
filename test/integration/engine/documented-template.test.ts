// A pipeline shaped like the documented template (the polling loop exits only on Completed or Failed, and no
// Fail activity follows it), built here from the documented contract: on a canceled job it spins until the
// loop's timeout, and on a failed job the run still ends Succeeded. This is why our generator differs.
import assert from 'node:assert/strict';
import type { PipelineResource } from '@azure/arm-datafactory';
import { useEngineEmulator } from './fixture';
import { publishAndRun } from './runs';

const TIME_SCALE = 200;
const LOOP_TIMEOUT = '0.00:05:00';
const LOOP_TIMEOUT_REAL_MS = (5 * 60 * 1000) / TIME_SCALE;
const expression = (value: string): { value: string; type: 'Expression' } => ({ value, type: 'Expression' });

function documentedTemplate(): PipelineResource {
  const msi = { type: 'MSI', resource: 'https://ml.azure.com' };
  return {
    parameters: {
      endpoint_uri: { type: 'String' },
      poll_interval: { type: 'Int', defaultValue: 120 },
      endpoint_input_uri: { type: 'String', defaultValue: 'azureml://datastores/workspaceblobstore/paths/input/' },
      endpoint_input_type: { type: 'String', defaultValue: 'UriFolder' },
      endpoint_output_uri: { type: 'String', defaultValue: 'azureml://datastores/workspaceblobstore/paths/batch/predictions.csv' },
    },
    variables: { job_status: { type: 'String', defaultValue: '' } },
    activities: [
      {
        name: 'Run Batch-Endpoint',
        type: 'WebActivity',
        typeProperties: {
          method: 'POST',
          url: expression('@pipeline().parameters.endpoint_uri'),
          headers: { 'Content-Type': 'application/json' },
          body: expression(
            '{"properties":{"InputData":{"heart_dataset":{"JobInputType":"@{pipeline().parameters.endpoint_input_type}","Uri":"@{pipeline().parameters.endpoint_input_uri}"}},' +
              '"OutputData":{"score":{"JobOutputType":"UriFile","Uri":"@{pipeline().parameters.endpoint_output_uri}"}}}}',
          ),
          authentication: msi,
        },
      },
      {
        name: 'Wait for job',
        type: 'Until',
        dependsOn: [{ activity: 'Run Batch-Endpoint', dependencyConditions: ['Succeeded'] }],
        typeProperties: {
          expression: expression("@or(equals(variables('job_status'), 'Completed'), equals(variables('job_status'), 'Failed'))"),
          timeout: LOOP_TIMEOUT,
          activities: [
            {
              name: 'Check status',
              type: 'WebActivity',
              typeProperties: { method: 'GET', url: expression("@concat(pipeline().parameters.endpoint_uri, '/', activity('Run Batch-Endpoint').output.name)"), authentication: msi },
            },
            {
              name: 'Update job status',
              type: 'SetVariable',
              dependsOn: [{ activity: 'Check status', dependencyConditions: ['Succeeded'] }],
              typeProperties: { variableName: 'job_status', value: expression("@activity('Check status').output.properties.status") },
            },
            {
              name: 'Wait poll interval',
              type: 'Wait',
              dependsOn: [{ activity: 'Update job status', dependencyConditions: ['Succeeded'] }],
              typeProperties: { waitTimeInSeconds: expression('@pipeline().parameters.poll_interval') },
            },
          ],
        },
      },
    ] as never,
  };
}

describe('engine in the emulator: a pipeline shaped like the documented template', function () {
  this.timeout(60_000);
  const fx = useEngineEmulator(TIME_SCALE);

  it('spins until the loop timeout when the job is canceled, and then fails on the timeout, not on the job', async () => {
    const { run, named } = await publishAndRun(fx, 'Documented-cancel', documentedTemplate(), { endpoint_uri: fx.scoringUri('score-cancel'), poll_interval: 10 });
    const loop = named('Wait for job')[0]!;
    assert.equal(loop.status, 'Failed');
    assert.equal((loop.error as { errorCode: string }).errorCode, 'ActivityTimedOut');
    assert.ok(loop.durationInMs! >= LOOP_TIMEOUT_REAL_MS - 50, `the loop ran its whole timeout (${loop.durationInMs} ms of ${LOOP_TIMEOUT_REAL_MS})`);
    const statuses = named('Check status').map((c) => (c.output as { properties?: { status?: string } }).properties?.status).filter(Boolean);
    assert.ok(statuses.length >= 5, `kept polling: ${statuses.length} polls`);
    assert.deepEqual([...new Set(statuses.slice(2))], ['Canceled'], 'the job was Canceled long before the loop gave up');
    assert.equal(run.status, 'Failed');
    assert.match(run.message!, /Operation on target Wait for job failed: .*timed out after 0\.00:05:00/);
    assert.doesNotMatch(run.message!, /Canceled/, "the run's message says nothing about the canceled job");
  });

  it('ends Succeeded although the job failed', async () => {
    const { run, named } = await publishAndRun(fx, 'Documented-fail', documentedTemplate(), { endpoint_uri: fx.scoringUri('score-fail'), poll_interval: 1 });
    assert.equal(run.status, 'Succeeded');
    const lastCheck = named('Check status').at(-1)!;
    assert.equal((lastCheck.output as { properties: { status: string } }).properties.status, 'Failed');
    assert.equal(named('Wait for job')[0]!.status, 'Succeeded');
  });
});
