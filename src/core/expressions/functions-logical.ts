// Logical functions. if(), and() and or() evaluate only the arguments they need, so
// `if(empty(x), 'none', first(x))` does not fail on an empty x.
import { invalidArgument } from './evaluation-error';
import { booleanArg, eager, lazy, type CallEnvironment, type FunctionImplementations } from './function-types';
import { compareValues, describeValue, valuesEqual, type Value } from './values';

function condition(value: Value, env: CallEnvironment, index: number): boolean {
  if (typeof value !== 'boolean') {
    throw invalidArgument(
      `${env.name}() expects its ${index === 0 ? 'first' : 'second'} argument to be a boolean, not ${describeValue(value)}`,
    );
  }
  return value;
}

export const LOGICAL_FUNCTIONS: FunctionImplementations = {
  and: lazy(2, 2, ([left, right], env) => condition(left(), env, 0) && condition(right(), env, 1)),
  or: lazy(2, 2, ([left, right], env) => condition(left(), env, 0) || condition(right(), env, 1)),
  if: lazy(3, 3, ([test, whenTrue, whenFalse], env) => (condition(test(), env, 0) ? whenTrue() : whenFalse())),
  not: eager(1, 1, (args, env) => !booleanArg(args, 0, env)),
  equals: eager(2, 2, ([a, b]) => valuesEqual(a, b)),
  greater: eager(2, 2, ([a, b], env) => compareValues(a, b, env.name) > 0),
  greaterOrEquals: eager(2, 2, ([a, b], env) => compareValues(a, b, env.name) >= 0),
  less: eager(2, 2, ([a, b], env) => compareValues(a, b, env.name) < 0),
  lessOrEquals: eager(2, 2, ([a, b], env) => compareValues(a, b, env.name) <= 0),
};
