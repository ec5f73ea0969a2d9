// The ADF expression functions, as documented for Azure Data Factory and Synapse pipelines, plus the system
// functions (pipeline(), activity(), ...). Names are matched case-insensitively, as ADF does in practice.

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

type Row = [name: string, minArgs: number, maxArgs: number | undefined, signature: string, description: string];

const FORMAT = 'format?: string';

const STRING: Row[] = [
  [
    'concat',
    2,
    undefined,
    'concat(text1: string, text2: string, ...)',
    'Combine two or more strings and return the combined string.',
  ],
  [
    'endsWith',
    2,
    2,
    'endsWith(text: string, searchText: string)',
    'Check whether a string ends with a substring (not case-sensitive).',
  ],
  [
    'guid',
    0,
    1,
    'guid(format?: string)',
    "Generate a globally unique identifier as a string; format 'N', 'D', 'B', 'P' or 'X'.",
  ],
  [
    'indexOf',
    2,
    2,
    'indexOf(text: string, searchText: string)',
    'Return the starting position of a substring, or -1 (not case-sensitive).',
  ],
  [
    'lastIndexOf',
    2,
    2,
    'lastIndexOf(text: string, searchText: string)',
    'Return the starting position of the last occurrence of a substring, or -1 (not case-sensitive).',
  ],
  [
    'replace',
    3,
    3,
    'replace(text: string, oldText: string, newText: string)',
    'Replace every occurrence of a substring (case-sensitive) and return the result.',
  ],
  [
    'split',
    2,
    2,
    'split(text: string, delimiter: string)',
    'Return an array of the substrings between the occurrences of a delimiter.',
  ],
  [
    'startsWith',
    2,
    2,
    'startsWith(text: string, searchText: string)',
    'Check whether a string starts with a substring (not case-sensitive).',
  ],
  [
    'substring',
    3,
    3,
    'substring(text: string, startIndex: int, length: int)',
    'Return the characters of a string from a position, for a length.',
  ],
  ['toLower', 1, 1, 'toLower(text: string)', 'Return a string in lowercase.'],
  ['toUpper', 1, 1, 'toUpper(text: string)', 'Return a string in uppercase.'],
  ['trim', 1, 1, 'trim(text: string)', 'Remove leading and trailing whitespace from a string.'],
];

const COLLECTION: Row[] = [
  [
    'contains',
    2,
    2,
    'contains(collection: string | array | object, value: any)',
    'Check whether a string has a substring, an array a value, or an object a key (case-sensitive).',
  ],
  ['empty', 1, 1, 'empty(collection: string | array | object)', 'Check whether a string, array or object is empty.'],
  ['first', 1, 1, 'first(collection: string | array)', 'Return the first item of a string or array.'],
  [
    'intersection',
    2,
    undefined,
    'intersection(collection1: array | object, collection2: array | object, ...)',
    'Return only the items common to all the collections.',
  ],
  [
    'join',
    2,
    2,
    'join(collection: array, delimiter: string)',
    'Return a string of all the items of an array separated by a delimiter.',
  ],
  ['last', 1, 1, 'last(collection: string | array)', 'Return the last item of a string or array.'],
  ['length', 1, 1, 'length(collection: string | array)', 'Return the number of items in a string or array.'],
  [
    'skip',
    2,
    2,
    'skip(collection: array, count: int)',
    'Remove items from the front of a collection and return the rest.',
  ],
  ['take', 2, 2, 'take(collection: string | array, count: int)', 'Return items from the front of a collection.'],
  [
    'union',
    2,
    undefined,
    'union(collection1: array | object, collection2: array | object, ...)',
    'Return all the items of the collections, without duplicates.',
  ],
];

const LOGICAL: Row[] = [
  ['and', 2, 2, 'and(expression1: bool, expression2: bool)', 'Check whether both expressions are true.'],
  [
    'equals',
    2,
    2,
    'equals(object1: any, object2: any)',
    'Check whether both values are equivalent (strings compare case-sensitively).',
  ],
  [
    'greater',
    2,
    2,
    'greater(value: int | float | string, compareTo: int | float | string)',
    'Check whether the first value is greater than the second.',
  ],
  [
    'greaterOrEquals',
    2,
    2,
    'greaterOrEquals(value: int | float | string, compareTo: int | float | string)',
    'Check whether the first value is greater than or equal to the second.',
  ],
  [
    'if',
    3,
    3,
    'if(expression: bool, valueIfTrue: any, valueIfFalse: any)',
    'Return one of two values depending on whether an expression is true.',
  ],
  [
    'less',
    2,
    2,
    'less(value: int | float | string, compareTo: int | float | string)',
    'Check whether the first value is less than the second.',
  ],
  [
    'lessOrEquals',
    2,
    2,
    'lessOrEquals(value: int | float | string, compareTo: int | float | string)',
    'Check whether the first value is less than or equal to the second.',
  ],
  ['not', 1, 1, 'not(expression: bool)', 'Check whether an expression is false.'],
  ['or', 2, 2, 'or(expression1: bool, expression2: bool)', 'Check whether at least one expression is true.'],
];

