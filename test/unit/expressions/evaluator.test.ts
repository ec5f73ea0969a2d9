import * as assert from 'node:assert/strict';
import {
  EvaluationError,
  evaluate,
  evaluateNode,
  evaluateString,
  evaluateValue,
  FUNCTIONS,
  isSupportedFunction,
  parseExpression,
  parseValue,
  SUPPORTED_FUNCTIONS,
  type EvaluationContext,
} from '../../../src/core/expressions';
import { ev, failure, FIXED } from './evaluate-helpers';

const RUN: EvaluationContext = {
  ...FIXED,
  pipeline: {
    parameters: {
      myNumber: 42,
      myString: 'foo',
      flag: true,
      list: [1, 2],
      config: { Path: 'in/', nested: { deep: 'x' } },
      ratio: 0.5,
    },
    globalParameters: { 'GP-Int': 7, env: 'dev' },
    RunId: '8b2f2f46-1111-2222-3333-444455556666',
    Pipeline: 'Run-BatchEndpoint',
    DataFactory: 'my-factory',
    TriggerTime: '2024-05-01T10:20:30.1234567Z',
  },
  variables: (name) => (({ counter: 3, status: 'Running', empty: '' }) as Record<string, unknown>)[name],
  activity: (name) =>
    name === 'Lookup Config'
      ? { status: 'Succeeded', output: { firstRow: { Name: 'alpha', Count: 2 }, value: [{ id: 'a' }, { id: 'b' }] } }
      : undefined,
};

describe('expression evaluator: values and interpolation (documented table)', () => {
  it('a whole expression keeps its type; an interpolation always gives a string', () => {
    assert.equal(evaluateString('@pipeline().parameters.myString', RUN), 'foo');
    assert.equal(evaluateString('@{pipeline().parameters.myString}', RUN), 'foo');
    assert.equal(evaluateString('@pipeline().parameters.myNumber', RUN), 42);
    assert.equal(evaluateString('@{pipeline().parameters.myNumber}', RUN), '42');
    assert.equal(evaluateString('Answer is: @{pipeline().parameters.myNumber}', RUN), 'Answer is: 42');
    assert.equal(
      evaluateString("@concat('Answer is: ', string(pipeline().parameters.myNumber))", RUN),
      'Answer is: 42',
    );
    assert.equal(
      evaluateString('Answer is: @@{pipeline().parameters.myNumber}', RUN),
      'Answer is: @{pipeline().parameters.myNumber}',
    );
  });

  it('literals: plain text, @@ escapes and @ elsewhere', () => {
    assert.equal(evaluateString('parameters[1]'), 'parameters[1]');
    assert.equal(evaluateString('@@'), '@');
    assert.equal(evaluateString(' @'), ' @');
    assert.equal(evaluateString('me@contoso.com'), 'me@contoso.com');
  });

  it('interpolation writes booleans as True/False, null as nothing, arrays and objects as compact JSON', () => {
    assert.equal(evaluateString('flag=@{pipeline().parameters.flag}', RUN), 'flag=True');
    assert.equal(evaluateString('[@{coalesce(null)}]', RUN), '[]');
    assert.equal(evaluateString('list=@{pipeline().parameters.list}', RUN), 'list=[1,2]');
    assert.equal(evaluateString('@{pipeline().parameters.config}', RUN), '{"Path":"in/","nested":{"deep":"x"}}');
    assert.equal(evaluateString('ratio=@{pipeline().parameters.ratio}', RUN), 'ratio=0.5');
  });

  it('the dynamic content editor example builds a JSON string', () => {
    const value = '{ \n  "type": "@{if(equals(1, 2), \'Blob\', \'Table\' )}",\n  "name": "@{toUpper(\'myData\')}"\n}';
    assert.deepEqual(JSON.parse(evaluateString(value) as string), { type: 'Table', name: 'MYDATA' });
  });

  it('floats stay floats inside the evaluator and come out as plain numbers', () => {
    assert.equal(ev('mul(1.5, 2)'), 3);
    assert.equal(ev('div(mul(1.5, 2), 2)'), 1.5);
    assert.equal(evaluateString('@{mul(1.5, 2)}'), '3');
    assert.equal(evaluateString('@{createArray(mul(1.5, 2))}'), '[3.0]');
    assert.deepEqual(ev('createArray(float(2), 1)'), [2, 1]);
    assert.equal(typeof (ev('createArray(float(2))') as unknown[])[0], 'number');
  });
});

