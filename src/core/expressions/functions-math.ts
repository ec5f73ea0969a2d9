// Math functions: integers stay integers (div truncates), any float makes the result a float.
import { invalidArgument } from './evaluation-error';
import { eager, integerArg, numberArg, type CallEnvironment, type FunctionImplementations } from './function-types';
import {
  asNumber,
  compareValues,
  describeValue,
  exactInteger,
  fromExactInteger,
  makeNumber,
  type Value,
} from './values';

/** The largest array range() builds, like ADF's own limit. */
const MAX_RANGE = 100_000;

type ExactOperation = (a: bigint, b: bigint) => bigint;

/**
 * Integer arithmetic is 64-bit in ADF (.NET long): when an operand (ticks()) or the result is beyond a
 * double's 2^53, it is computed exactly with BigInt. Beyond 64 bits it falls back to the double.
 */
function exactResult(args: readonly Value[], approximate: number, operation: ExactOperation): Value | undefined {
  if (Number.isSafeInteger(approximate) && typeof args[0] !== 'bigint' && typeof args[1] !== 'bigint') return undefined;
  const a = exactInteger(args[0]);
  const b = exactInteger(args[1]);
  if (a === undefined || b === undefined) return undefined;
  return fromExactInteger(operation(a, b));
}

function arithmetic(operation: (a: number, b: number) => number, exact: ExactOperation) {
  return eager(2, 2, (args, env) => {
    const a = numberArg(args, 0, env);
    const b = numberArg(args, 1, env);
    const result = operation(a.value, b.value);
    if (a.float || b.float) return makeNumber(result, true);
    return exactResult(args, result, exact) ?? result;
  });
}

function extreme(pick: (comparison: number) => boolean) {
  return eager(1, undefined, (args, env) => {
    const items = args.length === 1 && Array.isArray(args[0]) ? (args[0] as Value[]) : args;
    if (items.length === 0) throw invalidArgument(`${env.name}() needs at least one number`);
    let best: Value = undefined;
    for (const item of items) {
      if (!asNumber(item)) throw invalidArgument(`${env.name}() works on numbers, not ${describeValue(item)}`);
      // compareValues compares 64-bit integers (ticks()) exactly; the item is kept as it is (int, float, BigInt).
      if (best === undefined || pick(compareValues(item, best, env.name))) best = item;
    }
    return best;
  });
}

function nonZeroDivisor(args: readonly Value[], env: CallEnvironment): { value: number; float: boolean } {
  const divisor = numberArg(args, 1, env);
  if (divisor.value === 0) throw invalidArgument(`${env.name}() cannot divide by zero`);
  return divisor;
}

export const MATH_FUNCTIONS: FunctionImplementations = {
  add: arithmetic(
    (a, b) => a + b,
    (a, b) => a + b,
  ),
  sub: arithmetic(
    (a, b) => a - b,
    (a, b) => a - b,
  ),
  mul: arithmetic(
    (a, b) => a * b,
    (a, b) => a * b,
  ),
  div: eager(2, 2, (args, env) => {
    const dividend = numberArg(args, 0, env);
    const divisor = nonZeroDivisor(args, env);
    const float = dividend.float || divisor.float;
    if (float) return makeNumber(dividend.value / divisor.value, true);
    const quotient = Math.trunc(dividend.value / divisor.value);
    return exactResult(args, quotient, (a, b) => a / b) ?? quotient;
  }),
  mod: eager(2, 2, (args, env) => {
    const dividend = numberArg(args, 0, env);
    const divisor = nonZeroDivisor(args, env);
    if (dividend.float || divisor.float) return makeNumber(dividend.value % divisor.value, true);
    const remainder = dividend.value % divisor.value;
    return exactResult(args, remainder, (a, b) => a % b) ?? remainder;
  }),
  max: extreme((comparison) => comparison > 0),
  min: extreme((comparison) => comparison < 0),
  rand: eager(2, 2, (args, env) => {
    const min = integerArg(args, 0, env);
    const max = integerArg(args, 1, env);
    if (min > max) throw invalidArgument(`rand() minimum ${min} is greater than its maximum ${max}`);
    return min + Math.floor(env.random() * (max - min));
  }),
  range: eager(2, 2, (args, env) => {
    const start = integerArg(args, 0, env);
    const count = integerArg(args, 1, env);
    if (count < 0) throw invalidArgument(`range() count must not be negative, not ${count}`);
    if (count > MAX_RANGE) throw invalidArgument(`range() count ${count} is above the limit of ${MAX_RANGE}`);
    return Array.from({ length: count }, (_, i) => start + i);
  }),
};