const CONVERSION: Row[] = [
  ['array', 1, 1, 'array(value: any)', 'Return an array holding the single input.'],
  ['base64', 1, 1, 'base64(value: string)', 'Return the base64-encoded version of a string.'],
  ['base64ToBinary', 1, 1, 'base64ToBinary(value: string)', 'Return the binary version of a base64-encoded string.'],
  ['base64ToString', 1, 1, 'base64ToString(value: string)', 'Return the string version of a base64-encoded string.'],
  ['binary', 1, 1, 'binary(value: string)', 'Return the binary version of a string.'],
  ['bool', 1, 1, 'bool(value: any)', 'Return the Boolean version of a value.'],
  ['coalesce', 1, undefined, 'coalesce(object1: any, object2: any, ...)', 'Return the first value that is not null.'],
  ['createArray', 2, undefined, 'createArray(object1: any, object2: any, ...)', 'Return an array of the inputs.'],
  ['dataUri', 1, 1, 'dataUri(value: string)', 'Return a data URI for a string.'],
  ['dataUriToBinary', 1, 1, 'dataUriToBinary(value: string)', 'Return the binary version of a data URI.'],
  ['dataUriToString', 1, 1, 'dataUriToString(value: string)', 'Return the string version of a data URI.'],
  [
    'decodeBase64',
    1,
    1,
    'decodeBase64(value: string)',
    'Return the string version of a base64-encoded string (prefer base64ToString).',
  ],
  [
    'decodeDataUri',
    1,
    1,
    'decodeDataUri(value: string)',
    'Return the binary version of a data URI (prefer dataUriToBinary).',
  ],
  ['decodeUriComponent', 1, 1, 'decodeUriComponent(value: string)', 'Return a string with escape characters decoded.'],
  [
    'encodeUriComponent',
    1,
    1,
    'encodeUriComponent(value: string)',
    'Return a string with URL-unsafe characters escaped (prefer uriComponent).',
  ],
  ['float', 1, 1, 'float(value: string | number)', 'Return the floating-point number for a value.'],
  ['int', 1, 1, 'int(value: string | number)', 'Return the integer version of a value.'],
  ['json', 1, 1, 'json(value: string | xml)', 'Return the JSON value or object for a string or XML.'],
  ['string', 1, 1, 'string(value: any)', 'Return the string version of a value.'],
  ['uriComponent', 1, 1, 'uriComponent(value: string)', 'Return a string with URL-unsafe characters escaped.'],
  [
    'uriComponentToBinary',
    1,
    1,
    'uriComponentToBinary(value: string)',
    'Return the binary version of a URI-encoded string.',
  ],
  [
    'uriComponentToString',
    1,
    1,
    'uriComponentToString(value: string)',
    'Return the string version of a URI-encoded string.',
  ],
  ['xml', 1, 1, 'xml(value: string | object)', 'Return the XML version of a string or object holding a JSON object.'],
  ['xpath', 2, 2, 'xpath(xml: xml, xpath: string)', 'Return the XML nodes or values that match an XPath expression.'],
];

const MATH: Row[] = [
  ['add', 2, 2, 'add(summand1: int | float, summand2: int | float)', 'Return the sum of two numbers.'],
  [
    'div',
    2,
    2,
    'div(dividend: int | float, divisor: int | float)',
    'Return the quotient of two numbers (an integer when both are integers).',
  ],
  [
    'max',
    1,
    undefined,
    'max(number1: int | float | array, number2?: int | float, ...)',
    'Return the highest value of a set of numbers or an array.',
  ],
  [
    'min',
    1,
    undefined,
    'min(number1: int | float | array, number2?: int | float, ...)',
    'Return the lowest value of a set of numbers or an array.',
  ],
  ['mod', 2, 2, 'mod(dividend: int | float, divisor: int | float)', 'Return the remainder of dividing two numbers.'],
  ['mul', 2, 2, 'mul(multiplicand1: int | float, multiplicand2: int | float)', 'Return the product of two numbers.'],
  [
    'rand',
    2,
    2,
    'rand(minValue: int, maxValue: int)',
    'Return a random integer from minValue (inclusive) to maxValue (exclusive).',
  ],
  ['range', 2, 2, 'range(startIndex: int, count: int)', 'Return an array of count integers starting at startIndex.'],
  [
    'sub',
    2,
    2,
    'sub(minuend: int | float, subtrahend: int | float)',
    'Return the second number subtracted from the first.',
  ],
];

