// Connects the engine to the expression evaluator of src/core/expressions.
// PROVISIONAL until the evaluator lands: literals (and `@@` escapes) pass, expressions fail clearly.
import { isExpressionValue } from '../expressions';
import type { EvaluationScope, ExpressionEvaluator } from './expression-port';

export function defaultExpressionEvaluator(): ExpressionEvaluator {
  return { evaluateValue: (value, scope) => evaluateDeep(value, scope) };
}

function evaluateDeep(value: unknown, scope: EvaluationScope): unknown {
  if (typeof value === 'string') {
    if (!isExpressionValue(value)) return value.startsWith('@@') ? value.slice(1) : value;
    throw new Error(`expressions cannot be evaluated yet (no evaluator): ${value}`);
  }
  if (Array.isArray(value)) return value.map((v) => evaluateDeep(v, scope));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateDeep(v, scope)]));
  return value;
}
