// Runtime checks for messages coming from a webview (untrusted input): small combinators that either return the
// typed value or throw InvalidMessage with the path of what is wrong. Each feature's protocol builds its own
// checks from these; the generic envelope (protocol.ts) runs them.

export type Check<T> = (value: unknown, path: string) => T;

export class InvalidMessage extends Error {}

const MAX_TEXT = 4096;

export const text =
  (max = MAX_TEXT): Check<string> =>
  (value, path) => {
    if (typeof value !== 'string') throw new InvalidMessage(`${path} must be a string`);
    if (value.length > max) throw new InvalidMessage(`${path} is longer than ${max} characters`);
    return value;
  };

export const oneOf =
  <T extends string>(values: readonly T[]): Check<T> =>
  (value, path) => {
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value))
      throw new InvalidMessage(`${path} must be one of ${values.join(', ')}`);
    return value as T;
  };

export const integer =
  (min: number, max: number): Check<number> =>
  (value, path) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      throw new InvalidMessage(`${path} must be a whole number from ${min} to ${max}`);
    return value;
  };

export const listOf =
  <T>(item: Check<T>, maxItems: number): Check<T[]> =>
  (value, path) => {
    if (!Array.isArray(value)) throw new InvalidMessage(`${path} must be an array`);
    if (value.length > maxItems) throw new InvalidMessage(`${path} has more than ${maxItems} items`);
    return value.map((v, i) => item(v, `${path}[${i}]`));
  };

export function plainObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidMessage(`${path} must be an object`);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new InvalidMessage(`${path} must be a plain object`);
  return value as Record<string, unknown>;
}

/** An object with exactly these keys (each required), nothing else. */
export const shape =
  <T>(fields: { [K in keyof T]: Check<T[K]> }): Check<T> =>
  (value, path) => {
    const object = plainObject(value, path);
    const allowed = Object.keys(fields);
    const extra = Object.keys(object).filter((k) => !allowed.includes(k));
    if (extra.length > 0) throw new InvalidMessage(`${path} has unknown field ${extra[0]}`);
    const result = {} as T;
    for (const key of allowed as Array<keyof T & string>) {
      if (!(key in object)) throw new InvalidMessage(`${path}.${key} is missing`);
      result[key] = fields[key](object[key], `${path}.${key}`);
    }
    return result;
  };

/** No parameters: absent or `{}`. */
export const empty: Check<Record<string, never>> = (value, path) => {
  if (value === undefined) return {};
  const object = plainObject(value, path);
  if (Object.keys(object).length > 0) throw new InvalidMessage(`${path} must be empty`);
  return {};
};

export const stringRecord =
  (maxEntries: number): Check<Record<string, string>> =>
  (value, path) => {
    const object = plainObject(value, path);
    const entries = Object.entries(object);
    if (entries.length > maxEntries) throw new InvalidMessage(`${path} has more than ${maxEntries} entries`);
    const result: Record<string, string> = {};
    for (const [key, v] of entries) {
      if (key.length > 140 || key === '__proto__') throw new InvalidMessage(`${path} has an invalid key`);
      result[key] = text()(v, `${path}.${key}`);
    }
    return result;
  };

/** Any subset of these optional fields, nothing else. */
export const partialOf =
  <T>(fields: { [K in keyof T]-?: Check<T[K]> }): Check<Partial<T>> =>
  (value, path) => {
    const object = plainObject(value, path);
    const result: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(object)) {
      if (!Object.prototype.hasOwnProperty.call(fields, key))
        throw new InvalidMessage(`${path} has unknown field ${key}`);
      result[key] = (fields as Record<string, Check<unknown>>)[key](v, `${path}.${key}`);
    }
    return result as Partial<T>;
  };