describe('expression evaluator: context', () => {
  it('pipeline() system variables and parameters', () => {
    assert.equal(ev('pipeline().RunId', RUN), '8b2f2f46-1111-2222-3333-444455556666');
    assert.equal(ev("concat(pipeline().DataFactory, '/', pipeline().Pipeline)", RUN), 'my-factory/Run-BatchEndpoint');
    assert.equal(ev("formatDateTime(pipeline().TriggerTime, 'yyyy/MM/dd')", RUN), '2024/05/01');
    assert.equal(ev("pipeline().globalParameters['GP-Int']", RUN), 7);
    assert.equal(ev('pipeline().parameters.config.nested.deep', RUN), 'x');
  });

  it('property names fall back to a case-insensitive match', () => {
    assert.equal(ev('pipeline().parameters.MYSTRING', RUN), 'foo');
    assert.equal(ev('pipeline().Parameters.config.path', RUN), 'in/');
  });

  it('?. and ?[ give null for missing properties; plain access fails with the available names', () => {
    assert.equal(ev('pipeline().parameters?.missing', RUN), null);
    assert.equal(ev("pipeline().parameters?['missing']", RUN), null);
    assert.equal(ev('pipeline().parameters?.missing?.deeper', RUN), null);
    const error = failure('pipeline().parameters.missing', RUN);
    assert.equal(error.code, 'missing-property');
    assert.match(
      error.message,
      /property 'missing' doesn't exist, available properties are 'myNumber, myString, flag, list, config, ratio'/,
    );
    assert.equal(failure('pipeline().parameters.missing.deeper', RUN).code, 'missing-property');
  });

  it('array indexes', () => {
    assert.equal(ev("activity('Lookup Config').output.value[1].id", RUN), 'b');
    assert.equal(
      ev("activity('Lookup Config').output.value[sub(length(activity('Lookup Config').output.value), 1)].id", RUN),
      'b',
    );
    assert.equal(failure("activity('Lookup Config').output.value[5]", RUN).code, 'index-out-of-range');
    assert.equal(ev("activity('Lookup Config').output.value?[5]", RUN), null);
  });

  it("variables('x')", () => {
    assert.equal(ev("add(variables('counter'), 1)", RUN), 4);
    assert.equal(ev("empty(variables('empty'))", RUN), true);
    const error = failure("variables('nope')", RUN);
    assert.equal(error.code, 'undefined-variable');
    assert.match(error.message, /no variable named 'nope'/);
  });

  it("activity('X') gives the run record; an activity that has not run is an error", () => {
    assert.equal(ev("activity('Lookup Config').output.firstRow.Name", RUN), 'alpha');
    assert.equal(ev("activity('Lookup Config').status", RUN), 'Succeeded');
    const error = failure("activity('Web1').output", RUN);
    assert.equal(error.code, 'unknown-activity');
    assert.match(error.message, /activity\('Web1'\) has no result here/);
  });

  it('item() inside a ForEach, and an error outside', () => {
    assert.equal(ev("concat(item().name, '.csv')", { item: () => ({ name: 'a' }) }), 'a.csv');
    assert.equal(failure('item()').code, 'item-outside-foreach');
  });

  it('dataset(), linkedService() and trigger() only where provided', () => {
    assert.equal(ev('dataset().path', { dataset: () => ({ path: 'p' }) }), 'p');
    assert.equal(ev('trigger().startTime', { trigger: () => ({ startTime: 't' }) }), 't');
    assert.equal(failure('linkedService()').code, 'missing-context');
    assert.equal(failure('pipeline()', {}).code, 'missing-context');
  });
});

