import * as assert from 'node:assert/strict';
import {
  DEFAULT_EVALUATION_BUDGET,
  EvaluationError,
  evaluateString,
  evaluateValue,
} from '../../../src/core/expressions';
import { ev, failure } from './evaluate-helpers';

/** The EvaluationError of a whole value (with its @), with a context. */
function failureOf(value: string, context = {}): EvaluationError {
  try {
    evaluateString(value, context);
  } catch (error) {
    assert.ok(error instanceof EvaluationError, `${value} threw ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${value.slice(0, 60)} to fail`);
}

describe('expressions: budgets and non-finite numbers', () => {
  it('division by a float zero and overflowing results are EvaluationErrors, never NaN or Infinity', () => {
    assert.match(failure('div(1.0, 0.0)').message, /div\(\) cannot divide by zero/);
    assert.match(failure('mod(1, 0.0)').message, /mod\(\) cannot divide by zero/);
    const overflow = failure('mul(1e308, 10.0)');
    assert.equal(overflow.code, 'invalid-argument');
    assert.match(overflow.message, /mul\(\) gives Infinity/);
    assert.match(failure("float('1e400')").message, /float\(\) gives Infinity/);
  });

  it('a join that would build gigabytes fails on the string budget before building it', () => {
    const error = failure("split(join(range(0,100000), string(range(0,1000))), ',')");
    assert.equal(error.code, 'budget-exceeded');
    assert.match(
      error.message,
      /join\(\) would build a string of [\d,]+ characters, over the engine's limit of 4,194,304 characters per value/,
    );
  });

  it('replace, concat, union and split check their result size; interpolation and string() too', () => {
    const budget = { maxStringLength: 1000, maxArrayLength: 100 };
    assert.match(
      failure("replace('aaaaa', 'a', string(range(0, 90)))", { budget }).message,
      /replace\(\) would build a string/,
    );
    assert.match(
      failure('concat(range(0, 60), range(0, 60))', { budget }).message,
      /concat\(\) would build an array of 120 items/,
    );
    assert.match(
      failure('union(range(0, 60), range(100, 60))', { budget }).message,
      /union\(\) would build an array of 120 items/,
    );
    assert.match(
      failure(`split('${'a,'.repeat(150)}', ',')`, { budget }).message,
      /split\(\) would build an array of 151 items/,
    );
    assert.match(
      failureOf('a@{string(range(0, 90))}b@{string(range(0, 90))}@{string(range(0, 90))}@{string(range(0, 90))}', {
        budget,
      }).message,
      /over the engine's limit of 1,000 characters/,
    );
    assert.match(
      failureOf(
        "@{concat('x', string(createArray(string(range(0, 90)), string(range(0, 90)), string(range(0, 90)), string(range(0, 90)))))}",
        { budget },
      ).message,
      /would have more than 1,000 characters/,
    );
    assert.deepEqual(ev('length(union(range(0, 50), range(25, 50)))', { budget }), 75);
  });

  it('the evaluation step budget stops an expression that does too much work', () => {
    const error = failure('length(union(range(0, 100000), range(0, 100000)))', { budget: { maxSteps: 100_000 } });
    assert.equal(error.code, 'budget-exceeded');
    assert.match(error.message, /more than the engine's limit of 100,000 evaluation steps/);
    assert.equal(DEFAULT_EVALUATION_BUDGET.maxSteps, 10_000_000);
  });

  it('union and intersection are hash-based but keep ADF equality (1, 1.0 and true are one value)', () => {
    assert.deepEqual(
      ev(
        'union(createArray(1, 1.0, true, \'a\'), createArray(\'a\', json(\'{"k":1,"j":2}\'), json(\'{"j":2,"k":1.0}\')))',
      ),
      [1, 'a', { k: 1, j: 2 }],
    );
    assert.deepEqual(ev("intersection(createArray(1, 'x', 2, null), createArray(true, null, '1', 'x'))"), [
      1,
      'x',
      null,
    ]);
    assert.equal(ev('length(union(range(0, 100000), range(50000, 100000)))'), 150_000);
    assert.equal(ev('length(intersection(range(0, 100000), range(50000, 100000)))'), 50_000);
  });

  it('a member chain of 100,000 links is evaluated without overflowing the stack', () => {
    let nested: unknown = 'end';
    for (let i = 0; i < 100_000; i++) nested = { a: nested };
    assert.equal(
      evaluateString(`@pipeline().parameters${'.a'.repeat(100_000)}`, {
        pipeline: { parameters: nested as Record<string, unknown> },
      }),
      'end',
    );
  });

  it('values nested too deeply to walk fail as EvaluationError, not RangeError', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    assert.throws(
      () => evaluateValue(deep),
      (error: unknown) => error instanceof EvaluationError && error.code === 'budget-exceeded',
    );
  });
});
