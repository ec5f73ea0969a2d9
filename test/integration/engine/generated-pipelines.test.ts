// Item 6 of the engine issue: every generated pipeline variant, published to the emulated factory and run by
// the local engine (createRun), ends Succeeded when the batch job completes, and Failed with the job's error
// (or status) when the job fails or is canceled.
import assert from 'node:assert/strict';
import {
  ACTIVITY,
  AUTH_KINDS,
  STATUS_CHECK_FAILED,
  generateBatchPipeline,
  toCreateOrUpdateBody,
  type AuthKind,
  type AuthOptions,
} from '../../../src/core/pipeline';
import { EmulatorControlClient } from '../../../tools/emulator/control-client';
import { CREDENTIAL, IDS, JOB_ERROR, KEY_VAULT_LINKED_SERVICE, SECRET_NAME, useEngineEmulator } from './fixture';
import { publishAndRun, type FinishedRun } from './runs';

const TIME_SCALE = 200;

function authOptions(kind: AuthKind): AuthOptions {
  switch (kind) {
    case 'mi':
      return { kind };
    case 'uami':
      return { kind, credentialName: CREDENTIAL };
    case 'sp-keyvault':
      return {
        kind,
        keyVaultLinkedService: KEY_VAULT_LINKED_SERVICE,
        secretName: SECRET_NAME,
        tenantId: IDS.tenant,
        clientId: IDS.sp.clientId,
      };
    case 'sp-secret':
      return { kind, tenantId: IDS.tenant, clientId: IDS.sp.clientId };
  }
}

describe('engine in the emulator: generated batch endpoint pipelines', function () {
  this.timeout(60_000);
  const fx = useEngineEmulator(TIME_SCALE);

  const control = (): EmulatorControlClient =>
    new EmulatorControlClient(fx.emulator.url, { caCertPem: fx.emulator.caCertPem });

  async function runVariant(
    kind: AuthKind,
    endpointName: string,
    extra: Record<string, unknown> = {},
  ): Promise<FinishedRun> {
    const name = `Run-${kind}-${endpointName}`;
    const document = generateBatchPipeline({
      name,
      endpointUri: fx.scoringUri(endpointName),
      inputUri: 'azureml://datastores/workspaceblobstore/paths/input/',
      pollIntervalSeconds: 1,
      cloud: fx.cloud,
      auth: authOptions(kind),
    });
    // The secret of the Authorize variant is a SecureString parameter with no default: given per run.
    const parameters = { ...(kind === 'sp-secret' ? { client_secret: IDS.sp.secret } : {}), ...extra };
    return publishAndRun(fx, name, toCreateOrUpdateBody(document), parameters);
  }

  for (const kind of AUTH_KINDS) {
    describe(`${kind} variant`, () => {
      it('ends Succeeded when the job completes', async () => {
        const { run, named, activities } = await runVariant(kind, 'score-complete');
        assert.equal(run.status, 'Succeeded', run.message);
        const invoke = named(ACTIVITY.invoke)[0]!;
        assert.equal(invoke.status, 'Succeeded');
        const jobName = (invoke.output as { name: string }).name;
        assert.match(jobName, /^batchjob-/);
        assert.ok(
          (invoke.output as Record<string, unknown>).ADFWebActivityResponseHeaders,
          'Web output carries the response headers',
        );
        const checks = named(ACTIVITY.checkStatus);
        assert.equal(checks.length, 3, 'the job completes on the third status poll');
        assert.deepEqual(
          checks.map((c) => (c.output as { properties: { status: string } }).properties.status).at(-1),
          'Completed',
        );
        assert.equal(named(ACTIVITY.fail).length, 0, 'no Fail activity ran');
        assert.equal(named(ACTIVITY.ifCompleted)[0]!.status, 'Succeeded');
        const text = JSON.stringify(activities);
        assert.ok(!text.includes(IDS.sp.secret), 'the service principal secret never shows in activity runs');
        assert.ok(!/eyJ[\w-]+\.[\w-]+\.[\w-]+/.test(text), 'no token (JWT) shows in activity runs');
        if (kind === 'sp-secret') {
          assert.equal(named(ACTIVITY.authorize)[0]!.status, 'Succeeded');
          assert.deepEqual(named(ACTIVITY.authorize)[0]!.output, {}, 'secureOutput hides the token');
        }
      });

      it("ends Failed with the job's error message when the job fails", async () => {
        const { run, named } = await runVariant(kind, 'score-fail');
        assert.equal(run.status, 'Failed');
        assert.ok(run.message?.includes(JOB_ERROR), `pipeline message carries the job error: ${run.message}`);
        assert.match(run.message!, /ended with status Failed/);
        const failRun = named(ACTIVITY.fail)[0]!;
        assert.equal(failRun.status, 'Failed');
        assert.equal((failRun.error as { errorCode: string }).errorCode, 'BatchJobFailed');
      });

      for (const status of [403, 404]) {
        it(`ends Failed within one poll with the HTTP error when the status check answers ${status} every time`, async () => {
          // ADF keeps an Until going after an inner failure: without the failure path this would poll until the
          // 12-hour loop timeout. The check's own retries (3) happen inside the one iteration.
          await control().addFault({ route: 'ml.batchJobs.get', method: 'GET', kind: 'status', status, count: 1000 });
          const { run, named } = await runVariant(kind, 'score-complete');
          assert.equal(run.status, 'Failed');
          assert.match(
            run.message!,
            new RegExp(`Could not read the status of batch job batchjob-[^:]+: .*${status}`),
            run.message,
          );
          assert.match(run.message!, /Injected fault/, 'the HTTP error of the status call reaches the run message');
          const checks = named(ACTIVITY.checkStatus);
          assert.ok(
            checks.length >= 1 && checks.length <= 4,
            `one iteration (with the check's retries): ${checks.length} attempts`,
          );
          assert.ok(checks.every((c) => c.status === 'Failed'));
          assert.equal(named(ACTIVITY.setCheckFailed)[0]!.status, 'Succeeded');
          assert.equal(named(ACTIVITY.loop)[0]!.status, 'Failed', 'the loop ends on the failed iteration');
          assert.equal(
            (named(ACTIVITY.fail)[0]!.error as { errorCode: string }).errorCode,
            `BatchJob${STATUS_CHECK_FAILED}`,
          );
        });
      }

      it('ends Failed with the job status when the job is canceled', async () => {
        const { run, named } = await runVariant(kind, 'score-cancel');
        assert.equal(run.status, 'Failed');
        assert.match(run.message!, /ended with status Canceled/);
        assert.equal(named(ACTIVITY.checkStatus).length, 2, 'the loop stops on Canceled');
        assert.equal((named(ACTIVITY.fail)[0]!.error as { errorCode: string }).errorCode, 'BatchJobCanceled');
      });
    });
  }

  it('a parameter value with ", \\, a newline and a tab reaches the batch job as the same string', async () => {
    const inputUri = 'https://steng.blob.core.windows.net/in/a "quoted" folder\\with\\backslashes/line\nbreak\ttab/';
    const { run } = await runVariant('mi', 'score-complete', { endpoint_input_uri: inputUri });
    assert.equal(run.status, 'Succeeded', run.message);
    const jobs = await control().jobs();
    assert.equal(jobs.length, 1);
    assert.equal(Object.values(jobs[0]!.inputs)[0]!.uri, inputUri);
  });
});
