// ADF's value model on top of JSON values. ADF keeps integers and floats apart (div(5, 2) is 2 but
// div(5.0, 2) is 2.5), which a JS number cannot say for 2.0: such floats travel as AdfFloat inside the
// evaluator and become plain numbers again at its boundary (toPlainValue).
import { invalidArgument } from './evaluation-error';

/** A float whose value happens to be integral (e.g. float('2') or mul(1.5, 2)). */
export class AdfFloat {
  constructor(readonly value: number) {}
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A value during evaluation: JSON-like data from the context, or built by functions (may hold AdfFloat). */
export type Value = unknown;

export type ValueType = 'null' | 'boolean' | 'integer' | 'float' | 'string' | 'array' | 'object';

export function typeOf(value: Value): ValueType {
  if (value === null || value === undefined) return 'null';
  if (value instanceof AdfFloat) return 'float';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'float';
    case 'bigint':
      return 'integer';
    case 'string':
      return 'string';
    default:
      return Array.isArray(value) ? 'array' : 'object';
  }
}

export function isNumber(value: Value): boolean {
  const type = typeOf(value);
  return type === 'integer' || type === 'float';
}

export function isRecord(value: Value): value is Record<string, Value> {
  return typeOf(value) === 'object';
}

/** Binary or XML content as the runtime carries it: { "$content-type": ..., "$content": base64 }. */
export function isContentValue(value: Value): value is { '$content-type': string; $content: string } {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && typeof value.$content === 'string' && typeof value['$content-type'] === 'string';
}

export interface NumberValue {
  readonly value: number;
  readonly float: boolean;
}

/** The number in a value, or undefined when it is not a number. */
export function asNumber(value: Value): NumberValue | undefined {
  if (value instanceof AdfFloat) return { value: value.value, float: true };
  if (typeof value === 'number') return { value, float: !Number.isInteger(value) };
  if (typeof value === 'bigint') return { value: Number(value), float: false };
  return undefined;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * An integer value exactly, as a BigInt: ADF integers are 64-bit (.NET long), and ticks() is above 2^53,
 * where a double drops digits. undefined for floats, non-numbers and numbers already imprecise.
 */
export function exactInteger(value: Value): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  return undefined;
}

/** A 64-bit integer result: a number when a double holds it exactly, else a BigInt; undefined beyond 64 bits. */
export function fromExactInteger(value: bigint): number | bigint | undefined {
  if (value < INT64_MIN || value > INT64_MAX) return undefined;
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/** A number result: integral floats are boxed so that they stay floats. */
export function makeNumber(value: number, float: boolean): Value {
  if (!float) return value;
  return Number.isInteger(value) ? new AdfFloat(value) : value;
}

/** A short description of a value for messages: `string 'abc'`, `integer 3`, `an array`. */
export function describeValue(value: Value): string {
  const type = typeOf(value);
  switch (type) {
    case 'null':
      return 'null';
    case 'string': {
      const text = value as string;
      return `string '${text.length > 40 ? `${text.slice(0, 37)}...` : text}'`;
    }
    case 'integer':
    case 'float':
      return `${type} ${typeof value === 'bigint' ? value.toString() : formatNumber(asNumber(value) as NumberValue)}`;
    case 'boolean':
      return `boolean ${String(value)}`;
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
  }
}

/** Numbers as .NET writes them: integers in full, floats in the shortest round-trip form. */
export function formatNumber(number: NumberValue): string {
  if (!Number.isFinite(number.value))
    return Number.isNaN(number.value) ? 'NaN' : number.value > 0 ? 'Infinity' : '-Infinity';
  if (!number.float) return BigInt(Math.trunc(number.value)).toString();
  return String(number.value).replace('e', 'E');
}

/**
 * The text of a value as ADF puts it into a string (string(), `@{...}`, join): strings as they are,
 * null as '', booleans as True/False (.NET), numbers in full, binary and XML content as its text,
 * arrays and other objects as compact JSON.
 */
export function toAdfString(value: Value): string {
  const type = typeOf(value);
  if (isContentValue(value)) return Buffer.from(value.$content, 'base64').toString('utf8');
  switch (type) {
    case 'null':
      return '';
    case 'string':
      return value as string;
    case 'boolean':
      return value ? 'True' : 'False';
    case 'integer':
    case 'float':
      // A 64-bit integer (ticks()) keeps every digit.
      return typeof value === 'bigint' ? value.toString() : formatNumber(asNumber(value) as NumberValue);
    default:
      return toJsonText(value);
  }
}

/** Compact JSON as ADF writes it; floats keep a decimal point (2.0), like Json.NET. */
export function toJsonText(value: Value): string {
  const type = typeOf(value);
  switch (type) {
    case 'null':
      return 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'integer':
    case 'float': {
      if (typeof value === 'bigint') return value.toString();
      const number = asNumber(value) as NumberValue;
      if (!Number.isFinite(number.value)) return JSON.stringify(formatNumber(number));
      const text = formatNumber(number);
      return number.float && /^-?\d+$/.test(text) ? `${text}.0` : text;
    }
    case 'array':
      return `[${(value as Value[]).map(toJsonText).join(',')}]`;
    case 'object':
      return `{${Object.entries(value as Record<string, Value>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
        .join(',')}}`;
  }
}

/** A value with every AdfFloat turned back into a number and undefined into null: plain JSON data. */
export function toPlainValue(value: Value): JsonValue {
  if (value === undefined || value === null) return null;
  if (value instanceof AdfFloat) return value.value;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.some(needsConversion) ? value.map(toPlainValue) : (value as JsonValue[]);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, Value>);
    if (!entries.some(([, v]) => needsConversion(v))) return value as JsonValue;
    return Object.fromEntries(entries.map(([k, v]) => [k, toPlainValue(v)]));
  }
  return value as JsonValue;
}

