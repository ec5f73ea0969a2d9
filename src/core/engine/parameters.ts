// Pipeline parameters and variables: given values (strings from a CLI or a form, or JSON from createRun) are
// checked and converted to their declared types, defaults fill the gaps.
import { REDACTED } from './redaction';
import type { ParameterDeclaration, VariableDeclaration } from './types';

/** Bad run input (missing or mistyped parameter): the run does not start. */
export class RunInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunInputError';
  }
}

export interface ResolvedParameters {
  values: Record<string, unknown>;
  /** Values of SecureString parameters, to keep out of records. */
  secrets: string[];
}

export function resolveParameters(
  declared: Record<string, ParameterDeclaration> | undefined,
  given: Record<string, unknown> | undefined,
): ResolvedParameters {
  const values: Record<string, unknown> = {};
  const secrets: string[] = [];
  const problems: string[] = [];
  const givenByLowerName = new Map(Object.entries(given ?? {}).map(([k, v]) => [k.toLowerCase(), v] as const));
  for (const [name, declaration] of Object.entries(declared ?? {})) {
    const type = declaration?.type ?? 'String';
    const hasGiven = givenByLowerName.has(name.toLowerCase());
    const raw = hasGiven ? givenByLowerName.get(name.toLowerCase()) : declaration?.defaultValue;
    if (raw === undefined) {
      problems.push(`Missing value for required parameter '${name}' (${type}).`);
      continue;
    }
    try {
      values[name] = convertToType(raw, type);
      if (type.toLowerCase() === 'securestring' && typeof values[name] === 'string')
        secrets.push(values[name] as string);
    } catch (error) {
      problems.push(`Parameter '${name}': ${(error as Error).message}`);
    }
  }
  if (problems.length) throw new RunInputError(problems.join(' '));
  return { values, secrets };
}

/** Parameters as the pipeline run record shows them: strings, SecureString values hidden. */
export function parametersForRecord(
  declared: Record<string, ParameterDeclaration> | undefined,
  values: Record<string, unknown>,
): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const type = declared?.[name]?.type?.toLowerCase();
    shown[name] = type === 'securestring' ? REDACTED : typeof value === 'string' ? value : JSON.stringify(value);
  }
  return shown;
}

export function initialVariables(declared: Record<string, VariableDeclaration> | undefined): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const [name, declaration] of Object.entries(declared ?? {})) {
    const type = (declaration?.type ?? 'String').toLowerCase();
    if (declaration?.defaultValue !== undefined) variables[name] = declaration.defaultValue;
    else if (type === 'array') variables[name] = [];
    else if (type === 'bool' || type === 'boolean') variables[name] = false;
    else if (type === 'integer' || type === 'int') variables[name] = 0;
    else variables[name] = '';
  }
  return variables;
}

/** Converts a parameter value to its declared type; text is parsed for the non-string types (CLI and form input). */
export function convertToType(value: unknown, type: string, parseStrings = true): unknown {
  switch (type.toLowerCase()) {
    case 'string':
    case 'securestring':
      if (typeof value === 'string') return value;
      if (value === null || typeof value === 'object') return JSON.stringify(value);
      return String(value);
    case 'int': {
      const n = typeof value === 'string' && parseStrings ? Number(value.trim()) : value;
      if (typeof n !== 'number' || !Number.isInteger(n))
        throw new Error(`expected an integer, got ${describe(value)}.`);
      return n;
    }
    case 'float': {
      const n = typeof value === 'string' && parseStrings ? Number(value.trim()) : value;
      if (typeof n !== 'number' || Number.isNaN(n)) throw new Error(`expected a number, got ${describe(value)}.`);
      return n;
    }
    case 'bool': {
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
        return value.trim().toLowerCase() === 'true';
      throw new Error(`expected true or false, got ${describe(value)}.`);
    }
    case 'array': {
      const parsed = typeof value === 'string' && parseStrings ? parseJson(value) : value;
      if (!Array.isArray(parsed)) throw new Error(`expected a JSON array, got ${describe(value)}.`);
      return parsed;
    }
    case 'object': {
      const parsed = typeof value === 'string' && parseStrings ? parseJson(value) : value;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error(`expected a JSON object, got ${describe(value)}.`);
      return parsed;
    }
    default:
      throw new Error(
        `unknown parameter type '${type}' (expected String, SecureString, Int, Float, Bool, Array or Object).`,
      );
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
