// The ADF expression functions, as documented for Azure Data Factory and Synapse pipelines, plus the system
// functions (pipeline(), activity(), ...). Names are matched case-insensitively, as ADF does in practice.

import type { FunctionRow } from './function-row';
import { CONVERSION, DATE, MATH, SYSTEM } from './function-rows-data';
import { COLLECTION, LOGICAL, STRING } from './function-rows-text';

export type FunctionCategory = 'string' | 'collection' | 'logical' | 'conversion' | 'math' | 'date' | 'system';

export interface FunctionInfo {
  readonly name: string;
  readonly minArgs: number;
  /** undefined: any number of arguments from minArgs up. */
  readonly maxArgs: number | undefined;
  readonly signature: string;
  readonly description: string;
  readonly category: FunctionCategory;
}

const GROUPS: [FunctionCategory, FunctionRow[]][] = [
  ['string', STRING],
  ['collection', COLLECTION],
  ['logical', LOGICAL],
  ['conversion', CONVERSION],
  ['math', MATH],
  ['date', DATE],
  ['system', SYSTEM],
];

/** Every known function, in documentation order by category. */
export const FUNCTIONS: readonly FunctionInfo[] = GROUPS.flatMap(([category, rows]) =>
  rows.map(([name, minArgs, maxArgs, signature, description]) => ({
    name,
    minArgs,
    maxArgs,
    signature,
    description,
    category,
  })),
);

const BY_LOWER_NAME = new Map(FUNCTIONS.map((f) => [f.name.toLowerCase(), f]));

/** The function called `name` in any letter case, e.g. `utcnow` finds utcNow. */
export function lookupFunction(name: string): FunctionInfo | undefined {
  return BY_LOWER_NAME.get(name.toLowerCase());
}

/** Human-readable arity: `2`, `1 to 3`, `at least 2`. */
export function describeArity(info: FunctionInfo): string {
  if (info.maxArgs === undefined) return `at least ${info.minArgs}`;
  if (info.maxArgs === info.minArgs) return String(info.minArgs);
  return `${info.minArgs} to ${info.maxArgs}`;
}
