// Timestamps as ADF's .NET runtime handles them: parsed from ISO 8601 and US (en-US) forms, kept to the
// 100-ns tick, formatted with .NET standard and custom date and time format strings (en-US names).
import { invalidArgument } from './evaluation-error';

/** A point in time, to the tick. `ms` is milliseconds since 1970-01-01 on the timestamp's own clock. */
export interface Timestamp {
  readonly ms: number;
  /** 100-ns ticks beyond `ms`: 0 to 9999. */
  readonly subTicks: number;
  /** 'utc' prints a Z with the K specifier (and the default 'o' format); 'unspecified' prints nothing. */
  readonly kind: 'utc' | 'unspecified';
}

const MS_PER_DAY = 86_400_000;
const TICKS_PER_MS = 10_000;
/** .NET ticks at 1970-01-01T00:00:00Z (ticks count from 0001-01-01). */
const EPOCH_TICKS = 621_355_968_000_000_000n;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** en-US patterns of the .NET standard format specifiers. */
const STANDARD_FORMATS: Readonly<Record<string, string>> = {
  d: 'M/d/yyyy',
  D: 'dddd, MMMM d, yyyy',
  f: 'dddd, MMMM d, yyyy h:mm tt',
  F: 'dddd, MMMM d, yyyy h:mm:ss tt',
  g: 'M/d/yyyy h:mm tt',
  G: 'M/d/yyyy h:mm:ss tt',
  m: 'MMMM d',
  M: 'MMMM d',
  o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  r: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  R: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  t: 'h:mm tt',
  T: 'h:mm:ss tt',
  u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
  U: 'dddd, MMMM d, yyyy h:mm:ss tt',
  y: 'MMMM yyyy',
  Y: 'MMMM yyyy',
};

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 to 9,999,999 ticks within the second. */
  readonly fraction: number;
}

export function fromParts(parts: DateParts, kind: Timestamp['kind']): Timestamp {
  const date = new Date(0);
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  date.setUTCHours(parts.hour, parts.minute, parts.second, 0);
  return normalize(date.getTime(), parts.fraction, kind);
}

export function toParts(timestamp: Timestamp): DateParts & { readonly dayOfWeek: number } {
  const date = new Date(timestamp.ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    fraction: date.getUTCMilliseconds() * TICKS_PER_MS + timestamp.subTicks,
    dayOfWeek: date.getUTCDay(),
  };
}

/** A timestamp from whole milliseconds plus any number of extra ticks. */
function normalize(ms: number, extraTicks: number, kind: Timestamp['kind']): Timestamp {
  const carry = Math.floor(extraTicks / TICKS_PER_MS);
  return { ms: ms + carry, subTicks: extraTicks - carry * TICKS_PER_MS, kind };
}

export function fromDate(date: Date): Timestamp {
  return { ms: date.getTime(), subTicks: 0, kind: 'utc' };
}

/** The timestamp moved by a number of ticks (may be fractional input, rounded to the tick). */
export function addTicks(timestamp: Timestamp, ticks: number): Timestamp {
  const whole = Math.round(ticks);
  const ms = Math.trunc(whole / TICKS_PER_MS);
  return checkRange(normalize(timestamp.ms + ms, timestamp.subTicks + (whole - ms * TICKS_PER_MS), timestamp.kind));
}

