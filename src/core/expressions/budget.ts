// Limits on what one expression may build or do, so that a hostile or mistaken expression fails its activity
// with an EvaluationError instead of exhausting the process (docs/engine.md, "Budgets").
import { EvaluationError } from './evaluation-error';
import { isContentValue, typeOf, type Value } from './values';

export interface EvaluationBudget {
  /** Evaluation steps per expression: one per node, plus one per array item or 64 characters handled. */
  readonly maxSteps: number;
  /** Characters in one string value. */
  readonly maxStringLength: number;
  /** Items in one array value. */
  readonly maxArrayLength: number;
}

export const DEFAULT_EVALUATION_BUDGET: EvaluationBudget = {
  maxSteps: 10_000_000,
  // ADF's largest payload that reaches an expression is a 4 MB Web activity response.
  maxStringLength: 4 * 1024 * 1024,
  // Ten times ADF's 100,000 ForEach items, so that union() or split() of two full lists still fits.
  maxArrayLength: 1_000_000,
};

export function stringTooLong(length: number, budget: EvaluationBudget, what = 'a string'): EvaluationError {
  return new EvaluationError(
    'budget-exceeded',
    `${what} of ${length.toLocaleString('en-US')} characters, over the engine's limit of ${budget.maxStringLength.toLocaleString('en-US')} characters per value`,
  );
}

export function arrayTooLong(length: number, budget: EvaluationBudget, what = 'an array'): EvaluationError {
  return new EvaluationError(
    'budget-exceeded',
    `${what} of ${length.toLocaleString('en-US')} items, over the engine's limit of ${budget.maxArrayLength.toLocaleString('en-US')} items per value`,
  );
}

/** Throws when a value (not its members) is over the size limits. */
export function checkValueSize(value: Value, budget: EvaluationBudget): void {
  if (typeof value === 'string' && value.length > budget.maxStringLength) throw stringTooLong(value.length, budget);
  if (Array.isArray(value) && value.length > budget.maxArrayLength) throw arrayTooLong(value.length, budget);
}

/** Throws when the text of a value (its compact JSON; counted low) would be over the string limit; stops early. */
export function checkTextSize(value: Value, budget: EvaluationBudget): void {
  let total = 0;
  const pending: Value[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    const type = typeOf(current);
    if (type === 'string') total += (current as string).length + 2;
    else if (isContentValue(current)) total += current.$content.length;
    else if (type === 'array') {
      total += (current as Value[]).length + 1;
      for (const item of current as Value[]) pending.push(item);
    } else if (type === 'object') {
      for (const [key, item] of Object.entries(current as Record<string, Value>)) {
        total += key.length + 4;
        pending.push(item);
      }
    } else total += 1;
    if (total > budget.maxStringLength) {
      throw new EvaluationError(
        'budget-exceeded',
        `the text of this value would have more than ${budget.maxStringLength.toLocaleString('en-US')} characters, the engine's limit per value`,
      );
    }
  }
}

/** The work a value stands for, in steps: its items, or its characters in blocks of 64. */
export function sizeInSteps(value: Value): number {
  if (typeof value === 'string') return Math.ceil(value.length / 64);
  if (Array.isArray(value)) return value.length;
  return 0;
}
