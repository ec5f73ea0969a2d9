// Shared helpers for evaluator tests.
import * as assert from 'node:assert/strict';
import { EvaluationError, evaluateString, type EvaluationContext, type JsonValue } from '../../../src/core/expressions';

/** A fixed clock (the documentation's "suppose today is 2018-04-15 1:00 PM") and fixed randomness. */
export const FIXED: EvaluationContext = {
  now: () => new Date('2018-04-15T13:00:00Z'),
  random: () => 0.5,
  newGuid: () => 'c2ecc88d-88c8-4096-912c-d6f2e2b138ce',
};

/** Evaluates an expression written without its leading @. */
export function ev(expression: string, context: EvaluationContext = FIXED): JsonValue {
  return evaluateString(`@${expression}`, { ...FIXED, ...context });
}

/** Each [expression, expected] pair, compared deeply. */
export function expectAll(cases: readonly [string, JsonValue][], context?: EvaluationContext): void {
  for (const [expression, expected] of cases) assert.deepEqual(ev(expression, context), expected, expression);
}

/** The EvaluationError an expression fails with. */
export function failure(expression: string, context: EvaluationContext = FIXED): EvaluationError {
  try {
    ev(expression, context);
  } catch (error) {
    if (error instanceof EvaluationError) return error;
    throw error;
  }
  assert.fail(`expected ${expression} to fail`);
}