/** .NET AddMonths: same day, clamped to the length of the target month. */
export function addMonths(timestamp: Timestamp, months: number): Timestamp {
  const parts = toParts(timestamp);
  const index = parts.year * 12 + (parts.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(parts.day, daysInMonth(year, month));
  return checkRange(fromParts({ ...parts, year, month, day }, timestamp.kind));
}

export function startOf(timestamp: Timestamp, unit: 'day' | 'hour' | 'month'): Timestamp {
  const parts = toParts(timestamp);
  switch (unit) {
    case 'month':
      return fromParts({ ...parts, day: 1, hour: 0, minute: 0, second: 0, fraction: 0 }, timestamp.kind);
    case 'day':
      return fromParts({ ...parts, hour: 0, minute: 0, second: 0, fraction: 0 }, timestamp.kind);
    case 'hour':
      return fromParts({ ...parts, minute: 0, second: 0, fraction: 0 }, timestamp.kind);
  }
}

/** .NET DateTime.Ticks: 100-ns intervals since 0001-01-01T00:00:00. */
/**
 * .NET ticks (100 ns since 0001-01-01), a 64-bit integer in ADF: above 2^53 a JavaScript number would lose the
 * last digits, so a value that large stays a BigInt (an integer to the evaluator; text keeps every digit).
 */
export function ticksOf(timestamp: Timestamp): number | bigint {
  const ticks = BigInt(timestamp.ms) * BigInt(TICKS_PER_MS) + BigInt(timestamp.subTicks) + EPOCH_TICKS;
  return ticks <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(ticks) : ticks;
}

export function dayOfYear(timestamp: Timestamp): number {
  const parts = toParts(timestamp);
  const startOfYear = fromParts(
    { year: parts.year, month: 1, day: 1, hour: 0, minute: 0, second: 0, fraction: 0 },
    timestamp.kind,
  );
  return Math.floor((timestamp.ms - startOfYear.ms) / MS_PER_DAY) + 1;
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

function checkRange(timestamp: Timestamp): Timestamp {
  const year = new Date(timestamp.ms).getUTCFullYear();
  if (!(year >= 1 && year <= 9999)) throw invalidArgument('the resulting date is outside the years 1 to 9999');
  return timestamp;
}

const ZONE = String.raw`(?:\s*(Z|GMT|UTC|[+-]\d{1,2}(?::?\d{2})?))?`;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:[Tt]|\s+)${TIME})?${ZONE}$`, 'i');
const US = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+${TIME}(?:\s*([AP]M))?)?${ZONE}$`, 'i');
const RFC1123 = new RegExp(
  String.raw`^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})(?:\s+${TIME})?${ZONE}$`,
  'i',
);

/**
 * Reads a timestamp: ISO 8601 (`2018-03-15T13:00:00.1234567Z`, offsets, date only), en-US
 * (`03/15/2018 1:00:00 PM`) and RFC 1123 (`Thu, 15 Mar 2018 13:00:00 GMT`). Offsets are converted to
 * UTC; no zone gives an 'unspecified' timestamp. Returns undefined when the text is none of these.
 */
export function parseTimestamp(text: string): Timestamp | undefined {
  const trimmed = text.trim();
  let match = ISO.exec(trimmed);
  if (match) return build(+match[1], +match[2], +match[3], match.slice(4, 8), undefined, match[8]);
  match = US.exec(trimmed);
  if (match) return build(+match[3], +match[1], +match[2], match.slice(4, 8), match[8], match[9]);
  match = RFC1123.exec(trimmed);
  if (match) {
    const month = MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === match![2].toLowerCase()) + 1;
    if (month === 0) return undefined;
    return build(+match[3], month, +match[1], match.slice(4, 8), undefined, match[8] ?? 'GMT');
  }
  return undefined;
}

function build(
  year: number,
  month: number,
  day: number,
  time: (string | undefined)[],
  ampm: string | undefined,
  zone: string | undefined,
): Timestamp | undefined {
  let hour = time[0] === undefined ? 0 : +time[0];
  const minute = time[1] === undefined ? 0 : +time[1];
  const second = time[2] === undefined ? 0 : +time[2];
  const fraction = time[3] === undefined ? 0 : Number(time[3].slice(0, 7).padEnd(7, '0'));
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (ampm.toUpperCase() === 'PM' ? 12 : 0);
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const local = fromParts({ year, month, day, hour, minute, second, fraction }, zone ? 'utc' : 'unspecified');
  const offset = zone ? offsetMinutes(zone) : 0;
  if (offset === undefined) return undefined;
  return offset === 0 ? local : { ...local, ms: local.ms - offset * 60_000 };
}

