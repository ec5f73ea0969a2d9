// The shape of function implementations and the argument helpers they share.
import type { EvaluationBudget } from './budget';
import type { EvaluationContext } from './evaluation-context';
import { invalidArgument } from './evaluation-error';
import { asNumber, describeValue, isRecord, typeOf, type Value } from './values';

export interface CallEnvironment {
  readonly context: EvaluationContext;
  /** The function name as written in the expression, for messages. */
  readonly name: string;
  now(): Date;
  random(): number;
  newGuid(): string;
  /** The limits this evaluation runs under; functions that build big values check them before building. */
  readonly budget: EvaluationBudget;
}

interface Arity {
  /** What the evaluator accepts, which may be looser than the documentation (concat with one argument). */
  readonly minArgs: number;
  /** undefined: no upper limit. */
  readonly maxArgs: number | undefined;
}

export interface EagerFunction extends Arity {
  readonly lazy?: false;
  call(args: readonly Value[], env: CallEnvironment): Value;
}

/** Gets its arguments unevaluated, e.g. if() evaluates only the branch it returns. */
export interface LazyFunction extends Arity {
  readonly lazy: true;
  call(args: readonly (() => Value)[], env: CallEnvironment): Value;
}

export type FunctionImplementation = EagerFunction | LazyFunction;

/** Implementations keyed by the documented function name (e.g. `utcNow`). */
export type FunctionImplementations = Readonly<Record<string, FunctionImplementation>>;

export function eager(minArgs: number, maxArgs: number | undefined, call: EagerFunction['call']): EagerFunction {
  return { minArgs, maxArgs, call };
}

export function lazy(minArgs: number, maxArgs: number | undefined, call: LazyFunction['call']): LazyFunction {
  return { minArgs, maxArgs, lazy: true, call };
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

function where(env: CallEnvironment, index: number): string {
  return `${env.name}() expects its ${ORDINALS[index] ?? `#${index + 1}`} argument to be`;
}

export function stringArg(args: readonly Value[], index: number, env: CallEnvironment): string {
  const value = args[index];
  if (typeof value !== 'string') throw invalidArgument(`${where(env, index)} a string, not ${describeValue(value)}`);
  return value;
}

export function optionalStringArg(args: readonly Value[], index: number, env: CallEnvironment): string | undefined {
  if (args.length <= index || args[index] === null || args[index] === undefined) return undefined;
  return stringArg(args, index, env);
}

export function numberArg(
  args: readonly Value[],
  index: number,
  env: CallEnvironment,
): { value: number; float: boolean } {
  const number = asNumber(args[index]);
  if (!number) throw invalidArgument(`${where(env, index)} a number, not ${describeValue(args[index])}`);
  return number;
}

export function integerArg(args: readonly Value[], index: number, env: CallEnvironment): number {
  const number = asNumber(args[index]);
  if (!number || !Number.isInteger(number.value)) {
    throw invalidArgument(`${where(env, index)} an integer, not ${describeValue(args[index])}`);
  }
  return number.value;
}

export function booleanArg(args: readonly Value[], index: number, env: CallEnvironment): boolean {
  const value = args[index];
  if (typeof value !== 'boolean') throw invalidArgument(`${where(env, index)} a boolean, not ${describeValue(value)}`);
  return value;
}

export function arrayArg(args: readonly Value[], index: number, env: CallEnvironment): readonly Value[] {
  const value = args[index];
  if (!Array.isArray(value)) throw invalidArgument(`${where(env, index)} an array, not ${describeValue(value)}`);
  return value;
}

export function recordArg(
  args: readonly Value[],
  index: number,
  env: CallEnvironment,
): Readonly<Record<string, Value>> {
  const value = args[index];
  if (!isRecord(value)) throw invalidArgument(`${where(env, index)} an object, not ${describeValue(value)}`);
  return value;
}

/** A string or an array (the collections most functions accept). */
export function sequenceArg(args: readonly Value[], index: number, env: CallEnvironment): string | readonly Value[] {
  const value = args[index];
  const type = typeOf(value);
  if (type !== 'string' && type !== 'array')
    throw invalidArgument(`${where(env, index)} a string or an array, not ${describeValue(value)}`);
  return value as string | readonly Value[];
}
