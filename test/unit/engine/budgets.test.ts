import assert from 'node:assert/strict';
import { countActivities } from '../../../src/core/engine/budgets';
import { MAX_TIMER_MS, setLongTimeout } from '../../../src/core/engine/clock';
import { entraRefusal } from '../../../src/core/engine/entra-errors';
import { RunStore } from '../../../src/core/engine/run-store';
import type { ActivityRunRecord, PipelineDefinition } from '../../../src/core/engine/types';
import { activity, after, engine, fail, pipeline, runPipeline, StubHttp, wait } from './support';

const expr = (value: string): { value: string; type: 'Expression' } => ({ value, type: 'Expression' });
const resolverOf = (
  ...pipelines: PipelineDefinition[]
): { getPipeline(name: string): Promise<PipelineDefinition> } => ({
  getPipeline: async (name) => pipelines.find((p) => p.name.toLowerCase() === name.toLowerCase())!,
});
const execute = (name: string, child: string): ReturnType<typeof activity> =>
  activity(name, 'ExecutePipeline', { pipeline: { referenceName: child }, waitOnCompletion: true });

describe('engine budgets', () => {
  it('fails a pipeline that executes itself at once, naming the chain', async () => {
    const self = pipeline([execute('Again', 'Loop')], {}, 'Loop');
    const started = Date.now();
    const { run, byName, engine: e } = await runPipeline(self, { pipelines: resolverOf(self) });
    assert.equal(run.status, 'Failed');
    assert.equal(byName.get('Again')!.error!.errorCode, 'BadRequest');
    assert.match(byName.get('Again')!.error!.message, /'Loop' is already running in this chain \(Loop -> Loop\)/);
    assert.equal(e.store.listPipelineRuns().length, 1, 'no child run was started');
    assert.ok(Date.now() - started < 5000);
  });

  it('fails a recursion through other pipelines (A -> B -> A) in the inner Execute Pipeline', async () => {
    const a = pipeline([execute('CallB', 'B')], {}, 'A');
    const b = pipeline([execute('CallA', 'A')], {}, 'B');
    const { run, engine: e } = await runPipeline(a, { pipelines: resolverOf(a, b) });
    assert.equal(run.status, 'Failed');
    assert.match(run.message, /pipeline 'A' is already running in this chain \(A -> B -> A\)/);
    assert.equal(e.store.listPipelineRuns().length, 2);
  });

  it('limits the Execute Pipeline depth with LimitExceeded', async () => {
    const chain = [1, 2, 3, 4].map((n) => pipeline(n < 4 ? [execute(`Call${n + 1}`, `P${n + 1}`)] : [], {}, `P${n}`));
    const { run, engine: e } = await runPipeline(chain[0], {
      pipelines: resolverOf(...chain),
      budgets: { executePipelineDepth: 3 },
    });
    assert.equal(run.status, 'Failed');
    assert.match(run.message, /would nest 4 pipelines \(P1 -> P2 -> P3 -> P4\), more than the engine's limit of 3/);
    const p3 = e.store.listPipelineRuns().find((r) => r.pipelineName === 'P3')!;
    assert.equal(e.store.activityRunsOf(p3.runId)[0].error!.errorCode, 'LimitExceeded');
  });

  it('refuses a pipeline with more activities than the budget (inner ones counted) before it runs', () => {
    const inner = [wait('W1', 0), wait('W2', 0)];
    const definition = pipeline([
      activity('If', 'IfCondition', { expression: expr('@true'), ifTrueActivities: inner, ifFalseActivities: inner }),
    ]);
    assert.throws(
      () => engine({ budgets: { activitiesPerPipeline: 4 } }).start({ pipeline: definition }),
      /more than 4 activities \(inner activities of containers included\)/,
    );
    assert.doesNotThrow(() => engine({ budgets: { activitiesPerPipeline: 5 } }).start({ pipeline: definition }));
    assert.equal(
      countActivities([{ name: 'x', type: 'Switch', typeProperties: { cases: [{ activities: inner }] } }], 9),
      3,
    );
  });

  it('counts 100,000 activities no further than the limit', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => wait(`W${i}`, 0));
    assert.equal(countActivities(many, 1000), 1001);
  });

  it('stops a run tree at the activity-run budget: the activity fails, the loop stops', async () => {
    const loop = activity('Loop', 'Until', { expression: expr('@false'), activities: [wait('Tick', 0)] });
    const { run, byName, activities } = await runPipeline(pipeline([loop]), { budgets: { activityRunsPerRun: 5 } });
    assert.equal(run.status, 'Failed');
    assert.equal(byName.get('Loop')!.error!.errorCode, 'LimitExceeded');
    assert.match(byName.get('Loop')!.error!.message, /limit of 5 activity runs/);
    assert.equal(activities.filter((a) => a.activityName === 'Tick' && a.status === 'Succeeded').length, 4);
    assert.equal(activities.filter((a) => a.activityName === 'Tick' && a.status === 'Failed').length, 1);
  });

  it('shares the activity-run budget with child runs', async () => {
    const child = pipeline([wait('C1', 0), wait('C2', 0, { dependsOn: after('C1') })], {}, 'Child');
    const parent = pipeline([wait('P1', 0), execute('Run', 'Child'), wait('P2', 0, { dependsOn: after('Run') })]);
    const { run, engine: e } = await runPipeline(parent, {
      pipelines: resolverOf(child),
      budgets: { activityRunsPerRun: 3 },
    });
    assert.equal(run.status, 'Failed');
    const childRun = e.store.listPipelineRuns().find((r) => r.pipelineName === 'Child')!;
    const childActivities = e.store.activityRunsOf(childRun.runId);
    assert.equal(childActivities.find((a) => a.activityName === 'C2')!.error!.errorCode, 'LimitExceeded');
  });

  it('fails a ForEach over more items than the budget, without running any', async () => {
    const { byName, activities } = await runPipeline(
      pipeline([activity('Each', 'ForEach', { items: expr('@range(0, 11)'), activities: [wait('W', 0)] })]),
      { budgets: { forEachItems: 10 } },
    );
    assert.equal(byName.get('Each')!.error!.errorCode, 'LimitExceeded');
    assert.match(byName.get('Each')!.error!.message, /11 items, more than ADF's limit of 10 for a ForEach/);
    assert.equal(activities.length, 1);
  });

  it('fails an Until after the iteration budget', async () => {
    const { byName } = await runPipeline(
      pipeline([activity('Loop', 'Until', { expression: expr('@false'), activities: [wait('W', 0)] })]),
      { budgets: { untilIterations: 7 } },
    );
    assert.equal(byName.get('Loop')!.error!.errorCode, 'LimitExceeded');
    assert.match(byName.get('Loop')!.error!.message, /ran 7 iterations, the engine's limit for one Until/);
  });

  it('keeps at most activityRunsKept records per pipeline run and summarises the older ones', async () => {
    const loop = activity('Loop', 'Until', {
      expression: expr("@equals(variables('n'), '30')"),
      activities: [
        activity('Count', 'SetVariable', { variableName: 'n', value: expr("@string(add(int(variables('n')), 1))") }),
      ],
    });
    const {
      run,
      engine: e,
      activities,
    } = await runPipeline(pipeline([loop], { variables: { n: { type: 'String', defaultValue: '0' } } }), {
      budgets: { activityRunsKept: 10 },
    });
    assert.equal(run.status, 'Succeeded');
    assert.equal(activities.length, 10);
    assert.ok(
      activities.some((a) => a.activityName === 'Loop'),
      'the container record stays',
    );
    assert.deepEqual(
      activities.filter((a) => a.activityName === 'Count').map((a) => (a.output as { value: string }).value),
      ['22', '23', '24', '25', '26', '27', '28', '29', '30'],
    );
    assert.deepEqual(e.store.droppedActivityRuns(run.runId), { count: 21, byActivity: { Count: { Succeeded: 21 } } });
  });

  it('keeps records still in progress when dropping', () => {
    const store = new RunStore(2);
    const record = (id: string, status: ActivityRunRecord['status']): ActivityRunRecord => ({
      pipelineName: 'P',
      pipelineRunId: 'run',
      activityName: id,
      activityType: 'Wait',
      activityRunId: id,
      status,
      activityRunStart: new Date(0).toISOString(),
    });
    store.putActivityRun(record('a', 'InProgress'));
    store.putActivityRun(record('b', 'Succeeded'));
    store.putActivityRun(record('c', 'Failed'));
    assert.deepEqual(
      store.activityRunsOf('run').map((r) => r.activityRunId),
      ['a', 'c'],
    );
    assert.equal(store.droppedActivityRuns('run')!.count, 1);
  });

  it('does not retry failures a retry cannot change, whatever policy.retry says', async () => {
    const policy = { retry: 3, retryIntervalInSeconds: 1 };
    const { activities } = await runPipeline(
      pipeline([
        activity('Copy data', 'Copy', {}, { policy }),
        activity('BadExpr', 'Wait', { waitTimeInSeconds: expr('@div(1, 0)') }, { policy }),
        activity('NoProps', 'Wait', {}, { policy }),
        fail('Thrown', 'still failing', { policy }),
      ]),
    );
    const attempts = (name: string): number => activities.filter((a) => a.activityName === name).length;
    assert.equal(attempts('Copy data'), 1, 'ActivityTypeNotSupportedByEngine');
    assert.equal(attempts('BadExpr'), 1, 'InvalidTemplate');
    assert.equal(attempts('NoProps'), 1, 'BadRequest');
    assert.equal(attempts('Thrown'), 4, 'a Fail activity is retried as declared');
  });
});

describe('engine timers and 7-day maximums', () => {
  it('waits longer than 2^31-1 ms in chunks instead of firing at once', async () => {
    let fired = false;
    const cancel = setLongTimeout(() => (fired = true), MAX_TIMER_MS + 10_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(fired, false, 'Node fires an overflowing setTimeout after 1 ms');
    cancel();
    const never = setLongTimeout(() => (fired = true), Infinity);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(fired, false);
    never();
    await new Promise<void>((resolve) => setLongTimeout(resolve, 5));
  });

  it('runs a 30-day Wait as a failure naming the 7-day maximum, not a 1 ms success', async () => {
    const { byName } = await runPipeline(pipeline([wait('Month', 30 * 86_400)]), { timeScale: 1 });
    assert.equal(byName.get('Month')!.status, 'Failed');
    assert.match(byName.get('Month')!.error!.message, /longer than ADF's maximum of 7 days \(604800 seconds\)/);
  });

  it('keeps a 6-day Wait at time scale 0.1 (60 real days, over 2^31-1 ms) waiting until cancelled', async () => {
    const e = engine({ timeScale: 0.1 });
    const handle = e.start({ pipeline: pipeline([wait('Long', 6 * 86_400)]) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(e.store.getPipelineRun(handle.runId)!.status, 'InProgress');
    handle.cancel();
    assert.equal((await handle.completion).status, 'Cancelled');
  });

  it('fails an Until timeout and a policy.timeout over 7 days', async () => {
    const { byName } = await runPipeline(
      pipeline([
        activity('Loop', 'Until', { expression: expr('@true'), timeout: '8.00:00:00', activities: [] }),
        wait('W', 0, { policy: { timeout: '30.00:00:00' } }),
      ]),
    );
    assert.match(byName.get('Loop')!.error!.message, /timeout '8.00:00:00' is longer than ADF's maximum of 7 days/);
    assert.match(byName.get('W')!.error!.message, /policy.timeout 30.00:00:00 is longer than ADF's maximum of 7 days/);
  });

  it('keeps an Until with a 7-day timeout at time scale 1 running (its timer does not overflow)', async () => {
    const e = engine({ timeScale: 1 });
    const loop = activity('Loop', 'Until', {
      expression: expr('@false'),
      timeout: '7.00:00:00',
      activities: [wait('Tick', 0.01)],
    });
    const handle = e.start({ pipeline: pipeline([loop]) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(e.store.getPipelineRun(handle.runId)!.status, 'InProgress');
    handle.cancel();
    assert.equal((await handle.completion).status, 'Cancelled');
  });
});

describe("Entra ID's refusals", () => {
  it('reads the AADSTS code and description from an OAuth error body and from MSAL text, without trace ids', () => {
    const description =
      'AADSTS7000215: Invalid client secret provided. Ensure the secret is the value. Trace ID: 1 Correlation ID: 2 Timestamp: 3';
    assert.equal(
      entraRefusal(JSON.stringify({ error: 'invalid_client', error_description: description })),
      'AADSTS7000215: Invalid client secret provided. Ensure the secret is the value.',
    );
    assert.equal(
      entraRefusal(
        `invalid_client: Error(s): 7000215 - Timestamp: 3 - Description: ${description} - Correlation ID: 2 - Trace ID: 1`,
      ),
      'AADSTS7000215: Invalid client secret provided. Ensure the secret is the value.',
    );
    assert.equal(entraRefusal('{"error":"server_error"}'), undefined);
    assert.equal(entraRefusal('Bad gateway'), undefined);
  });

  it('does not retry a Web activity that Entra ID refused, and shows the refusal instead of the JSON', async () => {
    const body = JSON.stringify({
      error: 'invalid_client',
      error_description: 'AADSTS7000215: Invalid client secret provided. Trace ID: x Correlation ID: y',
    });
    const http = new StubHttp(() => ({ status: 401, body }));
    const { activities } = await runPipeline(
      pipeline([
        activity(
          'Authorize',
          'WebActivity',
          { url: 'https://login.example.test/t/oauth2/token', method: 'POST', body: 'x' },
          { policy: { retry: 2, retryIntervalInSeconds: 1 } },
        ),
      ]),
      { http },
    );
    assert.equal(http.requests.length, 1);
    assert.equal(activities.length, 1);
    assert.match(
      activities[0].error!.message,
      /Response status code: 401\. Entra ID refused the request: AADSTS7000215: Invalid client secret provided\.$/,
    );
  });

  it('still retries a Web activity that failed with an ordinary HTTP error, as policy.retry declares', async () => {
    const http = new StubHttp(() => ({ status: 403, body: '{"error":{"code":"AuthorizationFailed"}}' }));
    await runPipeline(
      pipeline([
        activity(
          'Call',
          'WebActivity',
          { url: 'https://api.example.test/', method: 'GET' },
          { policy: { retry: 2, retryIntervalInSeconds: 1 } },
        ),
      ]),
      { http },
    );
    assert.equal(http.requests.length, 3);
  });
});
