// Static types of expressions, read from the function table's signatures (functions.ts: the parameter types
// and the `: type` ending are the one source), so the validator can report, before a run, values that ADF
// would reject at run time. A type is a set of kinds; `undefined` means "not known statically" (activity
// outputs, json(), xml and binary content, parameters of type Object) and never produces a report.
import * as l10n from '@vscode/l10n';
import type { CallNode, ExpressionNode } from './ast';
import { FUNCTIONS, lookupFunction, type FunctionInfo } from './functions';

export type TypeKind = 'string' | 'int' | 'float' | 'bool' | 'array' | 'object' | 'null';
export type StaticType = ReadonlySet<TypeKind> | undefined;

export interface FunctionTypes {
  /** One type per documented parameter; a variadic function repeats its last one. */
  readonly params: readonly StaticType[];
  /** Parameters marked `?` (they also accept null). */
  readonly optional: readonly boolean[];
  readonly variadic: boolean;
  readonly returns: StaticType;
}

/** What the expression's context knows about names: declared parameter and variable types. */
export interface TypeEnvironment {
  parameterType(name: string): StaticType;
  variableType(name: string): StaticType;
}

const KIND_WORDS: Readonly<Record<string, readonly TypeKind[]>> = {
  string: ['string'],
  int: ['int'],
  float: ['float'],
  number: ['int', 'float'],
  bool: ['bool'],
  array: ['array'],
  object: ['object'],
};

/** `string | array` -> {string, array}; a type naming any, xml or binary is not known statically. */
export function parseTypeText(text: string): StaticType {
  const kinds = new Set<TypeKind>();
  for (const word of text.split('|').map((w) => w.trim())) {
    const found = KIND_WORDS[word];
    if (!found) return undefined;
    for (const kind of found) kinds.add(kind);
  }
  return kinds.size ? kinds : undefined;
}

function signatureTypes(info: FunctionInfo): FunctionTypes {
  const match = /^[^(]*\((.*)\)(?::\s*(.+))?$/.exec(info.signature);
  const params: StaticType[] = [];
  const optional: boolean[] = [];
  let variadic = false;
  for (const part of (match?.[1] ?? '').split(',').map((p) => p.trim())) {
    if (part === '') continue;
    if (part === '...') {
      variadic = true;
      continue;
    }
    const colon = part.indexOf(':');
    params.push(colon === -1 ? undefined : parseTypeText(part.slice(colon + 1)));
    optional.push(part.slice(0, colon === -1 ? part.length : colon).endsWith('?'));
  }
  return { params, optional, variadic, returns: match?.[2] ? parseTypeText(match[2]) : undefined };
}

const TYPES_BY_LOWER_NAME = new Map(FUNCTIONS.map((f) => [f.name.toLowerCase(), signatureTypes(f)]));

/** Parameter and return types of a function, from its signature in the table. */
export function functionTypes(name: string): FunctionTypes | undefined {
  return TYPES_BY_LOWER_NAME.get(name.toLowerCase());
}

/** The type of parameter `index` (a variadic function repeats its last parameter). */
export function parameterType(types: FunctionTypes, index: number): { type: StaticType; optional: boolean } {
  if (index < types.params.length) return { type: types.params[index], optional: types.optional[index] };
  if (!types.variadic || types.params.length === 0) return { type: undefined, optional: true };
  const last = types.params.length - 1;
  return { type: types.params[last], optional: types.optional[last] };
}

const kinds = (...list: TypeKind[]): StaticType => new Set(list);

/** The static type of an expression, or undefined when it depends on run-time data. */
export function staticTypeOf(node: ExpressionNode | undefined, env: TypeEnvironment): StaticType {
  if (!node) return undefined;
  switch (node.kind) {
    case 'string':
      return kinds('string');
    case 'number':
      return kinds(node.integer ? 'int' : 'float');
    case 'boolean':
      return kinds('bool');
    case 'null':
      return undefined;
    case 'call':
      return callType(node, env);
    case 'member':
    case 'index':
      return declaredParameterType(node, env);
  }
}

function callType(node: CallNode, env: TypeEnvironment): StaticType {
  const name = node.name.toLowerCase();
  if (name === 'variables') {
    const arg = node.args[0];
    return arg?.kind === 'string' ? env.variableType(arg.value) : undefined;
  }
  if (name === 'if' && node.args.length === 3) {
    const whenTrue = staticTypeOf(node.args[1], env);
    const whenFalse = staticTypeOf(node.args[2], env);
    return whenTrue && whenFalse ? new Set([...whenTrue, ...whenFalse]) : undefined;
  }
  if (!lookupFunction(name)) return undefined;
  return functionTypes(name)?.returns;
}

/** `pipeline().parameters.X` or `pipeline().parameters['X']`: the declared type of X. */
function declaredParameterType(node: ExpressionNode, env: TypeEnvironment): StaticType {
  const name =
    node.kind === 'member' ? node.name : node.kind === 'index' && node.index.kind === 'string' ? node.index.value : '';
  if (!name || (node.kind !== 'member' && node.kind !== 'index')) return undefined;
  const parent = node.object;
  if (parent.kind !== 'member' || parent.name.toLowerCase() !== 'parameters') return undefined;
  const root = parent.object;
  if (root.kind !== 'call' || root.name.toLowerCase() !== 'pipeline' || root.args.length) return undefined;
  return env.parameterType(name);
}

/** Whether a value of type `actual` can never be one of `expected` (both known). */
export function cannotBe(actual: StaticType, expected: StaticType): boolean {
  if (!actual || !expected) return false;
  for (const kind of actual) if (expected.has(kind)) return false;
  return true;
}

/** `string`, `int or float`: a type for messages. */
export function describeType(type: StaticType): string {
  if (!type) return 'any';
  const names = [...type].map((k) => (k === 'bool' ? 'Boolean' : k === 'int' ? 'integer' : k));
  return names.length === 1 ? names[0] : l10n.t('{0} or {1}', names.slice(0, -1).join(', '), names[names.length - 1]);
}

/** A declared ADF type name (parameter or variable: String, Int, Integer, Bool, Boolean, Array, ...) as a type. */
export function declaredType(typeName: string | undefined): StaticType {
  switch (typeName?.toLowerCase()) {
    case 'string':
    case 'securestring':
      return kinds('string');
    case 'int':
    case 'integer':
      return kinds('int');
    case 'float':
      return kinds('float', 'int');
    case 'bool':
    case 'boolean':
      return kinds('bool');
    case 'array':
      return kinds('array');
    default:
      return undefined; // Object, SecureObject, unknown: not known statically
  }
}
