// Conversion functions. Binary values are represented as the ADF/Logic Apps runtime does:
// { "$content-type": "application/octet-stream", "$content": "<base64>" }. (The documentation's examples
// show bit strings of the input text instead, which no runtime produces.) xml() and xpath() live in
// functions-xml.ts.
import { checkTextSize } from './budget';
import { invalidArgument } from './evaluation-error';
import { isXmlValue, xmlText, xmlToJson } from './functions-xml';
import { eager, stringArg, type CallEnvironment, type FunctionImplementations } from './function-types';
import { asNumber, describeValue, fromExactInteger, isRecord, makeNumber, toAdfString, type Value } from './values';

const OCTET_STREAM = 'application/octet-stream';

interface BinaryValue {
  readonly '$content-type': string;
  readonly $content: string;
}

export function binaryValue(bytes: Buffer, contentType = OCTET_STREAM): BinaryValue {
  return { '$content-type': contentType, $content: bytes.toString('base64') };
}

function isBinaryValue(value: Value): value is BinaryValue {
  return isRecord(value) && typeof value.$content === 'string' && typeof value['$content-type'] === 'string';
}

/** The bytes of a string (UTF-8) or of a binary value. */
function bytesOf(value: Value, env: CallEnvironment): Buffer {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (isBinaryValue(value)) return Buffer.from(value.$content, 'base64');
  throw invalidArgument(`${env.name}() expects a string, not ${describeValue(value)}`);
}

function decodeBase64Text(value: Value, env: CallEnvironment): Buffer {
  if (isBinaryValue(value)) return Buffer.from(value.$content, 'base64');
  const text = stringArg([value], 0, env).replace(/\s+/g, '');
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    throw invalidArgument(`${env.name}() got '${text.slice(0, 40)}', which is not valid base64`);
  }
  return Buffer.from(text, 'base64');
}

function parseDataUri(value: Value, env: CallEnvironment): { bytes: Buffer; contentType: string } {
  const text = stringArg([value], 0, env);
  const match = /^data:([^,]*),(.*)$/s.exec(text);
  if (!match) throw invalidArgument(`${env.name}() expects a data URI (data:...,...), not '${text.slice(0, 40)}'`);
  const meta = match[1].split(';');
  const base64 = meta[meta.length - 1].toLowerCase() === 'base64';
  const contentType = meta[0] || 'text/plain';
  const bytes = base64 ? decodeBase64Text(match[2], env) : Buffer.from(decodeUri(match[2], env), 'utf8');
  return { bytes, contentType };
}

/** .NET Uri.EscapeDataString: everything but A-Z a-z 0-9 - _ . ~ is percent-encoded. */
export function escapeDataString(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeUri(text: string, env: CallEnvironment): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalidArgument(`${env.name}() got '${text.slice(0, 40)}', which has an invalid percent-encoded sequence`);
  }
}

/** Parses a number the way .NET's invariant culture does: sign, thousands separators, decimals, exponent. */
function parseFloatText(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d*)(\.\d*)?([eE][+-]?\d+)?$/.test(trimmed) || !/\d/.test(trimmed)) return undefined;
  return Number(trimmed.replace(/,/g, ''));
}

/** Convert.ToInt64(double): rounds halves to even. */
function roundHalfToEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

export const CONVERSION_FUNCTIONS: FunctionImplementations = {
  array: eager(1, 1, ([value]) => [value]),
  createArray: eager(0, undefined, (args) => [...args]),
  coalesce: eager(1, undefined, (args) => args.find((a) => a !== null && a !== undefined) ?? null),
  base64: eager(1, 1, ([value]) =>
    isBinaryValue(value) ? value.$content : Buffer.from(toAdfString(value), 'utf8').toString('base64'),
  ),
  base64ToBinary: eager(1, 1, ([value], env) => binaryValue(decodeBase64Text(value, env))),
  base64ToString: eager(1, 1, ([value], env) => decodeBase64Text(value, env).toString('utf8')),
  decodeBase64: eager(1, 1, ([value], env) => decodeBase64Text(value, env).toString('utf8')),
  binary: eager(1, 1, ([value], env) => binaryValue(bytesOf(value, env))),
  bool: eager(1, 1, ([value]) => {
    const number = asNumber(value);
    if (number) return number.value !== 0;
    if (typeof value === 'boolean') return value;
    if (value === null || value === undefined) return false;
    if (typeof value === 'string') {
      const word = value.trim().toLowerCase();
      if (word === 'true') return true;
      if (word === 'false') return false;
    }
    throw invalidArgument(
      `bool() cannot convert ${describeValue(value)} to a boolean (expected true, false or a number)`,
    );
  }),
  dataUri: eager(1, 1, ([value], env) =>
    isBinaryValue(value)
      ? `data:${value['$content-type']};base64,${value.$content}`
      : `data:text/plain;charset=utf-8;base64,${bytesOf(value, env).toString('base64')}`,
  ),
  dataUriToBinary: eager(1, 1, ([value], env) => binaryValue(parseDataUri(value, env).bytes)),
  decodeDataUri: eager(1, 1, ([value], env) => binaryValue(parseDataUri(value, env).bytes)),
  dataUriToString: eager(1, 1, ([value], env) => parseDataUri(value, env).bytes.toString('utf8')),
  decodeUriComponent: eager(1, 1, (args, env) => decodeUri(stringArg(args, 0, env), env)),
  uriComponentToString: eager(1, 1, (args, env) => decodeUri(stringArg(args, 0, env), env)),
  uriComponentToBinary: eager(1, 1, (args, env) =>
    binaryValue(Buffer.from(decodeUri(stringArg(args, 0, env), env), 'utf8')),
  ),
  encodeUriComponent: eager(1, 1, (args, env) => escapeDataString(stringArg(args, 0, env))),
  uriComponent: eager(1, 1, (args, env) => escapeDataString(stringArg(args, 0, env))),
  float: eager(1, 1, ([value]) => {
    const number = asNumber(value);
    if (number) return makeNumber(number.value, true);
    const parsed = typeof value === 'string' ? parseFloatText(value) : undefined;
    if (parsed === undefined) throw invalidArgument(`float() cannot convert ${describeValue(value)} to a number`);
    return makeNumber(parsed, true);
  }),
  int: eager(1, 1, ([value]) => {
    const number = asNumber(value);
    if (number) return number.float ? roundHalfToEven(number.value) : number.value;
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) {
      // A 64-bit integer (.NET long), exact beyond 2^53 like ticks().
      const parsed = fromExactInteger(BigInt(value.trim()));
      if (parsed !== undefined) return parsed;
    }
    throw invalidArgument(`int() cannot convert ${describeValue(value)} to an integer`);
  }),
  json: eager(1, 1, ([value], env) => {
    if (value === null || value === undefined) return {};
    if (isXmlValue(value)) return xmlToJson(xmlText(value) as string, env);
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as Value;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const hint = value.trimStart().startsWith('<') ? ' (for XML text, use json(xml(...)))' : '';
      throw invalidArgument(`${env.name}() could not parse ${describeValue(value)} as JSON: ${reason}${hint}`);
    }
  }),
  string: eager(1, 1, ([value], env) => {
    if (typeof value === 'object' && value !== null) checkTextSize(value, env.budget);
    return toAdfString(value);
  }),
};
