import * as assert from 'node:assert/strict';
import { EvaluationError, evaluateString, findReferences, FUNCTIONS, parseValue, walkParsedValue } from '../../../src/core/expressions';

/** Small deterministic generator (mulberry32) so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['@', '@{', '}', '{', '(', ')', "'", "''", ',', '.', '?', '?.', '[', ']', '-', ' ', '\n', 'concat', 'pipeline()', 'parameters', 'x', '1', '1.5', 'true', 'null', '@@', '"', '\\', '😀', '\u0000'];

function randomValue(next: () => number): string {
  const length = Math.floor(next() * 24);
  let text = next() < 0.6 ? '@' : '';
  for (let i = 0; i < length; i++) {
    text += next() < 0.8 ? PIECES[Math.floor(next() * PIECES.length)] : String.fromCharCode(Math.floor(next() * 0x3000));
  }
  return text;
}

describe('expressions: parser robustness', () => {
  it('never throws and keeps every span inside the value, on 20,000 random strings', () => {
    const next = random(20240611);
    for (let i = 0; i < 20_000; i++) {
      const value = randomValue(next);
      const parsed = parseValue(value);
      const inside = (span: { start: number; end: number }): boolean => span.start >= 0 && span.start <= span.end && span.end <= value.length;
      for (const error of parsed.errors) {
        assert.notEqual(error.code, 'internal-error', `${JSON.stringify(value)}: ${error.message}`);
        assert.ok(inside(error.span), `error span outside ${JSON.stringify(value)}`);
        assert.ok(error.message.length > 0);
      }
      for (const segment of parsed.segments) assert.ok(inside(segment.span), `segment span outside ${JSON.stringify(value)}`);
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
    const samples = ['null', "'x'", "''", '1', '-3', '1.5', 'true', 'createArray(1, 2)', "json('{\"a\": 1}')", "'2018-03-15T13:00:00Z'", "xml('<a>1</a>')"];
    const context = {
      pipeline: { parameters: {} },
      variables: (): unknown => 'v',
      activity: (): { output: unknown } => ({ output: {} }),
      item: (): unknown => 1,
      now: (): Date => new Date('2020-01-01T00:00:00Z'),
    };
    const next = random(7);
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
