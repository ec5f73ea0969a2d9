// Collection functions over strings, arrays and (for contains, empty, intersection, union) objects.
import { invalidArgument } from './evaluation-error';
import { arrayArg, eager, integerArg, sequenceArg, stringArg, type CallEnvironment, type FunctionImplementations } from './function-types';
import { describeValue, isRecord, toAdfString, typeOf, valuesEqual, type Value } from './values';

export const COLLECTION_FUNCTIONS: FunctionImplementations = {
  contains: eager(2, 2, (args, env) => {
    const [collection, item] = args;
    const type = typeOf(collection);
    if (type === 'string') {
      if (typeof item !== 'string') throw invalidArgument(`contains() looks for a string inside a string, not ${describeValue(item)}`);
      return (collection as string).includes(item);
    }
    if (type === 'array') return (collection as Value[]).some((element) => valuesEqual(element, item));
    if (type === 'object') {
      if (typeof item !== 'string') throw invalidArgument(`contains() looks for a key (a string) in an object, not ${describeValue(item)}`);
      return Object.prototype.hasOwnProperty.call(collection, item) && (collection as Record<string, Value>)[item] !== undefined;
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
        throw invalidArgument(`${env.name}() expects a string, an array or an object, not ${describeValue(collection)}`);
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
    const items = arrayArg(args, 0, env);
    return items.map(toAdfString).join(stringArg(args, 1, env));
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
      return distinct(head.filter((item) => rest.every((other) => other.some((o) => valuesEqual(o, item)))));
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
    if (kind === 'array') return distinct((args as Value[][]).flat());
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

function distinct(items: readonly Value[]): Value[] {
  const result: Value[] = [];
  for (const item of items) if (!result.some((r) => valuesEqual(r, item))) result.push(item);
  return result;
}
