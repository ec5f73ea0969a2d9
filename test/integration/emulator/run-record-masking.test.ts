// The emulator's own run records mask secrets: whatever an executor reports (here one that writes the canary
// SecureString straight into its activity runs, in every encoding, bypassing the engine's masking), the runs and
// activity runs served through ARM carry none of its forms.
import assert from 'node:assert/strict';
import { createEngineExecutor } from '../../../tools/emulator/engine-executor';
import type { PipelineRunExecutor } from '../../../tools/emulator/pipeline-runs';
import { CANARY_SECRET, revealedCanaryForms } from '../../fixtures/secret-canary';
import { useEngineEmulator } from '../engine/fixture';
import { publishAndRun } from '../engine/runs';

/** The canary in the encodings an expression gives it, computed here (not by the product's secret-forms). */
function encodings(secret: string): Record<string, string> {
  const base64 = Buffer.from(secret).toString('base64');
  return {
    plain: secret,
    url: encodeURIComponent(secret),
    base64,
    base64url: base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
    shiftedBase64: Buffer.from(`x${secret}`).toString('base64'),
    json: JSON.stringify(JSON.stringify({ token: secret })),
    html: secret.replace(/&/g, '&amp;'),
  };
}

/** An executor that leaks on purpose: the secret parameter's value in every encoding, in input, output and error. */
const leakingExecutor: PipelineRunExecutor = {
  async execute(context) {
    const forms = encodings(String(context.parameters.secret));
    const ok = context.startActivityRun({ activityName: 'Leak', activityType: 'SetVariable', input: { forms } });
    ok.succeed({ value: forms, text: `token=${forms.url}` });
    const bad = context.startActivityRun({ activityName: 'LeakFail', activityType: 'WebActivity', input: forms });
    bad.fail({ message: `call with ${forms.plain} and ${forms.base64} failed` }, { body: forms.json });
    return { status: 'Failed', message: `Operation on target LeakFail failed: ${forms.plain}` };
  },
};

describe('emulator: run records mask secrets', function () {
  this.timeout(60_000);
  const fx = useEngineEmulator(200);
  afterEach(() => fx.emulator.setPipelineRunExecutor(createEngineExecutor()));

  it('serves no form of a SecureString value in pipelineRuns.get or queryActivityruns, whatever the executor reports', async () => {
    fx.emulator.setPipelineRunExecutor(leakingExecutor);
    const pipeline = { parameters: { secret: { type: 'SecureString' } }, activities: [] };
    const { run, activities } = await publishAndRun(fx, 'Leaky', { ...pipeline } as never, { secret: CANARY_SECRET });
    assert.equal(run.status, 'Failed');
    assert.deepEqual(
      activities.map((a) => [a.activityName, a.status]),
      [
        ['Leak', 'Succeeded'],
        ['LeakFail', 'Failed'],
      ],
    );
    // The records are there, masked, not dropped.
    assert.match(JSON.stringify(activities[0]!.output), /\*{10}/);
    assert.match(run.message ?? '', /^Operation on target LeakFail failed: \*{10}$/);
    assert.deepEqual(revealedCanaryForms(JSON.stringify({ run, activities })), []);
  });

  it('keeps a plain String parameter as it is (only secrets are masked)', async () => {
    fx.emulator.setPipelineRunExecutor(leakingExecutor);
    const pipeline = { parameters: { secret: { type: 'String' } }, activities: [] };
    const { activities } = await publishAndRun(fx, 'NotSecret', { ...pipeline } as never, { secret: CANARY_SECRET });
    assert.ok(revealedCanaryForms(JSON.stringify(activities)).includes('plain'));
  });
});