const DATE: Row[] = [
  ['addDays', 2, 3, `addDays(timestamp: string, days: int, ${FORMAT})`, 'Add a number of days to a timestamp.'],
  ['addHours', 2, 3, `addHours(timestamp: string, hours: int, ${FORMAT})`, 'Add a number of hours to a timestamp.'],
  [
    'addMinutes',
    2,
    3,
    `addMinutes(timestamp: string, minutes: int, ${FORMAT})`,
    'Add a number of minutes to a timestamp.',
  ],
  [
    'addSeconds',
    2,
    3,
    `addSeconds(timestamp: string, seconds: int, ${FORMAT})`,
    'Add a number of seconds to a timestamp.',
  ],
  [
    'addToTime',
    3,
    4,
    `addToTime(timestamp: string, interval: int, timeUnit: string, ${FORMAT})`,
    "Add a number of time units ('Second' ... 'Year') to a timestamp.",
  ],
  [
    'convertFromUtc',
    2,
    3,
    `convertFromUtc(timestamp: string, destinationTimeZone: string, ${FORMAT})`,
    'Convert a timestamp from UTC to a time zone.',
  ],
  [
    'convertTimeZone',
    3,
    4,
    `convertTimeZone(timestamp: string, sourceTimeZone: string, destinationTimeZone: string, ${FORMAT})`,
    'Convert a timestamp from one time zone to another.',
  ],
  [
    'convertToUtc',
    2,
    3,
    `convertToUtc(timestamp: string, sourceTimeZone: string, ${FORMAT})`,
    'Convert a timestamp from a time zone to UTC.',
  ],
  ['dayOfMonth', 1, 1, 'dayOfMonth(timestamp: string)', 'Return the day of the month of a timestamp.'],
  ['dayOfWeek', 1, 1, 'dayOfWeek(timestamp: string)', 'Return the day of the week of a timestamp (Sunday is 0).'],
  ['dayOfYear', 1, 1, 'dayOfYear(timestamp: string)', 'Return the day of the year of a timestamp.'],
  [
    'formatDateTime',
    1,
    2,
    `formatDateTime(timestamp: string, ${FORMAT})`,
    'Return a timestamp in a .NET date and time format.',
  ],
  [
    'getFutureTime',
    2,
    3,
    `getFutureTime(interval: int, timeUnit: string, ${FORMAT})`,
    'Return the current timestamp plus a number of time units.',
  ],
  [
    'getPastTime',
    2,
    3,
    `getPastTime(interval: int, timeUnit: string, ${FORMAT})`,
    'Return the current timestamp minus a number of time units.',
  ],
  ['startOfDay', 1, 2, `startOfDay(timestamp: string, ${FORMAT})`, 'Return the start of the day of a timestamp.'],
  ['startOfHour', 1, 2, `startOfHour(timestamp: string, ${FORMAT})`, 'Return the start of the hour of a timestamp.'],
  ['startOfMonth', 1, 2, `startOfMonth(timestamp: string, ${FORMAT})`, 'Return the start of the month of a timestamp.'],
  [
    'subtractFromTime',
    3,
    4,
    `subtractFromTime(timestamp: string, interval: int, timeUnit: string, ${FORMAT})`,
    "Subtract a number of time units ('Second' ... 'Year') from a timestamp.",
  ],
  [
    'ticks',
    1,
    1,
    'ticks(timestamp: string)',
    'Return the number of 100-nanosecond ticks since 0001-01-01 for a timestamp.',
  ],
  ['utcNow', 0, 1, `utcNow(${FORMAT})`, 'Return the current UTC timestamp.'],
];

const SYSTEM: Row[] = [
  [
    'pipeline',
    0,
    0,
    'pipeline()',
    'The running pipeline: parameters, globalParameters, RunId, Pipeline, DataFactory, TriggerTime, ...',
  ],
  ['activity', 1, 1, 'activity(name: string)', 'An upstream activity of this pipeline: output, status, error, ...'],
  ['variables', 1, 1, 'variables(name: string)', 'The current value of a pipeline variable.'],
  ['item', 0, 0, 'item()', 'The current item of the enclosing ForEach.'],
  ['dataset', 0, 0, 'dataset()', 'The dataset being resolved (in dataset definitions): its parameters.'],
  [
    'linkedService',
    0,
    0,
    'linkedService()',
    'The linked service being resolved (in linked service definitions): its parameters.',
  ],
  ['trigger', 0, 0, 'trigger()', 'The trigger that started the run: startTime, outputs, ...'],
];

const GROUPS: [FunctionCategory, Row[]][] = [
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