describe('expression evaluator: errors', () => {
  it('an unknown function is named, with the span of its name', () => {
    const value = "@concat('a', frobnicate('b'))";
    const parsed = parseValue(value);
    try {
      evaluate(parsed);
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(error instanceof EvaluationError);
      assert.equal(error.code, 'unknown-function');
      assert.equal(error.functionName, 'frobnicate');
      assert.match(error.message, /'frobnicate' is not a known ADF expression function/);
      assert.equal(value.slice(error.span!.start, error.span!.end), 'frobnicate');
    }
  });

  it('evaluateString quotes the expression in the message', () => {
    assert.throws(
      () => evaluateString('@toUpper(1)'),
      /^EvaluationError: The expression '@toUpper\(1\)' cannot be evaluated: toUpper\(\) expects/,
    );
  });

  it('a function that fails reports the span of its call', () => {
    const value = "@concat('x', int('abc'))";
    try {
      evaluateString(value);
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(error instanceof EvaluationError);
      assert.equal(value.slice(error.span!.start, error.span!.end), "int('abc')");
      assert.equal(error.functionName, 'int');
    }
  });

  it('too many arguments', () => {
    const error = failure("toUpper('a', 'b')");
    assert.equal(error.code, 'argument-count');
    assert.match(error.message, /toUpper\(\) takes 1 argument, not 2/);
    assert.match(failure('utcNow(1, 2)').message, /takes 0 to 1 arguments, not 2/);
  });

  it('syntax errors surface as syntax-error with the parser span', () => {
    const value = '@pipeline().globalParameters.GP-Int';
    try {
      evaluateString(value, RUN);
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(error instanceof EvaluationError);
      assert.equal(error.code, 'syntax-error');
      assert.equal(value.slice(error.span!.start, error.span!.end), '-');
      assert.match(error.message, /Unexpected '-'/);
    }
  });
});

describe('expression evaluator: API', () => {
  it('evaluateValue evaluates every string of a JSON value, deeply', () => {
    const body = {
      url: '@{pipeline().parameters.myString}/jobs',
      count: '@pipeline().parameters.myNumber',
      headers: [{ name: 'x', value: "@concat('a', 'b')" }],
      fixed: 5,
      missing: null,
    };
    assert.deepEqual(evaluateValue(body, RUN), {
      url: 'foo/jobs',
      count: 42,
      headers: [{ name: 'x', value: 'ab' }],
      fixed: 5,
      missing: null,
    });
  });

  it('evaluateNode evaluates a bare expression tree', () => {
    const parsed = parseExpression('add(1, 2)');
    assert.equal(evaluateNode(parsed.node!), 3);
  });

  it('SUPPORTED_FUNCTIONS lists every function of the table, system functions included', () => {
    assert.ok(SUPPORTED_FUNCTIONS.includes('utcNow'));
    assert.ok(SUPPORTED_FUNCTIONS.includes('pipeline'));
    assert.ok(isSupportedFunction('FORMATDATETIME'));
    assert.equal(isSupportedFunction('frobnicate'), false);
    const unsupported = FUNCTIONS.filter((f) => !isSupportedFunction(f.name)).map((f) => f.name);
    assert.deepEqual(unsupported, [], `functions in the table without an implementation: ${unsupported.join(', ')}`);
  });

  it('a function in the table without an implementation is reported as unsupported, by name', function () {
    const unimplemented = FUNCTIONS.find((f) => !isSupportedFunction(f.name));
    if (!unimplemented) {
      // Every documented function runs; check the message shape through the error type instead.
      const error = new EvaluationError(
        'unsupported-function',
        "The function 'xpath' is not supported by the local evaluator",
        undefined,
        'xpath',
      );
      assert.equal(error.functionName, 'xpath');
      return;
    }
    const error = failure(`${unimplemented.name}()`);
    assert.equal(error.code, 'unsupported-function');
    assert.match(error.message, new RegExp(`'${unimplemented.name}' is not supported`));
  });
});
