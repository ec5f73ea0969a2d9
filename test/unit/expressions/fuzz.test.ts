import * as assert from 'node:assert/strict';
import {
  EvaluationError,
  evaluateString,
  findReferences,
  FUNCTIONS,
  parseValue,
  walkParsedValue,
} from '../../../src/core/expressions';
import { seededRandom } from '../../support/random';

const PIECES = [
  '@',
  '@{',
  '}',
  '{',
  '(',
  ')',
  "'",
  "''",
  ',',
  '.',
  '?',
  '?.',
  '[',
  ']',
  '-',
  ' ',
  '\n',
  'concat',
  'pipeline()',
  'parameters',
  'x',
  '1',
  '1.5',
  'true',
  'null',
  '@@',
  '"',
  '\\',
  '😀',
  '\u0000',
];

function randomValue(next: () => number): string {
  const length = Math.floor(next() * 24);
  let text = next() < 0.6 ? '@' : '';
  for (let i = 0; i < length; i++) {
    text +=
      next() < 0.8 ? PIECES[Math.floor(next() * PIECES.length)] : String.fromCharCode(Math.floor(next() * 0x3000));
  }
  return text;
}

describe('expressions: parser robustness', () => {
  it('never throws and keeps every span inside the value, on 20,000 random strings', () => {
    const next = seededRandom(20240611);
    for (let i = 0; i < 20_000; i++) {
      const value = randomValue(next);
      const parsed = parseValue(value);
      const inside = (span: { start: number; end: number }): boolean =>
        span.start >= 0 && span.start <= span.end && span.end <= value.length;
      for (const error of parsed.errors) {
        assert.notEqual(error.code, 'internal-error', `${JSON.stringify(value)}: ${error.message}`);
        assert.ok(inside(error.span), `error span outside ${JSON.stringify(value)}`);
        assert.ok(error.message.length > 0);
      }
      for (const segment of parsed.segments)
        assert.ok(inside(segment.span), `segment span outside ${JSON.stringify(value)}`);
      walkParsedValue(parsed, (node) => {
        assert.ok(inside(node.span), `node span outside ${JSON.stringify(value)}`);
      });
      findReferences(parsed, { includeIncomplete: true });
      if (parsed.kind !== 'literal' && parsed.errors.length === 0) {
        assert.ok(parsed.segments.some((s) => s.kind === 'expression' && s.complete && s.node));
      }
    }
  });

  it('every valid expression has no errors and complete segments', () => {
    const parsed = parseValue("@concat(pipeline().parameters.a, '-', string(add(1, 2)))");
    assert.deepEqual(parsed.errors, []);
  });
});

describe('expressions: evaluator robustness', () => {
  it('every function, given arguments of every type, returns a value or throws an EvaluationError', () => {
    const samples = [
      'null',
      "'x'",
      "''",
      '1',
      '-3',
      '1.5',
      'true',
      'createArray(1, 2)',
      'json(\'{"a": 1}\')',
      "'2018-03-15T13:00:00Z'",
      "xml('<a>1</a>')",
    ];
    const context = {
      pipeline: { parameters: {} },
      variables: (): unknown => 'v',
      activity: (): { output: unknown } => ({ output: {} }),
      item: (): unknown => 1,
      now: (): Date => new Date('2020-01-01T00:00:00Z'),
    };
    const next = seededRandom(7);
    let calls = 0;
    for (const info of FUNCTIONS) {
      const counts = new Set([info.minArgs, info.minArgs + 1, info.maxArgs ?? info.minArgs + 2]);
      for (const count of counts) {
        for (let trial = 0; trial < 12; trial++) {
          const args = Array.from({ length: count }, () => samples[Math.floor(next() * samples.length)]);
          const expression = `@${info.name}(${args.join(', ')})`;
          calls++;
          try {
            evaluateString(expression, context);
          } catch (error) {
            assert.ok(error instanceof EvaluationError, `${expression} threw ${String(error)}`);
            assert.ok(error.message.length > 0);
          }
        }
      }
    }
    assert.ok(calls > 2000);
  });
});

/** Every number in a value is finite (JSON cannot carry NaN or Infinity, and ADF never produces them). */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value !== null && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

const LEAVES = [
  'null',
  "'x'",
  "''",
  "','",
  '0',
  '1',
  '-3',
  '0.0',
  '1.5',
  '1e308',
  'true',
  "'2018-03-15T13:00:00Z'",
  'pipeline().parameters',
  'item()',
  "variables('v')",
  "activity('A').output",
];

/** A random call tree up to `depth` levels, sometimes followed by member or index access. */
function randomExpression(next: () => number, depth: number): string {
  if (depth === 0 || next() < 0.25) return LEAVES[Math.floor(next() * LEAVES.length)];
  const info = FUNCTIONS[Math.floor(next() * FUNCTIONS.length)];
  const count = info.minArgs + Math.floor(next() * 3);
  const args = Array.from({ length: count }, () => randomExpression(next, depth - 1));
  const access = ['', '', '', '.a', '?.a', '[0]', "['b']", '?[1]'][Math.floor(next() * 8)];
  return `${info.name}(${args.join(', ')})${access}`;
}

describe('expressions: random expressions (regression for the 100,000-expression fuzz)', () => {
  it('5,000 random call trees (seed 11) return finite JSON values or throw EvaluationError, nothing else', () => {
    const context = {
      pipeline: { parameters: { a: [1, 2], b: { c: 'd' } } },
      variables: (): unknown => ['v', 2.5, { a: 1 }],
      activity: (): { output: unknown } => ({ output: { a: 'text', n: 7 } }),
      item: (): unknown => 3,
      now: (): Date => new Date('2020-01-01T00:00:00Z'),
      random: (): number => 0.5,
      newGuid: (): string => 'c2ecc88d-88c8-4096-912c-d6f2e2b138ce',
      budget: { maxSteps: 200_000 },
    };
    const next = seededRandom(11);
    const outcomes = { value: 0, error: 0 };
    for (let i = 0; i < 5_000; i++) {
      const expression = `@${randomExpression(next, 4)}`;
      try {
        const result = evaluateString(expression, context);
        assert.ok(allFinite(result), `${expression} gave a non-finite number`);
        outcomes.value++;
      } catch (error) {
        assert.ok(error instanceof EvaluationError, `${expression} threw ${String(error)}`);
        assert.ok(error.message.length > 0);
        outcomes.error++;
      }
    }
    assert.ok(outcomes.value > 500 && outcomes.error > 500, JSON.stringify(outcomes));
  });
});
