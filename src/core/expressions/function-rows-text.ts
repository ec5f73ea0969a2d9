// The documented string, collection and logical functions: one row each (see functions.ts for the shape).
// The signature's types are what ADF accepts; its `: type` ending is what the function returns.
import type { FunctionRow } from './function-row';

export const STRING: FunctionRow[] = [
  [
    'concat',
    2,
    undefined,
    // Real ADF also takes numbers, Booleans and arrays (data-factory-testing-framework, default_variables).
    'concat(text1: any, text2: any, ...): string | array',
    'Combine two or more strings (other values as their text; arrays into one array) and return the result.',
  ],
  [
    'endsWith',
    2,
    2,
    'endsWith(text: string, searchText: string): bool',
    'Check whether a string ends with a substring (not case-sensitive).',
  ],
  [
    'guid',
    0,
    1,
    'guid(format?: string): string',
    "Generate a globally unique identifier as a string; format 'N', 'D', 'B', 'P' or 'X'.",
  ],
  [
    'indexOf',
    2,
    2,
    'indexOf(text: string, searchText: string): int',
    'Return the starting position of a substring, or -1 (not case-sensitive).',
  ],
  [
    'lastIndexOf',
    2,
    2,
    'lastIndexOf(text: string, searchText: string): int',
    'Return the starting position of the last occurrence of a substring, or -1 (not case-sensitive).',
  ],
  [
    'replace',
    3,
    3,
    'replace(text: string, oldText: string, newText: string): string',
    'Replace every occurrence of a substring (case-sensitive) and return the result.',
  ],
  [
    'split',
    2,
    2,
    'split(text: string, delimiter: string): array',
    'Return an array of the substrings between the occurrences of a delimiter.',
  ],
  [
    'startsWith',
    2,
    2,
    'startsWith(text: string, searchText: string): bool',
    'Check whether a string starts with a substring (not case-sensitive).',
  ],
  [
    'substring',
    3,
    3,
    'substring(text: string, startIndex: int, length: int): string',
    'Return the characters of a string from a position, for a length.',
  ],
  ['toLower', 1, 1, 'toLower(text: string): string', 'Return a string in lowercase.'],
  ['toUpper', 1, 1, 'toUpper(text: string): string', 'Return a string in uppercase.'],
  ['trim', 1, 1, 'trim(text: string): string', 'Remove leading and trailing whitespace from a string.'],
];

export const COLLECTION: FunctionRow[] = [
  [
    'contains',
    2,
    2,
    'contains(collection: string | array | object, value: any): bool',
    'Check whether a string has a substring, an array a value, or an object a key (case-sensitive).',
  ],
  [
    'empty',
    1,
    1,
    'empty(collection: string | array | object): bool',
    'Check whether a string, array or object is empty.',
  ],
  ['first', 1, 1, 'first(collection: string | array): any', 'Return the first item of a string or array.'],
  [
    'intersection',
    2,
    undefined,
    'intersection(collection1: array | object, collection2: array | object, ...): array | object',
    'Return only the items common to all the collections.',
  ],
  [
    'join',
    2,
    2,
    'join(collection: array, delimiter: string): string',
    'Return a string of all the items of an array separated by a delimiter.',
  ],
  ['last', 1, 1, 'last(collection: string | array): any', 'Return the last item of a string or array.'],
  ['length', 1, 1, 'length(collection: string | array): int', 'Return the number of items in a string or array.'],
  [
    'skip',
    2,
    2,
    'skip(collection: string | array, count: int): string | array',
    'Remove items from the front of a collection and return the rest.',
  ],
  [
    'take',
    2,
    2,
    'take(collection: string | array, count: int): string | array',
    'Return items from the front of a collection.',
  ],
  [
    'union',
    2,
    undefined,
    'union(collection1: array | object, collection2: array | object, ...): array | object',
    'Return all the items of the collections, without duplicates.',
  ],
];

export const LOGICAL: FunctionRow[] = [
  ['and', 2, 2, 'and(expression1: bool, expression2: bool): bool', 'Check whether both expressions are true.'],
  [
    'equals',
    2,
    2,
    'equals(object1: any, object2: any): bool',
    'Check whether both values are equivalent (strings compare case-sensitively).',
  ],
  [
    'greater',
    2,
    2,
    'greater(value: int | float | string, compareTo: int | float | string): bool',
    'Check whether the first value is greater than the second.',
  ],
  [
    'greaterOrEquals',
    2,
    2,
    'greaterOrEquals(value: int | float | string, compareTo: int | float | string): bool',
    'Check whether the first value is greater than or equal to the second.',
  ],
  [
    'if',
    3,
    3,
    'if(expression: bool, valueIfTrue: any, valueIfFalse: any): any',
    'Return one of two values depending on whether an expression is true.',
  ],
  [
    'less',
    2,
    2,
    'less(value: int | float | string, compareTo: int | float | string): bool',
    'Check whether the first value is less than the second.',
  ],
  [
    'lessOrEquals',
    2,
    2,
    'lessOrEquals(value: int | float | string, compareTo: int | float | string): bool',
    'Check whether the first value is less than or equal to the second.',
  ],
  ['not', 1, 1, 'not(expression: bool): bool', 'Check whether an expression is false.'],
  ['or', 2, 2, 'or(expression1: bool, expression2: bool): bool', 'Check whether at least one expression is true.'],
];