function offsetMinutes(zone: string): number | undefined {
  if (/^(Z|GMT|UTC)$/i.test(zone)) return 0;
  const match = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const minutes = +match[2] * 60 + (match[3] ? +match[3] : 0);
  if (+match[2] > 14) return undefined;
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * Formats like .NET DateTime.ToString(format, en-US): one character is a standard format ('o', 'D', ...),
 * anything longer a custom pattern (yyyy, MM, dd, HH, hh, mm, ss, fffffff, FFFFFFF, tt, K, zzz, 'literal',
 * \escape, %x). The default is 'o'. The runtime's local time zone is UTC, as on Azure.
 */
export function formatTimestamp(timestamp: Timestamp, format?: string): string {
  const pattern = format === undefined || format === '' ? 'o' : format;
  if (pattern.length === 1) {
    const standard = STANDARD_FORMATS[pattern];
    if (!standard) throw invalidArgument(`'${pattern}' is not a .NET standard date and time format specifier`);
    return formatCustom(timestamp, standard);
  }
  return formatCustom(timestamp, pattern);
}

function formatCustom(timestamp: Timestamp, pattern: string): string {
  const parts = toParts(timestamp);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    let ch = pattern[i];
    let count: number;
    if (ch === '%' && i + 1 < pattern.length && pattern[i + 1] !== '%') {
      ch = pattern[i + 1];
      i += 1;
      count = 1;
      if (!'dfFghHKmMstyz'.includes(ch)) {
        out += ch;
        i += 1;
        continue;
      }
    } else if (ch === "'" || ch === '"') {
      const { text, end } = quoted(pattern, i);
      out += text;
      i = end;
      continue;
    } else if (ch === '\\') {
      if (i + 1 >= pattern.length) throw invalidArgument(`the format '${pattern}' ends with a lone backslash`);
      out += pattern[i + 1];
      i += 2;
      continue;
    } else if (!'dfFghHKmMstyz'.includes(ch)) {
      out += ch;
      i += 1;
      continue;
    } else {
      count = 1;
      while (i + count < pattern.length && pattern[i + count] === ch) count++;
    }
    out = appendSpecifier(out, ch, count, parts, timestamp, pattern);
    i += count;
  }
  return out;
}

function quoted(pattern: string, start: number): { text: string; end: number } {
  const quote = pattern[start];
  let text = '';
  let i = start + 1;
  while (i < pattern.length && pattern[i] !== quote) {
    if (pattern[i] === '\\' && i + 1 < pattern.length) i++;
    text += pattern[i];
    i++;
  }
  if (i >= pattern.length) throw invalidArgument(`the format '${pattern}' has an unterminated quote`);
  return { text, end: i + 1 };
}

function appendSpecifier(
  out: string,
  ch: string,
  count: number,
  parts: ReturnType<typeof toParts>,
  timestamp: Timestamp,
  pattern: string,
): string {
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  switch (ch) {
    case 'd':
      if (count === 1) return out + parts.day;
      if (count === 2) return out + pad(parts.day, 2);
      return out + (count === 3 ? DAYS[parts.dayOfWeek].slice(0, 3) : DAYS[parts.dayOfWeek]);
    case 'f':
    case 'F': {
      if (count > 7) throw invalidArgument(`the format '${pattern}' asks for more than 7 fraction digits`);
      let digits = pad(parts.fraction, 7).slice(0, count);
      if (ch === 'f') return out + digits;
      digits = digits.replace(/0+$/, '');
      // .NET drops the decimal point too when F prints nothing.
      return digits === '' && out.endsWith('.') ? out.slice(0, -1) : out + digits;
    }
    case 'g':
      return `${out}A.D.`;
    case 'h': {
      const hour = parts.hour % 12 || 12;
      return out + (count === 1 ? String(hour) : pad(hour, 2));
    }
    case 'H':
      return out + (count === 1 ? String(parts.hour) : pad(parts.hour, 2));
    case 'K':
      return out + (timestamp.kind === 'utc' ? 'Z' : '');
    case 'm':
      return out + (count === 1 ? String(parts.minute) : pad(parts.minute, 2));
    case 'M':
      if (count === 1) return out + parts.month;
      if (count === 2) return out + pad(parts.month, 2);
      return out + (count === 3 ? MONTHS[parts.month - 1].slice(0, 3) : MONTHS[parts.month - 1]);
    case 's':
      return out + (count === 1 ? String(parts.second) : pad(parts.second, 2));
    case 't': {
      const designator = parts.hour < 12 ? 'AM' : 'PM';
      return out + (count === 1 ? designator[0] : designator);
    }
    case 'y':
      if (count === 1) return out + (parts.year % 100);
      if (count === 2) return out + pad(parts.year % 100, 2);
      return out + pad(parts.year, count);
    case 'z':
      return out + (count === 1 ? '+0' : count === 2 ? '+00' : '+00:00');
    default:
      return out + ch.repeat(count);
  }
}
