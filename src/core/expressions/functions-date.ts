// Date and time functions. Results are strings in the requested .NET format ('o' by default).
import { invalidArgument } from './evaluation-error';
import {
  eager,
  numberArg,
  optionalStringArg,
  stringArg,
  type CallEnvironment,
  type FunctionImplementations,
} from './function-types';
import {
  addMonths,
  addTicks,
  dayOfYear,
  formatTimestamp,
  fromDate,
  parseTimestamp,
  startOf,
  ticksOf,
  toParts,
  type Timestamp,
} from './timestamp';
import { isUtcZone, resolveTimeZone, utcToZone, zoneToUtc } from './timezones';
import type { Value } from './values';

const TICKS = {
  second: 10_000_000,
  minute: 600_000_000,
  hour: 36_000_000_000,
  day: 864_000_000_000,
  week: 6_048_000_000_000,
};

function timestampArg(args: readonly Value[], index: number, env: CallEnvironment): Timestamp {
  const text = stringArg(args, index, env);
  const timestamp = parseTimestamp(text);
  if (!timestamp)
    throw invalidArgument(`${env.name}() cannot read '${text}' as a timestamp (expected e.g. 2018-03-15T13:00:00Z)`);
  return timestamp;
}

function formatted(timestamp: Timestamp, args: readonly Value[], formatIndex: number, env: CallEnvironment): string {
  return formatTimestamp(timestamp, optionalStringArg(args, formatIndex, env));
}

/** Moves a timestamp by a number of units: Second, Minute, Hour, Day, Week, Month or Year (any case). */
function shift(timestamp: Timestamp, amount: number, unit: string): Timestamp {
  const key = unit.toLowerCase().replace(/s$/, '');
  if (key === 'month') return addMonths(timestamp, Math.trunc(amount));
  if (key === 'year') return addMonths(timestamp, Math.trunc(amount) * 12);
  const ticks = TICKS[key as keyof typeof TICKS];
  if (ticks === undefined)
    throw invalidArgument(`'${unit}' is not a time unit (Second, Minute, Hour, Day, Week, Month or Year)`);
  return addTicks(timestamp, amount * ticks);
}

function adder(unitTicks: number) {
  return eager(2, 3, (args, env) =>
    formatted(addTicks(timestampArg(args, 0, env), numberArg(args, 1, env).value * unitTicks), args, 2, env),
  );
}

function now(env: CallEnvironment): Timestamp {
  return fromDate(env.now());
}

export const DATE_FUNCTIONS: FunctionImplementations = {
  addDays: adder(TICKS.day),
  addHours: adder(TICKS.hour),
  addMinutes: adder(TICKS.minute),
  addSeconds: adder(TICKS.second),
  addToTime: eager(3, 4, (args, env) =>
    formatted(shift(timestampArg(args, 0, env), numberArg(args, 1, env).value, stringArg(args, 2, env)), args, 3, env),
  ),
  subtractFromTime: eager(3, 4, (args, env) =>
    formatted(shift(timestampArg(args, 0, env), -numberArg(args, 1, env).value, stringArg(args, 2, env)), args, 3, env),
  ),
  getFutureTime: eager(2, 3, (args, env) =>
    formatted(shift(now(env), numberArg(args, 0, env).value, stringArg(args, 1, env)), args, 2, env),
  ),
  getPastTime: eager(2, 3, (args, env) =>
    formatted(shift(now(env), -numberArg(args, 0, env).value, stringArg(args, 1, env)), args, 2, env),
  ),
  utcNow: eager(0, 1, (args, env) => formatted(now(env), args, 0, env)),
  formatDateTime: eager(1, 2, (args, env) => formatted(timestampArg(args, 0, env), args, 1, env)),
  startOfDay: eager(1, 2, (args, env) => formatted(startOf(timestampArg(args, 0, env), 'day'), args, 1, env)),
  startOfHour: eager(1, 2, (args, env) => formatted(startOf(timestampArg(args, 0, env), 'hour'), args, 1, env)),
  startOfMonth: eager(1, 2, (args, env) => formatted(startOf(timestampArg(args, 0, env), 'month'), args, 1, env)),
  dayOfMonth: eager(1, 1, (args, env) => toParts(timestampArg(args, 0, env)).day),
  dayOfWeek: eager(1, 1, (args, env) => toParts(timestampArg(args, 0, env)).dayOfWeek),
  dayOfYear: eager(1, 1, (args, env) => dayOfYear(timestampArg(args, 0, env))),
  ticks: eager(1, 1, (args, env) => ticksOf(timestampArg(args, 0, env))),
  // The timestamp is read as UTC whatever its own zone says; the result is wall time in the target zone.
  convertFromUtc: eager(2, 3, (args, env) => {
    const timestamp = timestampArg(args, 0, env);
    const target = resolveTimeZone(stringArg(args, 1, env));
    return formatted(inZone(timestamp, timestamp.ms, target), args, 2, env);
  }),
  // The timestamp is read as wall time in the source zone.
  convertToUtc: eager(2, 3, (args, env) => {
    const timestamp = timestampArg(args, 0, env);
    const source = resolveTimeZone(stringArg(args, 1, env));
    return formatted({ ...timestamp, ms: zoneToUtc(timestamp.ms, source), kind: 'utc' }, args, 2, env);
  }),
  convertTimeZone: eager(3, 4, (args, env) => {
    const timestamp = timestampArg(args, 0, env);
    const source = resolveTimeZone(stringArg(args, 1, env));
    const target = resolveTimeZone(stringArg(args, 2, env));
    return formatted(inZone(timestamp, zoneToUtc(timestamp.ms, source), target), args, 3, env);
  }),
};

/** A UTC instant as wall time in a zone: 'unspecified' like .NET, except in UTC itself. */
function inZone(timestamp: Timestamp, utcMs: number, zone: string): Timestamp {
  return { ms: utcToZone(utcMs, zone), subTicks: timestamp.subTicks, kind: isUtcZone(zone) ? 'utc' : 'unspecified' };
}
