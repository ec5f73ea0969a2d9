// String functions. indexOf, lastIndexOf, startsWith and endsWith ignore letter case (documented);
// replace and contains do not.
import { invalidArgument } from './evaluation-error';
import { arrayTooLong, checkTextSize, stringTooLong } from './budget';
import {
  eager,
  integerArg,
  optionalStringArg,
  stringArg,
  type CallEnvironment,
  type FunctionImplementations,
} from './function-types';
import { toAdfString, type Value } from './values';

export const STRING_FUNCTIONS: FunctionImplementations = {
  // Documented with two or more arguments; one works in ADF and appears in official templates.
  concat: eager(1, undefined, (args, env) => {
    if (args.length > 0 && args.every((a) => Array.isArray(a))) {
      const length = (args as Value[][]).reduce((sum, a) => sum + a.length, 0);
      if (length > env.budget.maxArrayLength) throw arrayTooLong(length, env.budget, 'concat() would build an array');
      return (args as Value[][]).flat();
    }
    return joinBounded(args, '', env);
  }),
  endsWith: eager(2, 2, (args, env) =>
    stringArg(args, 0, env)
      .toLowerCase()
      .endsWith(stringArg(args, 1, env).toLowerCase()),
  ),
  startsWith: eager(2, 2, (args, env) =>
    stringArg(args, 0, env)
      .toLowerCase()
      .startsWith(stringArg(args, 1, env).toLowerCase()),
  ),
  indexOf: eager(2, 2, (args, env) =>
    stringArg(args, 0, env)
      .toLowerCase()
      .indexOf(stringArg(args, 1, env).toLowerCase()),
  ),
  lastIndexOf: eager(2, 2, (args, env) => {
    const text = stringArg(args, 0, env).toLowerCase();
    const search = stringArg(args, 1, env).toLowerCase();
    return search === '' ? Math.max(text.length - 1, 0) : text.lastIndexOf(search);
  }),
  // .NET Guid.ToString(format): an empty format is the default "D" (guid() and guid('') give the same form).
  guid: eager(0, 1, (args, env) => formatGuid(env.newGuid(), optionalStringArg(args, 0, env) || 'D')),
  replace: eager(3, 3, (args, env) => {
    const text = stringArg(args, 0, env);
    const oldText = stringArg(args, 1, env);
    const newText = stringArg(args, 2, env);
    if (oldText === '') throw invalidArgument('replace() cannot replace an empty string');
    const parts = text.split(oldText);
    const length = text.length + (parts.length - 1) * (newText.length - oldText.length);
    if (length > env.budget.maxStringLength) throw stringTooLong(length, env.budget, 'replace() would build a string');
    return parts.join(newText);
  }),
  split: eager(2, 2, (args, env) => {
    const text = stringArg(args, 0, env);
    const delimiter = stringArg(args, 1, env);
    if (delimiter === '') return [text];
    const limit = env.budget.maxArrayLength;
    const parts = text.split(delimiter, limit + 1);
    if (parts.length > limit)
      throw arrayTooLong(text.split(delimiter).length, env.budget, 'split() would build an array');
    return parts;
  }),
  // Documented with a length; ADF also accepts substring(text, start) for "the rest".
  substring: eager(2, 3, (args, env) => {
    const text = stringArg(args, 0, env);
    const start = integerArg(args, 1, env);
    const length = args.length > 2 ? integerArg(args, 2, env) : text.length - start;
    if (start < 0 || start > text.length) {
      throw invalidArgument(`substring() start index ${start} is outside the string (length ${text.length})`);
    }
    if (length < 0 || start + length > text.length) {
      throw invalidArgument(
        `substring() length ${length} from index ${start} runs past the end of the string (length ${text.length})`,
      );
    }
    return text.slice(start, start + length);
  }),
  toLower: eager(1, 1, (args, env) => stringArg(args, 0, env).toLowerCase()),
  toUpper: eager(1, 1, (args, env) => stringArg(args, 0, env).toUpperCase()),
  trim: eager(1, 1, (args, env) => stringArg(args, 0, env).trim()),
};

/**
 * The ADF text of each value joined by a separator, failing before the result would pass the string budget
 * (join(range(0, 100000), <a long separator>) would otherwise build gigabytes).
 */
export function joinBounded(values: readonly Value[], separator: string, env: CallEnvironment): string {
  const limit = env.budget.maxStringLength;
  const texts: string[] = [];
  let length = 0;
  for (const value of values) {
    if (typeof value === 'object' && value !== null) checkTextSize(value, env.budget);
    const text = toAdfString(value);
    length += text.length + (texts.length > 0 ? separator.length : 0);
    if (length > limit) throw stringTooLong(length, env.budget, `${env.name}() would build a string`);
    texts.push(text);
  }
  return texts.join(separator);
}

/** .NET Guid.ToString(format): N (32 digits), D (hyphens), B {braces}, P (parentheses), X (hex groups). */
export function formatGuid(guid: string, format: string): string {
  const hex = guid.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
  if (hex.length !== 32) throw invalidArgument(`guid() got a malformed GUID '${guid}'`);
  const d = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  switch (format.toUpperCase()) {
    case 'N':
      return hex;
    case 'D':
      return d;
    case 'B':
      return `{${d}}`;
    case 'P':
      return `(${d})`;
    case 'X': {
      const bytes = hex.slice(16).match(/../g) ?? [];
      return `{0x${hex.slice(0, 8)},0x${hex.slice(8, 12)},0x${hex.slice(12, 16)},{${bytes.map((b) => `0x${b}`).join(',')}}}`;
    }
    default:
      throw invalidArgument(`guid() format must be 'N', 'D', 'B', 'P' or 'X', not '${format}'`);
  }
}