function needsConversion(value: Value): boolean {
  if (value === undefined || value instanceof AdfFloat || typeof value === 'bigint') return true;
  if (Array.isArray(value)) return value.some(needsConversion);
  if (value !== null && typeof value === 'object') return Object.values(value).some(needsConversion);
  return false;
}

/**
 * ADF's equality: deep, case-sensitive for strings, numeric across int and float, and true/false
 * equal to 1/0 (the documented `equals(true, 1)` is true).
 */
export function valuesEqual(a: Value, b: Value): boolean {
  const ta = typeOf(a);
  const tb = typeOf(b);
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na && nb) return bothExact(a, b) ? exactInteger(a) === exactInteger(b) : na.value === nb.value;
  if (ta === 'boolean' && nb) return (a ? 1 : 0) === nb.value;
  if (tb === 'boolean' && na) return (b ? 1 : 0) === na.value;
  if (ta !== tb) return false;
  switch (ta) {
    case 'null':
      return true;
    case 'array': {
      const xa = a as Value[];
      const xb = b as Value[];
      return xa.length === xb.length && xa.every((item, i) => valuesEqual(item, xb[i]));
    }
    case 'object': {
      const ea = Object.entries(a as Record<string, Value>).filter(([, v]) => v !== undefined);
      const rb = b as Record<string, Value>;
      const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
      return (
        ea.length === kb.length &&
        ea.every(([k, v]) => Object.prototype.hasOwnProperty.call(rb, k) && valuesEqual(v, rb[k]))
      );
    }
    default:
      return a === b;
  }
}

/** Ordering for greater/less: numbers with numbers, strings with strings (ordinal). */
export function compareValues(a: Value, b: Value, functionName: string): number {
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na && nb && bothExact(a, b)) {
    const [ia, ib] = [exactInteger(a) as bigint, exactInteger(b) as bigint];
    return ia === ib ? 0 : ia < ib ? -1 : 1;
  }
  if (na && nb) return na.value === nb.value ? 0 : na.value < nb.value ? -1 : 1;
  if (typeof a === 'string' && typeof b === 'string') return a === b ? 0 : a < b ? -1 : 1;
  throw invalidArgument(
    `${functionName}() compares two numbers or two strings, not ${describeValue(a)} and ${describeValue(b)}`,
  );
}

/** Two integers known exactly, at least one beyond a double's precision: compare them as BigInts. */
function bothExact(a: Value, b: Value): boolean {
  return (
    (typeof a === 'bigint' || typeof b === 'bigint') && exactInteger(a) !== undefined && exactInteger(b) !== undefined
  );
}
