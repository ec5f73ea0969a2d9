import assert from 'node:assert/strict';
import { activity, after, engine, fail, pipeline, runPipeline, wait } from './support';

const expr = (value: string): { value: string; type: 'Expression' } => ({ value, type: 'Expression' });
const setVar = (name: string, variableName: string, value: unknown, extra = {}): ReturnType<typeof activity> =>
  activity(name, 'SetVariable', { variableName, value }, extra);

describe('engine control activities', () => {
  describe('Wait', () => {
    it('waits waitTimeInSeconds divided by the time scale, and takes expressions', async () => {
      const started = Date.now();
      const { run, byName } = await runPipeline(
        pipeline([activity('W', 'Wait', { waitTimeInSeconds: expr('@pipeline().parameters.seconds') })], {
          parameters: { seconds: { type: 'Int', defaultValue: 100 } },
        }),
        { timeScale: 1000 },
      );
      const elapsed = Date.now() - started;
      assert.equal(run.status, 'Succeeded');
      assert.ok(elapsed >= 90 && elapsed < 2000, `100 s at 1000x took ${elapsed} ms`);
      assert.deepEqual(byName.get('W')!.input, { waitTimeInSeconds: 100 });
    });
  });

  describe('SetVariable and AppendVariable', () => {
    it('sets variables that later expressions read, and appends to arrays', async () => {
      const {
        run,
        byName,
        engine: e,
      } = await runPipeline(
        pipeline(
          [
            setVar('Set', 'greeting', "@concat('hello ', pipeline().parameters.who)"),
            activity(
              'Append1',
              'AppendVariable',
              { variableName: 'list', value: "@variables('greeting')" },
              { dependsOn: after('Set') },
            ),
            activity('Append2', 'AppendVariable', { variableName: 'list', value: 2 }, { dependsOn: after('Append1') }),
            setVar('Count', 'count', "@string(length(variables('list')))", { dependsOn: after('Append2') }),
          ],
          {
            parameters: { who: { type: 'String' } },
            variables: { greeting: { type: 'String' }, list: { type: 'Array' }, count: { type: 'String' } },
          },
        ),
        {},
        { who: 'world' },
      );
      assert.equal(run.status, 'Succeeded');
      assert.deepEqual(byName.get('Set')!.output, { name: 'greeting', value: 'hello world' });
      assert.deepEqual(byName.get('Count')!.output, { name: 'count', value: '2' });
      assert.ok(e);
    });

    it('fails on an undeclared variable, a value of the wrong type, and appending to a non-array', async () => {
      const { byName } = await runPipeline(
        pipeline(
          [
            setVar('Undeclared', 'nope', 'x'),
            setVar('WrongType', 's', '@createArray(1)'),
            activity('AppendString', 'AppendVariable', { variableName: 's', value: 'x' }),
          ],
          {
            variables: { s: { type: 'String' } },
          },
        ),
      );
      assert.match(byName.get('Undeclared')!.error!.message, /The variable 'nope' is not declared/);
      assert.match(
        byName.get('WrongType')!.error!.message,
        /the variable 's' of type 'String' cannot be set to an array/,
      );
      assert.match(
        byName.get('AppendString')!.error!.message,
        /AppendVariable needs an Array variable, but 's' is String/,
      );
    });

    it('sets the pipeline return value, which Execute Pipeline hands to the parent', async () => {
      const child = pipeline(
        [
          activity('Return', 'SetVariable', {
            variableName: 'pipelineReturnValue',
            setSystemVariable: true,
            value: [
              { key: 'answer', value: { type: 'Int', content: 42 } },
              { key: 'echo', value: { type: 'Expression', content: "concat('got ', pipeline().parameters.x)" } },
            ],
          }),
        ],
        { parameters: { x: { type: 'String' } } },
        'Child',
      );
      const parent = pipeline([
        activity('Call', 'ExecutePipeline', {
          pipeline: { referenceName: 'Child', type: 'PipelineReference' },
          parameters: { x: 'hi' },
          waitOnCompletion: true,
        }),
      ]);
      const { byName } = await runPipeline(parent, {
        pipelines: { getPipeline: async (name) => (name === 'Child' ? child : undefined) },
      });
      const output = byName.get('Call')!.output as Record<string, unknown>;
      assert.deepEqual(output.pipelineReturnValue, { answer: 42, echo: 'got hi' });
    });
  });

  describe('pipeline return values (every documented type, read from the parent)', () => {
    it('returns String, Int, Float, Boolean, Null, Expression (also interpolated), Array (plain and typed items) and nested Object keys', async () => {
      const child = pipeline(
        [
          activity('Return', 'SetVariable', {
            variableName: 'pipelineReturnValue',
            setSystemVariable: true,
            value: [
              { key: 'str', value: { type: 'String', content: 'ADF is awesome' } },
              { key: 'int', value: { type: 'Int', content: 42 } },
              { key: 'float', value: { type: 'Float', content: 2.71828 } },
              { key: 'bool', value: { type: 'Boolean', content: true } },
              { key: 'nothing', value: { type: 'Null', content: null } },
              { key: 'expr', value: { type: 'Expression', content: "@concat('got ', pipeline().parameters.x)" } },
              { key: 'bare', value: { type: 'Expression', content: 'pipeline().parameters.x' } },
              {
                key: 'interpolated',
                value: { type: 'Expression', content: 'The value is @{pipeline().parameters.x}' },
              },
              { key: 'plainArray', value: { type: 'Array', content: ['a', 'b'] } },
              {
                key: 'typedArray',
                value: {
                  type: 'Array',
                  content: [
                    { type: 'String', content: 'c' },
                    { type: 'Int', content: 3 },
                  ],
                },
              },
              {
                key: 'obj',
                value: {
                  type: 'Object',
                  content: [
                    { key: 'inner', value: { type: 'String', content: 'deep' } },
                    {
                      key: 'nested',
                      value: {
                        type: 'Object',
                        content: [{ key: 'leaf', value: { type: 'Expression', content: '@pipeline().parameters.x' } }],
                      },
                    },
                  ],
                },
              },
            ],
          }),
        ],
        { parameters: { x: { type: 'String' } } },
        'Child',
      );
      const parent = pipeline(
        [
          activity('Call', 'ExecutePipeline', {
            pipeline: { referenceName: 'Child', type: 'PipelineReference' },
            parameters: { x: 'hi' },
            waitOnCompletion: true,
          }),
          setVar(
            'ReadInner',
            'out',
            "@concat(activity('Call').output.pipelineReturnValue.obj.inner, '/', activity('Call').output.pipelineReturnValue.obj.nested.leaf, '/', activity('Call').output.pipelineReturnValue.plainArray[1])",
            {
              dependsOn: after('Call'),
            },
          ),
        ],
        { variables: { out: { type: 'String' } } },
      );
      const { run, byName } = await runPipeline(parent, {
        pipelines: { getPipeline: async (name) => (name === 'Child' ? child : undefined) },
      });
      assert.equal(run.status, 'Succeeded', run.message);
      assert.deepEqual((byName.get('Call')!.output as Record<string, unknown>).pipelineReturnValue, {
        str: 'ADF is awesome',
        int: 42,
        float: 2.71828,
        bool: true,
        nothing: null,
        expr: 'got hi',
        bare: 'hi',
        interpolated: 'The value is hi',
        plainArray: ['a', 'b'],
        typedArray: ['c', 3],
        obj: { inner: 'deep', nested: { leaf: 'hi' } },
      });
      assert.deepEqual(byName.get('ReadInner')!.output, { name: 'out', value: 'deep/hi/b' });
    });
  });

  describe('Fail', () => {
    it("follows the docs' fallbacks for an empty message and an empty or non-string error code", async () => {
      const { byName } = await runPipeline(
        pipeline([
          activity('EmptyMessage', 'Fail', { message: expr("@concat('', '')"), errorCode: 'E1' }),
          activity('BlankCode', 'Fail', { message: 'real message', errorCode: expr("@concat(' ', '')") }),
          activity('NumberCode', 'Fail', { message: 'another', errorCode: expr('@add(1, 2)') }),
          activity('Given', 'Fail', { message: 'as given', errorCode: 'E42' }),
        ]),
      );
      assert.deepEqual(byName.get('EmptyMessage')!.error, {
        ...byName.get('EmptyMessage')!.error,
        message: 'Failed to interpret Stop fail message or error code',
        errorCode: 'E1',
      });
      assert.equal(byName.get('BlankCode')!.error!.errorCode, 'ErrorCodeNotString');
      assert.equal(byName.get('BlankCode')!.error!.message, 'real message');
      assert.equal(byName.get('NumberCode')!.error!.errorCode, 'ErrorCodeNotString');
      assert.equal(byName.get('Given')!.error!.errorCode, 'E42');
      assert.equal(byName.get('Given')!.error!.message, 'as given');
    });
  });

  describe('IfCondition and Switch', () => {
    it('runs the branch the expression selects, and fails when the branch fails', async () => {
      const { run, statusOf, activities } = await runPipeline(
        pipeline(
          [
            activity('If', 'IfCondition', {
              expression: expr("@equals(pipeline().parameters.mode, 'a')"),
              ifTrueActivities: [wait('TrueWait', 1)],
              ifFalseActivities: [fail('FalseFail', 'went false')],
            }),
          ],
          { parameters: { mode: { type: 'String', defaultValue: 'a' } } },
        ),
      );
      assert.equal(run.status, 'Succeeded');
      assert.equal(statusOf('TrueWait'), 'Succeeded');
      assert.equal(
        activities.some((a) => a.activityName === 'FalseFail'),
        false,
        'the other branch does not run',
      );
      const ifRun = activities.find((a) => a.activityName === 'If')!;
      assert.deepEqual(activities.find((a) => a.activityName === 'TrueWait')!.parentActivityRunIds, [
        ifRun.activityRunId,
      ]);

      const falsy = await runPipeline(
        pipeline([
          activity('If', 'IfCondition', {
            expression: expr('@equals(1, 2)'),
            ifFalseActivities: [fail('FalseFail', 'went false')],
          }),
        ]),
      );
      assert.equal(falsy.run.status, 'Failed');
      assert.equal(falsy.byName.get('If')!.error!.errorCode, 'ActionFailed');
      assert.equal(
        falsy.byName.get('If')!.error!.message,
        'Activity failed because an inner activity failed; Inner activity name: FalseFail, Error: went false',
      );
      assert.equal(
        falsy.run.message,
        'Operation on target If failed: Activity failed because an inner activity failed; Inner activity name: FalseFail, Error: went false',
      );
    });

    it('fails IfCondition when the expression is not a boolean', async () => {
      const { byName } = await runPipeline(
        pipeline([activity('If', 'IfCondition', { expression: expr("@concat('tr', 'ue')") })]),
      );
      assert.match(byName.get('If')!.error!.message, /must evaluate to a boolean, got a string 'true'/);
      assert.equal(byName.get('If')!.error!.errorCode, 'InvalidTemplate');
    });

    it('runs the matching Switch case, or the default', async () => {
      const switchOn = (value: string): ReturnType<typeof activity> =>
        activity('Switch', 'Switch', {
          on: expr(`@toLower('${value}')`),
          cases: [
            { value: 'red', activities: [setVar('SetRed', 'picked', 'red')] },
            { value: 'blue', activities: [setVar('SetBlue', 'picked', 'blue')] },
          ],
          defaultActivities: [setVar('SetDefault', 'picked', 'default')],
        });
      const variables = { picked: { type: 'String' } };
      const blue = await runPipeline(pipeline([switchOn('BLUE')], { variables }));
      assert.deepEqual(blue.activities.map((a) => a.activityName).sort(), ['SetBlue', 'Switch']);
      const other = await runPipeline(pipeline([switchOn('green')], { variables }));
      assert.ok(other.byName.has('SetDefault'));
    });
  });

  describe('ForEach', () => {
    it('runs sequentially in item order with item()', async () => {
      const { run, activities } = await runPipeline(
        pipeline(
          [
            activity('Each', 'ForEach', {
              items: expr('@createArray(1, 2, 3, 4)'),
              isSequential: true,
              activities: [activity('Collect', 'AppendVariable', { variableName: 'seen', value: '@mul(item(), 10)' })],
            }),
            setVar('Done', 'joined', "@join(variables('seen'), ',')", { dependsOn: after('Each') }),
          ],
          { variables: { seen: { type: 'Array' }, joined: { type: 'String' } } },
        ),
      );
      assert.equal(run.status, 'Succeeded');
      assert.deepEqual(activities.find((a) => a.activityName === 'Done')!.output, {
        name: 'joined',
        value: '10,20,30,40',
      });
      assert.equal(activities.filter((a) => a.activityName === 'Collect').length, 4);
    });

    it('runs at most batchCount iterations at a time in parallel', async () => {
      let running = 0;
      let peak = 0;
      const gauge = async (): Promise<unknown> => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running--;
        return {};
      };
      const { run } = await runPipeline(
        pipeline([
          activity('Each', 'ForEach', {
            items: expr('@range(0, 10)'),
            batchCount: 3,
            activities: [activity('Gauge', 'Gauge')],
          }),
        ]),
        { handlers: new Map([['gauge', gauge]]) },
      );
      assert.equal(run.status, 'Succeeded');
      assert.equal(peak, 3);
    });

    it('runs every iteration even when one fails, then fails', async () => {
      const { run, activities, byName } = await runPipeline(
        pipeline([
          activity('Each', 'ForEach', {
            items: expr('@createArray(1, 2, 3)'),
            isSequential: true,
            activities: [
              activity('Maybe', 'IfCondition', {
                expression: expr('@equals(item(), 2)'),
                ifTrueActivities: [fail('Two', "@concat('item ', string(item()))")],
              }),
            ],
          }),
        ]),
      );
      assert.equal(activities.filter((a) => a.activityName === 'Maybe').length, 3);
      assert.equal(byName.get('Each')!.status, 'Failed');
      assert.match(
        byName.get('Each')!.error!.message,
        /Inner activity name: Maybe, Error: .*Inner activity name: Two, Error: item 2/,
      );
      assert.equal(run.status, 'Failed');
    });

    it('fails when items is not an array', async () => {
      const { byName } = await runPipeline(
        pipeline([activity('Each', 'ForEach', { items: expr("@string('x')"), activities: [] })]),
      );
      assert.match(byName.get('Each')!.error!.message, /items: expected an array, got a string/);
    });
  });

  describe('Filter', () => {
    it('keeps the items whose condition holds and reports the counts', async () => {
      const { byName } = await runPipeline(
        pipeline([activity('F', 'Filter', { items: expr('@range(1, 6)'), condition: expr('@greater(item(), 3)') })]),
      );
      assert.deepEqual(byName.get('F')!.output, { ItemsCount: 6, FilteredItemsCount: 3, Value: [4, 5, 6] });
    });
  });

  describe('Until', () => {
    it('repeats its activities until the expression holds (checked after each iteration)', async () => {
      const { run, activities, byName } = await runPipeline(
        pipeline(
          [
            activity('Loop', 'Until', {
              expression: expr("@greaterOrEquals(length(variables('ticks')), 3)"),
              timeout: '0.00:10:00',
              activities: [activity('Tick', 'AppendVariable', { variableName: 'ticks', value: 'x' })],
            }),
          ],
          { variables: { ticks: { type: 'Array' } } },
        ),
      );
      assert.equal(run.status, 'Succeeded');
      assert.equal(activities.filter((a) => a.activityName === 'Tick').length, 3);
      assert.deepEqual(byName.get('Loop')!.input, { timeout: '0.00:10:00' });
    });

    it('fails when the timeout runs out, cancelling the running iteration', async () => {
      const { run, activities, byName } = await runPipeline(
        pipeline([
          activity('Loop', 'Until', {
            expression: expr('@equals(1, 2)'),
            timeout: '0.00:05:00',
            activities: [wait('Poll', 40)],
          }),
        ]),
        { timeScale: 1000 },
      );
      const loop = byName.get('Loop')!;
      assert.equal(loop.status, 'Failed');
      assert.equal(loop.error!.errorCode, 'ActivityTimedOut');
      const polls = activities.filter((a) => a.activityName === 'Poll');
      const completed = polls.filter((p) => p.status === 'Succeeded');
      assert.ok(completed.length >= 2, `polled ${completed.length} times before the timeout`);
      // The iteration running when the timeout strikes is cancelled (unless it had just ended).
      assert.ok(polls.slice(0, -1).every((p) => p.status === 'Succeeded'));
      assert.ok(['Succeeded', 'Cancelled'].includes(polls.at(-1)!.status));
      assert.match(
        loop.error!.message,
        new RegExp(`timed out after 0\\.00:05:00 \\(${completed.length} iterations\\)`),
      );
      assert.equal(run.status, 'Failed');
      assert.ok(loop.durationInMs! >= 290 && loop.durationInMs! < 5000, `300 s at 1000x took ${loop.durationInMs} ms`);
    });

    it('cancels the inner activity that is running when the timeout strikes', async () => {
      const { byName } = await runPipeline(
        pipeline([
          activity('Loop', 'Until', {
            expression: expr('@equals(1, 2)'),
            timeout: '0.00:01:00',
            activities: [wait('Long poll', 3600)],
          }),
        ]),
        { timeScale: 1000 },
      );
      assert.equal(byName.get('Long poll')!.status, 'Cancelled');
      assert.match(byName.get('Loop')!.error!.message, /timed out after 0\.00:01:00 \(0 iterations\)/);
    });

    it('keeps iterating after an inner activity fails (ADF docs), ending with the last iteration status', async () => {
      // Iteration 1 fails (the counter is still 1), later ones succeed; the loop ends once three ticks were appended.
      const { run, byName, activities } = await runPipeline(
        pipeline(
          [
            activity('Loop', 'Until', {
              expression: expr("@equals(length(variables('ticks')), 3)"),
              activities: [
                activity('Tick', 'AppendVariable', { variableName: 'ticks', value: 'x' }),
                activity(
                  'Flaky',
                  'IfCondition',
                  {
                    expression: expr("@equals(length(variables('ticks')), 1)"),
                    ifTrueActivities: [fail('Inner', 'first try broke')],
                  },
                  { dependsOn: after('Tick') },
                ),
              ],
            }),
          ],
          { variables: { ticks: { type: 'Array' } } },
        ),
      );
      assert.equal(activities.filter((a) => a.activityName === 'Tick').length, 3);
      assert.deepEqual(
        activities.filter((a) => a.activityName === 'Flaky').map((a) => a.status),
        ['Failed', 'Succeeded', 'Succeeded'],
      );
      assert.equal(byName.get('Loop')!.status, 'Succeeded');
      assert.equal(run.status, 'Succeeded', run.message);
    });

    it('fails with the inner failure when the iteration that ends the loop failed', async () => {
      const { byName, activities } = await runPipeline(
        pipeline(
          [
            activity('Loop', 'Until', {
              expression: expr("@equals(length(variables('ticks')), 2)"),
              activities: [
                activity('Tick', 'AppendVariable', { variableName: 'ticks', value: 'x' }),
                fail('Inner', 'inner broke', { dependsOn: after('Tick') }),
              ],
            }),
          ],
          { variables: { ticks: { type: 'Array' } } },
        ),
      );
      assert.equal(activities.filter((a) => a.activityName === 'Inner').length, 2);
      assert.equal(byName.get('Loop')!.status, 'Failed');
      assert.match(byName.get('Loop')!.error!.message, /Inner activity name: Inner, Error: inner broke/);
    });

    it('keeps failing iterations going until the timeout', async () => {
      const { byName, activities } = await runPipeline(
        pipeline([
          activity('Loop', 'Until', {
            expression: expr('@equals(1, 2)'),
            timeout: '0.00:01:00',
            activities: [wait('Poll', 10), fail('Inner', 'inner broke', { dependsOn: after('Poll') })],
          }),
        ]),
        { timeScale: 1000 },
      );
      assert.ok(activities.filter((a) => a.activityName === 'Inner').length >= 2);
      assert.equal(byName.get('Loop')!.error!.errorCode, 'ActivityTimedOut');
    });

    it('can read activities outside the loop and its own inner activities', async () => {
      const { run, byName } = await runPipeline(
        pipeline(
          [
            setVar('Before', 'base', 'outer'),
            activity(
              'Loop',
              'Until',
              {
                expression: expr("@equals(activity('Inner').output.value, 'outer!')"),
                activities: [setVar('Inner', 'copy', "@concat(activity('Before').output.value, '!')")],
              },
              { dependsOn: after('Before') },
            ),
          ],
          { variables: { base: { type: 'String' }, copy: { type: 'String' } } },
        ),
      );
      assert.equal(run.status, 'Succeeded', run.message);
      assert.deepEqual(byName.get('Inner')!.output, { name: 'copy', value: 'outer!' });
    });
  });

  describe('ExecutePipeline', () => {
    const child = pipeline(
      [fail('ChildFail', "@concat('child says ', pipeline().parameters.word)")],
      { parameters: { word: { type: 'String' } } },
      'Child',
    );
    const resolver = { getPipeline: async (name: string) => (name.toLowerCase() === 'child' ? child : undefined) };

    it('runs the child pipeline as its own run, invoked by the parent, and fails with the child message', async () => {
      const e = engine({ pipelines: resolver });
      const parent = pipeline(
        [
          activity('Call', 'ExecutePipeline', {
            pipeline: { referenceName: 'Child', type: 'PipelineReference' },
            parameters: { word: "@toUpper('hi')" },
            waitOnCompletion: true,
          }),
        ],
        {},
        'Parent',
      );
      const run = await e.run({ pipeline: parent });
      const runs = e.store.listPipelineRuns();
      const childRun = runs.find((r) => r.pipelineName === 'Child')!;
      assert.equal(childRun.status, 'Failed');
      assert.equal(childRun.invokedBy.invokedByType, 'PipelineActivity');
      assert.equal(childRun.invokedBy.pipelineRunId, run.runId);
      assert.deepEqual(childRun.parameters, { word: 'HI' });
      const call = e.store.activityRunsOf(run.runId)[0];
      assert.equal(call.status, 'Failed');
      assert.equal(call.error!.message, 'Operation on target ChildFail failed: child says HI');
      assert.deepEqual(call.output, { pipelineName: 'Child', pipelineRunId: childRun.runId });
      assert.equal(run.status, 'Failed');
    });

    it('does not wait unless waitOnCompletion is true', async () => {
      const e = engine({ pipelines: resolver });
      const run = await e.run({
        pipeline: pipeline([
          activity('Call', 'ExecutePipeline', { pipeline: { referenceName: 'Child' }, parameters: { word: 'x' } }),
        ]),
      });
      assert.equal(run.status, 'Succeeded');
    });

    it('fails clearly for an unknown pipeline or bad child parameters', async () => {
      const missing = await runPipeline(
        pipeline([
          activity('Call', 'ExecutePipeline', { pipeline: { referenceName: 'Ghost' }, waitOnCompletion: true }),
        ]),
        { pipelines: resolver },
      );
      assert.match(missing.byName.get('Call')!.error!.message, /pipeline 'Ghost' was not found/);
      const badParams = await runPipeline(
        pipeline([
          activity('Call', 'ExecutePipeline', { pipeline: { referenceName: 'Child' }, waitOnCompletion: true }),
        ]),
        { pipelines: resolver },
      );
      assert.match(badParams.byName.get('Call')!.error!.message, /Missing value for required parameter 'word'/);
    });

    it('cancels a waited-for child run with its parent', async () => {
      const slowChild = pipeline([wait('Slow', 60)], {}, 'Child');
      const e = engine({ pipelines: { getPipeline: async () => slowChild }, timeScale: 1 });
      const handle = e.start({
        pipeline: pipeline([
          activity('Call', 'ExecutePipeline', { pipeline: { referenceName: 'Child' }, waitOnCompletion: true }),
        ]),
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      handle.cancel();
      const run = await handle.completion;
      assert.equal(run.status, 'Cancelled');
      const childRun = e.store.listPipelineRuns().find((r) => r.pipelineName === 'Child')!;
      await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(e.store.getPipelineRun(childRun.runId)!.status, 'Cancelled');
    });
  });

  describe('expressions', () => {
    it('fails an activity with InvalidTemplate when an expression cannot be evaluated, naming the property', async () => {
      const { byName } = await runPipeline(
        pipeline([activity('W', 'Wait', { waitTimeInSeconds: '@pipeline().parameters.missing' })]),
      );
      const error = byName.get('W')!.error!;
      assert.equal(error.errorCode, 'InvalidTemplate');
      assert.match(error.message, /Activity 'W', waitTimeInSeconds: .*missing/);
    });

    it('exposes pipeline() system values', async () => {
      const { run, byName } = await runPipeline(
        pipeline(
          [setVar('Ids', 'v', "@concat(pipeline().Pipeline, '|', pipeline().RunId, '|', pipeline().TriggerType)")],
          { variables: { v: { type: 'String' } } },
          'Named',
        ),
      );
      assert.deepEqual(byName.get('Ids')!.output, { name: 'v', value: `Named|${run.runId}|Manual` });
    });

    it('exposes activity status and error to downstream expressions', async () => {
      const { byName } = await runPipeline(
        pipeline(
          [
            fail('F', 'bad thing'),
            setVar('Read', 'v', "@concat(activity('F').status, ': ', activity('F').error.message)", {
              dependsOn: after('F', 'Failed'),
            }),
          ],
          {
            variables: { v: { type: 'String' } },
          },
        ),
      );
      assert.deepEqual(byName.get('Read')!.output, { name: 'v', value: 'Failed: bad thing' });
    });
  });
});
