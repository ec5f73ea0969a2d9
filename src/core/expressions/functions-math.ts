// Math functions: integers stay integers (div truncates), any float makes the result a float.
import { invalidArgument } from './evaluation-error';
import { eager, integerArg, numberArg, type CallEnvironment, type FunctionImplementations } from './function-types';
import { asNumber, describeValue, makeNumber, type Value } from './values';

/** The largest array range() builds, like ADF's own limit. */
const MAX_RANGE = 100_000;

function arithmetic(operation: (a: number, b: number) => number) {
  return eager(2, 2, (args, env) => {
    const a = numberArg(args, 0, env);
    const b = numberArg(args, 1, env);
    return makeNumber(operation(a.value, b.value), a.float || b.float);
  });
}

function extreme(pick: (a: number, b: number) => boolean) {
  return eager(1, undefined, (args, env) => {
    const items = args.length === 1 && Array.isArray(args[0]) ? (args[0] as Value[]) : args;
    if (items.length === 0) throw invalidArgument(`${env.name}() needs at least one number`);
    let best: { value: number; float: boolean } | undefined;
    for (const item of items) {
      const number = asNumber(item);
      if (!number) throw invalidArgument(`${env.name}() works on numbers, not ${describeValue(item)}`);
      if (!best || pick(number.value, best.value)) best = number;
    }
    const found = best as { value: number; float: boolean };
    return makeNumber(found.value, found.float);
  });
}

function nonZeroDivisor(args: readonly Value[], env: CallEnvironment): { value: number; float: boolean } {
  const divisor = numberArg(args, 1, env);
  if (divisor.value === 0) throw invalidArgument(`${env.name}() cannot divide by zero`);
  return divisor;
}

export const MATH_FUNCTIONS: FunctionImplementations = {
  add: arithmetic((a, b) => a + b),
  sub: arithmetic((a, b) => a - b),
  mul: arithmetic((a, b) => a * b),
  div: eager(2, 2, (args, env) => {
    const dividend = numberArg(args, 0, env);
    const divisor = nonZeroDivisor(args, env);
    const float = dividend.float || divisor.float;
    return makeNumber(float ? dividend.value / divisor.value : Math.trunc(dividend.value / divisor.value), float);
  }),
  mod: eager(2, 2, (args, env) => {
    const dividend = numberArg(args, 0, env);
    const divisor = nonZeroDivisor(args, env);
    return makeNumber(dividend.value % divisor.value, dividend.float || divisor.float);
  }),
  max: extreme((a, b) => a > b),
  min: extreme((a, b) => a < b),
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
