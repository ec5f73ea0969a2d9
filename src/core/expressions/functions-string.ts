// String functions. indexOf, lastIndexOf, startsWith and endsWith ignore letter case (documented);
// replace and contains do not.
import { invalidArgument } from './evaluation-error';
import { eager, integerArg, optionalStringArg, stringArg, type FunctionImplementations } from './function-types';
import { toAdfString, type Value } from './values';

export const STRING_FUNCTIONS: FunctionImplementations = {
  // Documented with two or more arguments; one works in ADF and appears in official templates.
  concat: eager(1, undefined, (args) => {
    if (args.length > 0 && args.every((a) => Array.isArray(a))) return (args as Value[][]).flat();
    return args.map(toAdfString).join('');
  }),
  endsWith: eager(2, 2, (args, env) => stringArg(args, 0, env).toLowerCase().endsWith(stringArg(args, 1, env).toLowerCase())),
  startsWith: eager(2, 2, (args, env) => stringArg(args, 0, env).toLowerCase().startsWith(stringArg(args, 1, env).toLowerCase())),
  indexOf: eager(2, 2, (args, env) => stringArg(args, 0, env).toLowerCase().indexOf(stringArg(args, 1, env).toLowerCase())),
  lastIndexOf: eager(2, 2, (args, env) => {
    const text = stringArg(args, 0, env).toLowerCase();
    const search = stringArg(args, 1, env).toLowerCase();
    return search === '' ? Math.max(text.length - 1, 0) : text.lastIndexOf(search);
  }),
  guid: eager(0, 1, (args, env) => formatGuid(env.newGuid(), optionalStringArg(args, 0, env) ?? 'D')),
  replace: eager(3, 3, (args, env) => {
    const text = stringArg(args, 0, env);
    const oldText = stringArg(args, 1, env);
    const newText = stringArg(args, 2, env);
    if (oldText === '') throw invalidArgument('replace() cannot replace an empty string');
    return text.split(oldText).join(newText);
  }),
  split: eager(2, 2, (args, env) => {
    const text = stringArg(args, 0, env);
    const delimiter = stringArg(args, 1, env);
    return delimiter === '' ? [text] : text.split(delimiter);
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
      throw invalidArgument(`substring() length ${length} from index ${start} runs past the end of the string (length ${text.length})`);
    }
    return text.slice(start, start + length);
  }),
  toLower: eager(1, 1, (args, env) => stringArg(args, 0, env).toLowerCase()),
  toUpper: eager(1, 1, (args, env) => stringArg(args, 0, env).toUpperCase()),
  trim: eager(1, 1, (args, env) => stringArg(args, 0, env).trim()),
};

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
