import * as assert from 'node:assert/strict';
import { ev, expectAll, failure } from './evaluate-helpers';

// The documentation's examples, with the clock fixed at 2018-04-15T13:00:00Z where it says "suppose today
// is ...". Where its printed results carry typos (e.g. `2018-03-25T00:00:0000000Z` for addDays), the
// expected value here is the correct .NET output.
describe('expression functions: date and time (documented examples)', () => {
  it('addDays, addHours, addMinutes, addSeconds', () => {
    expectAll([
      ["addDays('2018-03-15T13:00:00Z', 10)", '2018-03-25T13:00:00.0000000Z'],
      ["addDays('2018-03-15T00:00:00Z', -5)", '2018-03-10T00:00:00.0000000Z'],
      ["addHours('2018-03-15T00:00:00Z', 10)", '2018-03-15T10:00:00.0000000Z'],
      ["addHours('2018-03-15T15:00:00Z', -5)", '2018-03-15T10:00:00.0000000Z'],
      ["addMinutes('2018-03-15T00:10:00Z', 10)", '2018-03-15T00:20:00.0000000Z'],
      ["addMinutes('2018-03-15T00:20:00Z', -5)", '2018-03-15T00:15:00.0000000Z'],
      ["addSeconds('2018-03-15T00:00:00Z', 10)", '2018-03-15T00:00:10.0000000Z'],
      ["addSeconds('2018-03-15T00:00:30Z', -5)", '2018-03-15T00:00:25.0000000Z'],
      ["addDays('2018-03-15T13:00:00Z', 1, 'yyyy-MM-dd')", '2018-03-16'],
      ["addDays('2018-03-15', 1.5)", '2018-03-16T12:00:00.0000000'],
    ]);
  });

  it('addToTime and subtractFromTime with units, including months clamped to the month end', () => {
    expectAll([
      ["addToTime('2018-01-01T00:00:00Z', 1, 'Day')", '2018-01-02T00:00:00.0000000Z'],
      ["addToTime('2018-01-01T00:00:00Z', 1, 'Day', 'D')", 'Tuesday, January 2, 2018'],
      ["subtractFromTime('2018-01-02T00:00:00Z', 1, 'Day')", '2018-01-01T00:00:00.0000000Z'],
      ["subtractFromTime('2018-01-02T00:00:00Z', 1, 'Day', 'D')", 'Monday, January 1, 2018'],
      ["addToTime('2018-01-31T10:00:00Z', 1, 'Month')", '2018-02-28T10:00:00.0000000Z'],
      ["addToTime('2020-02-29T00:00:00Z', 1, 'Year')", '2021-02-28T00:00:00.0000000Z'],
      ["addToTime('2018-01-01T00:00:00Z', 2, 'week')", '2018-01-15T00:00:00.0000000Z'],
    ]);
    assert.match(
      failure("addToTime('2018-01-01T00:00:00Z', 1, 'Fortnight')").message,
      /'Fortnight' is not a time unit/,
    );
  });

  it('getFutureTime, getPastTime and utcNow use the clock', () => {
    const march = { now: () => new Date('2018-03-01T00:00:00Z') };
    const february = { now: () => new Date('2018-02-01T00:00:00Z') };
    assert.equal(ev("getFutureTime(5, 'Day')", march), '2018-03-06T00:00:00.0000000Z');
    assert.equal(ev("getFutureTime(5, 'Day', 'D')", march), 'Tuesday, March 6, 2018');
    assert.equal(ev("getPastTime(5, 'Day')", february), '2018-01-27T00:00:00.0000000Z');
    assert.equal(ev("getPastTime(5, 'Day', 'D')", february), 'Saturday, January 27, 2018');
    expectAll([
      ['utcNow()', '2018-04-15T13:00:00.0000000Z'],
      ["utcNow('D')", 'Sunday, April 15, 2018'],
      ['utcnow()', '2018-04-15T13:00:00.0000000Z'],
    ]);
  });

  it('time zones: convertFromUtc, convertTimeZone, convertToUtc with Windows zone names', () => {
    expectAll([
      ["convertFromUtc('2018-01-01T08:00:00.0000000Z', 'Pacific Standard Time')", '2018-01-01T00:00:00.0000000'],
      ["convertFromUtc('2018-01-01T08:00:00.0000000Z', 'Pacific Standard Time', 'D')", 'Monday, January 1, 2018'],
      [
        "convertTimeZone('2018-01-01T08:00:00.0000000Z', 'UTC', 'Pacific Standard Time')",
        '2018-01-01T00:00:00.0000000',
      ],
      [
        "convertTimeZone('2018-01-01T08:00:00.0000000Z', 'UTC', 'Pacific Standard Time', 'D')",
        'Monday, January 1, 2018',
      ],
      ["convertToUtc('01/01/2018 00:00:00', 'Pacific Standard Time')", '2018-01-01T08:00:00.0000000Z'],
      ["convertToUtc('01/01/2018 00:00:00', 'Pacific Standard Time', 'D')", 'Monday, January 1, 2018'],
      // Summer time, a half-hour zone, punctuation dropped from a name, and back to UTC.
      ["convertFromUtc('2018-07-01T12:00:00Z', 'W. Europe Standard Time')", '2018-07-01T14:00:00.0000000'],
      ["convertFromUtc('2018-07-01T12:00:00Z', 'India Standard Time', 'HH:mm')", '17:30'],
      ["convertFromUtc('2018-07-01T12:00:00Z', 'W Europe Standard Time', 'HH:mm')", '14:00'],
      ["convertTimeZone('2018-07-01 14:00', 'Romance Standard Time', 'UTC')", '2018-07-01T12:00:00.0000000Z'],
    ]);
    assert.match(
      failure("convertFromUtc('2018-01-01T00:00:00Z', 'Mars Standard Time')").message,
      /not a known time zone/,
    );
  });

  it('dayOfMonth, dayOfWeek, dayOfYear', () => {
    expectAll([
      ["dayOfMonth('2018-03-15T13:27:36Z')", 15],
      ["dayOfWeek('2018-03-15T13:27:36Z')", 4],
      ["dayOfYear('2018-03-15T13:27:36Z')", 74],
      ["dayOfYear('2020-12-31')", 366],
    ]);
  });

  it('formatDateTime with standard and custom .NET formats', () => {
    expectAll([
      ["formatDateTime('03/15/2018 12:00:00', 'yyyy-MM-ddTHH:mm:ss')", '2018-03-15T12:00:00'],
      ["formatDateTime('2018-03-15T13:27:36.1234567Z')", '2018-03-15T13:27:36.1234567Z'],
      ["formatDateTime('2018-03-15T13:27:36Z', 'yyyy-dd-MM')", '2018-15-03'],
      ["formatDateTime('2018-03-05T08:07:06.5Z', 'yy/M/d h:m:s tt fff FFF')", '18/3/5 8:7:6 AM 500 5'],
      ["formatDateTime('2018-03-15T13:27:36Z', 'dddd ddd MMMM MMM hh t')", 'Thursday Thu March Mar 01 P'],
      ["formatDateTime('2018-03-15T13:27:36Z', 'HH:mm:ss.FFFFFFF')", '13:27:36'],
      ["formatDateTime('2018-03-15T13:27:36Z', 'yyyyMMdd''T''HHmm \\Z')", '20180315T1327 Z'],
      ["formatDateTime('2018-03-15T13:27:36Z', '%d')", '15'],
      ["formatDateTime('2018-03-15T13:27:36Z', 'd')", '3/15/2018'],
      ["formatDateTime('2018-03-15T13:27:36Z', 'D')", 'Thursday, March 15, 2018'],
      ["formatDateTime('2018-03-15T13:27:36Z', 'g')", '3/15/2018 1:27 PM'],
      ["formatDateTime('2018-03-15T13:27:36Z', 's')", '2018-03-15T13:27:36'],
      ["formatDateTime('2018-03-15T13:27:36Z', 'u')", '2018-03-15 13:27:36Z'],
      ["formatDateTime('2018-03-15T13:27:36Z', 'R')", 'Thu, 15 Mar 2018 13:27:36 GMT'],
      ["formatDateTime('2018-03-15T13:27:36Z', 'yyyy-MM-ddTHH:mm:ssK zzz')", '2018-03-15T13:27:36Z +00:00'],
      ["formatDateTime('2018-03-15T15:27:36+02:00')", '2018-03-15T13:27:36.0000000Z'],
      ["formatDateTime('Thu, 15 Mar 2018 13:27:36 GMT', 'o')", '2018-03-15T13:27:36.0000000Z'],
      ["formatDateTime('3/15/2018 1:27:36 PM', 'HH:mm')", '13:27'],
    ]);
    assert.match(failure("formatDateTime('2018-03-15', 'Q')").message, /not a .NET standard date and time format/);
    assert.match(failure("formatDateTime('yesterday')").message, /cannot read 'yesterday' as a timestamp/);
    assert.match(failure("formatDateTime('2018-02-30')").message, /cannot read/);
  });

  it('startOfDay, startOfHour, startOfMonth', () => {
    expectAll([
      ["startOfDay('2018-03-15T13:30:30Z')", '2018-03-15T00:00:00.0000000Z'],
      ["startOfHour('2018-03-15T13:30:30Z')", '2018-03-15T13:00:00.0000000Z'],
      ["startOfMonth('2018-03-15T13:30:30Z')", '2018-03-01T00:00:00.0000000Z'],
      ["startOfMonth('2018-03-15T13:30:30Z', 'yyyy-MM-dd')", '2018-03-01'],
    ]);
  });

  it('ticks', () => {
    expectAll([
      ["ticks('2018-01-01T08:00:00.0000000Z')", 636503904000000000],
      ["ticks('0001-01-01T00:00:00Z')", 0],
      ["div(sub(ticks('2018-01-01T08:00:10Z'), ticks('2018-01-01T08:00:00Z')), 10000000)", 10],
      // A 64-bit integer in ADF: every digit survives (a double would end in ...560).
      ["string(ticks('2018-01-01T08:00:00.1234567Z'))", '636503904001234567'],
      ["concat('t', ticks('9999-12-31T23:59:59.9999999Z'))", 't3155378975999999999'],
    ]);
  });

  it('ticks arithmetic is exact 64-bit integer arithmetic (a double is off by up to 64 ticks there)', () => {
    expectAll([
      // One tick apart: a double sees both as 636503904001234560 (difference 0).
      ["sub(ticks('2018-01-01T08:00:00.1234567Z'), ticks('2018-01-01T08:00:00.1234566Z'))", 1],
      ["string(add(ticks('2018-01-01T08:00:00.1234567Z'), 1))", '636503904001234568'],
      ["string(sub(ticks('2018-01-01T08:00:00.1234567Z'), 7))", '636503904001234560'],
      ["string(mul(ticks('2018-01-01T08:00:00.0000001Z'), 1))", '636503904000000001'],
      ["string(div(ticks('2018-01-01T08:00:00.0000001Z'), 1))", '636503904000000001'],
      ["mod(ticks('2018-01-01T08:00:00.1234567Z'), 10000000)", 1234567],
      ['string(add(636503904001234567, 0))', '636503904001234567'],
      ["string(int('636503904001234567'))", '636503904001234567'],
      // Comparisons and equality see the last digit too.
      ["greater(ticks('2018-01-01T08:00:00.1234567Z'), ticks('2018-01-01T08:00:00.1234566Z'))", true],
      ["equals(ticks('2018-01-01T08:00:00.1234567Z'), ticks('2018-01-01T08:00:00.1234566Z'))", false],
      ["equals(ticks('2018-01-01T08:00:00.1234567Z'), int('636503904001234567'))", true],
      [
        "string(max(ticks('2018-01-01T08:00:00.1234566Z'), ticks('2018-01-01T08:00:00.1234567Z')))",
        '636503904001234567',
      ],
      [
        "string(min(createArray(ticks('2018-01-01T08:00:00.1234567Z'), ticks('2018-01-01T08:00:00.1234566Z'))))",
        '636503904001234566',
      ],
      // JSON text keeps every digit as well.
      ["string(createArray(ticks('2018-01-01T08:00:00.1234567Z')))", '[636503904001234567]'],
      // Floats stay floats.
      ["add(ticks('0001-01-01T00:00:01Z'), 0.5)", 10000000.5],
    ]);
  });
});
