import * as assert from 'node:assert/strict';
import {
  EvaluationError,
  evaluateString,
  FUNCTIONS,
  functionTypes,
  parameterType,
  type TypeKind,
} from '../../../src/core/expressions';
import { activity, codesOf, covered, only, pipeline, problemsOf, text } from './helpers';

const setVar = (variable: string, value: string): ReturnType<typeof activity> =>
  activity(`Set ${variable}`, 'SetVariable', { variableName: variable, value: { value, type: 'Expression' } });

const VARIABLES = {
  variables: { s: { type: 'String' }, b: { type: 'Boolean' }, a: { type: 'Array' }, i: { type: 'Integer' } },
};

function failsToEvaluate(expression: string): boolean {
  try {
    evaluateString(expression, {});
    return false;
  } catch (error) {
    return error instanceof EvaluationError && error.code !== 'unsupported-function';
  }
}

describe('validator: static types (ADF510, ADF511)', () => {
  it('ADF510: a function given an argument of a type it does not take', () => {
    for (const [expression, argument] of [
      ["@add('a', 1)", "'a'"],
      ['@toLower(1)', '1'],
      ["@if('true', 1, 2)", "'true'"],
      ['@substring(true, 0, 1)', 'true'],
      ["@not(length('abc'))", "length('abc')"],
      ["@toUpper(variables('a'))", "variables('a')"],
      ['@and(pipeline().parameters.p, true)', 'pipeline().parameters.p'],
      ["@join(split('a,b', ','), 1)", '1'],
    ]) {
      const source = text(pipeline([setVar('s', expression)], { ...VARIABLES, parameters: { p: { type: 'String' } } }));
      const problem = only(problemsOf(source), 'ADF510');
      assert.equal(problem.severity, 'error');
      assert.equal(covered(source, problem), argument, expression);
    }
  });

  it('ADF510: unknown types and what ADF converts are never reported', () => {
    const source = pipeline(
      [
        setVar('s', "@concat('n', 1, true, variables('a'))"),
        setVar('s', "@toLower(activity('Missing').output.value)"),
        setVar('s', '@toLower(json(\'"A"\'))'),
        setVar('s', '@toLower(pipeline().parameters.obj)'),
        setVar('s', "@string(add(int('1'), float('2.5')))"),
        setVar('s', "@substring('abc', div(2, 2), 1)"),
        setVar('s', "@addDays('2024-01-01', 1.0)"),
        setVar('s', "@string(if(equals(1, 1), 'a', 'b'))"),
        setVar('s', "@toLower(coalesce(null, 'A'))"),
        setVar('s', "@toLower(xpath(xml('<a>B</a>'), 'string(/a)'))"),
      ],
      { ...VARIABLES, parameters: { obj: { type: 'Object' } } },
    );
    assert.deepEqual(
      codesOf(source).filter((c) => c === 'ADF510' || c === 'ADF511'),
      [],
    );
  });

  it('ADF511: If, Until and Filter conditions must be Boolean, ForEach items an Array, Switch on a String, Wait an integer', () => {
    const cases: [ReturnType<typeof activity>, string][] = [
      [activity('If', 'IfCondition', { expression: { value: "@concat('a', 'b')", type: 'Expression' } }), 'expression'],
      [activity('Loop', 'Until', { expression: { value: "@variables('s')", type: 'Expression' } }), 'expression'],
      [activity('Each', 'ForEach', { items: { value: "@string('a,b')", type: 'Expression' } }), 'items'],
      [activity('Pick', 'Switch', { on: { value: '@add(1, 2)', type: 'Expression' } }), 'on'],
      [
        activity('Pause', 'Wait', { waitTimeInSeconds: { value: "@toLower('10')", type: 'Expression' } }),
        'waitTimeInSeconds',
      ],
      [activity('Keep', 'Filter', { items: '@createArray(1, 2)', condition: '@item()' }), 'none'],
      [activity('Drop', 'Filter', { items: '@createArray(1, 2)', condition: "@string('x')" }), 'condition'],
    ];
    for (const [target, key] of cases) {
      const problems = problemsOf(pipeline([target], VARIABLES)).filter((p) => p.code === 'ADF511');
      if (key === 'none') assert.deepEqual(problems, [], 'a Filter condition of unknown type is fine');
      else assert.equal(problems.length, 1, `${String(target.type)} ${key}`);
      if (problems[0]) assert.match(problems[0].message, new RegExp(`${key} must be`));
    }
  });

  it('ADF511: the right types pass (the defaults of every container, and integer waits)', () => {
    const fine = pipeline(
      [
        activity('If', 'IfCondition', { expression: { value: "@variables('b')", type: 'Expression' } }),
        activity('Loop', 'Until', { expression: { value: "@equals(variables('s'), 'x')", type: 'Expression' } }),
        activity('Each', 'ForEach', { items: { value: "@split(variables('s'), ',')", type: 'Expression' } }),
        activity('Pick', 'Switch', { on: { value: "@variables('s')", type: 'Expression' } }),
        activity('Pause', 'Wait', { waitTimeInSeconds: { value: '@mul(2, 30)', type: 'Expression' } }),
        activity('Pause2', 'Wait', { waitTimeInSeconds: '@pipeline().parameters.seconds' }),
      ],
      { ...VARIABLES, parameters: { seconds: { type: 'Int' } } },
    );
    assert.deepEqual(
      codesOf(fine).filter((c) => c.startsWith('ADF51')),
      [],
    );
  });

  it("ADF511: Set Variable values must fit the variable's declared type; Append Variable needs an Array", () => {
    const source = text(
      pipeline(
        [
          setVar('s', '@add(1, 2)'),
          setVar('b', "@concat('a', 'b')"),
          setVar('a', "@string('x')"),
          setVar('i', "@toLower('x')"),
          setVar('s', '@string(1)'),
          setVar('b', '@equals(1, 1)'),
          setVar('a', "@split('a', ',')"),
          setVar('i', '@add(1, 2)'),
          activity('Append', 'AppendVariable', { variableName: 's', value: 'x' }),
          activity('Append2', 'AppendVariable', { variableName: 'a', value: 'x' }),
        ],
        VARIABLES,
      ),
    );
    const problems = problemsOf(source).filter((p) => p.code === 'ADF511');
    assert.deepEqual(
      problems.map((p) => covered(source, p)),
      ['@add(1, 2)', "@concat('a', 'b')", "@string('x')", "@toLower('x')", '"s"'],
    );
    assert.match(problems[0].message, /declared as String, but this expression is integer or float/);
    assert.match(problems[4].message, /Append Variable works on Array variables/);
  });

  it('every argument type the table rules out is one the evaluator fails on (no report where ADF would run)', () => {
    // A literal of each kind, and a value the other parameters accept.
    const SAMPLES: Partial<Record<TypeKind, string>> = {
      string: "'2018-01-01T00:00:00Z'",
      int: '1',
      float: '1.5',
      bool: 'true',
      array: 'createArray(1, 2)',
    };
    let checked = 0;
    const runs: string[] = [];
    for (const info of FUNCTIONS) {
      const types = functionTypes(info.name);
      if (!types || info.category === 'system') continue;
      const count = Math.max(info.minArgs, types.params.length);
      const good = Array.from({ length: count }, (_, i) => {
        const type = parameterType(types, i).type;
        const kind = type ? ([...type][0] as TypeKind) : 'string';
        return SAMPLES[kind] ?? SAMPLES.string;
      });
      for (let index = 0; index < count; index++) {
        const expected = parameterType(types, index).type;
        // and() and or() may never evaluate their second argument: the rule leaves it alone.
        if (!expected || (index > 0 && (info.name === 'and' || info.name === 'or'))) continue;
        for (const [kind, sample] of Object.entries(SAMPLES) as [TypeKind, string][]) {
          if (expected.has(kind) || (kind === 'float' && expected.has('int'))) continue;
          const args = good.map((g, i) => (i === index ? sample : g));
          const expression = `@${info.name}(${args.join(', ')})`;
          // The static rule reports it ...
          const source = text(pipeline([setVar('x', expression)], { variables: { x: { type: 'Object' } } }));
          assert.ok(codesOf(source).includes('ADF510'), `${expression} is reported`);
          // ... and the evaluator fails on it, as ADF does.
          if (!failsToEvaluate(expression)) runs.push(expression);
          checked++;
        }
      }
    }
    assert.deepEqual(runs, [], 'reported, yet the evaluator runs them');
    assert.ok(checked > 150, `${checked} combinations checked`);
  });
});
