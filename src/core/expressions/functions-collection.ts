// Collection functions over strings, arrays and (for contains, empty, intersection, union) objects.
import { invalidArgument } from './evaluation-error';
import {
  arrayArg,
  eager,
  integerArg,
  sequenceArg,
  stringArg,
  type CallEnvironment,
  type FunctionImplementations,
} from './function-types';
import { arrayTooLong } from './budget';
import { joinBounded } from './functions-string';
import { AdfFloat, asNumber, describeValue, isRecord, typeOf, valuesEqual, type Value } from './values';

export const COLLECTION_FUNCTIONS: FunctionImplementations = {
  contains: eager(2, 2, (args, env) => {
    const [collection, item] = args;
    const type = typeOf(collection);
    if (type === 'string') {
      if (typeof item !== 'string')
        throw invalidArgument(`contains() looks for a string inside a string, not ${describeValue(item)}`);
      return (collection as string).includes(item);
    }
    if (type === 'array') return (collection as Value[]).some((element) => valuesEqual(element, item));
    if (type === 'object') {
      if (typeof item !== 'string')
        throw invalidArgument(`contains() looks for a key (a string) in an object, not ${describeValue(item)}`);
      return (
        Object.prototype.hasOwnProperty.call(collection, item) &&
        (collection as Record<string, Value>)[item] !== undefined
      );
    }
    throw invalidArgument(`${env.name}() expects a string, an array or an object, not ${describeValue(collection)}`);
  }),
  empty: eager(1, 1, (args, env) => {
    const [collection] = args;
    switch (typeOf(collection)) {
      case 'null':
        return true;
      case 'string':
      case 'array':
        return (collection as string | Value[]).length === 0;
      case 'object':
        return Object.keys(collection as object).length === 0;
      default:
        throw invalidArgument(
          `${env.name}() expects a string, an array or an object, not ${describeValue(collection)}`,
        );
    }
  }),
  first: eager(1, 1, (args, env) => {
    const collection = sequenceArg(args, 0, env);
    return collection.length === 0 ? null : collection[0];
  }),
  last: eager(1, 1, (args, env) => {
    const collection = sequenceArg(args, 0, env);
    return collection.length === 0 ? null : collection[collection.length - 1];
  }),
  length: eager(1, 1, (args, env) => sequenceArg(args, 0, env).length),
  join: eager(2, 2, (args, env) => {
    return joinBounded(arrayArg(args, 0, env), stringArg(args, 1, env), env);
  }),
  skip: eager(2, 2, (args, env) => {
    const collection = sequenceArg(args, 0, env);
    return collection.slice(Math.max(integerArg(args, 1, env), 0));
  }),
  take: eager(2, 2, (args, env) => {
    const collection = sequenceArg(args, 0, env);
    const count = integerArg(args, 1, env);
    if (count < 0) throw invalidArgument(`take() count must not be negative, not ${count}`);
    return collection.slice(0, count);
  }),
  intersection: eager(1, undefined, (args, env) => {
    const kind = collectionKind(args, env);
    if (kind === 'array') {
      const [head, ...rest] = args as Value[][];
      const others = rest.map((other) => new Set(other.map(setKey)));
      return distinct(head.filter((item) => others.every((keys) => keys.has(setKey(item)))));
    }
    const objects = args as Record<string, Value>[];
    const result: Record<string, Value> = {};
    for (const key of Object.keys(objects[0])) {
      const values = objects.map((o) => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined));
      if (values.every((v) => v !== undefined && valuesEqual(v, values[0]))) result[key] = values[values.length - 1];
    }
    return result;
  }),
  union: eager(1, undefined, (args, env) => {
    const kind = collectionKind(args, env);
    if (kind === 'array') {
      const length = (args as Value[][]).reduce((sum, a) => sum + a.length, 0);
      if (length > env.budget.maxArrayLength)
        throw arrayTooLong(length, env.budget, `${env.name}() would build an array`);
      return distinct((args as Value[][]).flat());
    }
    return Object.assign({}, ...(args as Record<string, Value>[]));
  }),
};

/** intersection() and union() take arrays or objects, all of one kind. */
function collectionKind(args: readonly Value[], env: CallEnvironment): 'array' | 'object' {
  if (args.every((a) => Array.isArray(a))) return 'array';
  if (args.every((a) => isRecord(a))) return 'object';
  const odd = args.find((a) => !Array.isArray(a) && !isRecord(a));
  throw invalidArgument(
    odd === undefined
      ? `${env.name}() takes arrays or objects, not a mix of both`
      : `${env.name}() takes arrays or objects, not ${describeValue(odd)}`,
  );
}

/** The items in first-seen order without repeats (by ADF equality), in linear time through setKey. */
function distinct(items: readonly Value[]): Value[] {
  const seen = new Set<number | string>();
  const result: Value[] = [];
  for (const item of items) {
    const key = setKey(item);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(item);
  }
  return result;
}

/**
 * A Set key equal for two values exactly when valuesEqual() says they are: a safe number (int, float or boolean)
 * (a BigInt as its double, as equalityKey has it)
 * is its own key, which spares building a text per item (union of two 100k ranges); anything else is its
 * equalityKey text, which never equals a number.
 */
function setKey(value: Value): number | string {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof AdfFloat) return value.value;
  return equalityKey(value);
}

/**
 * A text equal for two values exactly when valuesEqual() says they are equal: numbers by value (int and float
 * alike, true and false as 1 and 0), strings as they are, object keys in sorted order.
 */
export function equalityKey(value: Value): string {
  const number = asNumber(value);
  if (number) return `n${number.value}`;
  switch (typeOf(value)) {
    case 'null':
      return 'z';
    case 'boolean':
      return value ? 'n1' : 'n0';
    case 'string':
      return `s${JSON.stringify(value)}`;
    case 'array':
      return `[${(value as Value[]).map(equalityKey).join(',')}]`;
    default: {
      const record = value as Record<string, Value>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${equalityKey(record[k])}`).join(',')}}`;
    }
  }
}
