import * as assert from 'node:assert/strict';
import { ev, expectAll, failure } from './evaluate-helpers';

const HELLO_BINARY = { '$content-type': 'application/octet-stream', $content: 'aGVsbG8=' };

describe('expression functions: conversion (documented examples)', () => {
  it('array and createArray', () => {
    expectAll([
      ["array('hello')", ['hello']],
      ["createArray('h', 'e', 'l', 'l', 'o')", ['h', 'e', 'l', 'l', 'o']],
      ['createArray()', []],
    ]);
  });

  it('base64, base64ToString, decodeBase64', () => {
    expectAll([
      ["base64('hello')", 'aGVsbG8='],
      ["base64ToString('aGVsbG8=')", 'hello'],
      ["decodeBase64('aGVsbG8=')", 'hello'],
      ["base64ToString(base64('héllo ✓'))", 'héllo ✓'],
    ]);
    assert.match(failure("base64ToString('not base64!')").message, /not valid base64/);
  });

  it('binary values as the runtime represents them ($content-type and base64 $content)', () => {
    expectAll([
      ["binary('hello')", HELLO_BINARY],
      ["base64ToBinary('aGVsbG8=')", HELLO_BINARY],
      ["dataUriToBinary('data:text/plain;charset=utf-8;base64,aGVsbG8=')", HELLO_BINARY],
      ["decodeDataUri('data:text/plain;charset=utf-8;base64,aGVsbG8=')", HELLO_BINARY],
      ["uriComponentToBinary('hello')", HELLO_BINARY],
      ["base64(binary('hello'))", 'aGVsbG8='],
      ["base64ToString(binary('hello'))", 'hello'],
    ]);
  });

  it('bool', () => {
    expectAll([
      ['bool(1)', true],
      ['bool(0)', false],
      ["bool('true')", true],
      ["bool('False')", false],
      ['bool(true)', true],
    ]);
    assert.match(failure("bool('yes')").message, /cannot convert string 'yes' to a boolean/);
  });

  it('coalesce', () => {
    expectAll([
      ['coalesce(null, true, false)', true],
      ["coalesce(null, 'hello', 'world')", 'hello'],
      ['coalesce(null, null, null)', null],
      ["coalesce('', 'x')", ''],
    ]);
  });

  it('dataUri and dataUriToString', () => {
    expectAll([
      ["dataUri('hello')", 'data:text/plain;charset=utf-8;base64,aGVsbG8='],
      ["dataUriToString('data:text/plain;charset=utf-8;base64,aGVsbG8=')", 'hello'],
      ["dataUriToString('data:,a%20b')", 'a b'],
    ]);
  });

  it('URI components: encodeUriComponent, uriComponent, decodeUriComponent, uriComponentToString', () => {
    expectAll([
      ["encodeUriComponent('https://contoso.com')", 'https%3A%2F%2Fcontoso.com'],
      ["uriComponent('https://contoso.com')", 'https%3A%2F%2Fcontoso.com'],
      ["uriComponent('a b!*()''~._-')", 'a%20b%21%2A%28%29%27~._-'],
      ["decodeUriComponent('http%3A%2F%2Fcontoso.com')", 'http://contoso.com'],
      ["uriComponentToString('http%3A%2F%2Fcontoso.com')", 'http://contoso.com'],
      ["uriComponentToString(replace(uriComponent('Contoso-\nCorporation'), '%0A', ''))", 'Contoso-Corporation'],
    ]);
    assert.match(failure("decodeUriComponent('%E0%A4%A')").message, /invalid percent-encoded/);
  });

  it('float and int', () => {
    expectAll([
      ["float('10.333')", 10.333],
      ["float('1,000.5')", 1000.5],
      ["int('10')", 10],
      ["int(' -7 ')", -7],
      ['int(2.5)', 2],
      ['int(3.5)', 4],
    ]);
    assert.match(failure("int('10.5')").message, /int\(\) cannot convert string '10.5' to an integer/);
    assert.match(failure("float('abc')").message, /cannot convert/);
  });

  it('json', () => {
    expectAll([
      ["json('[1, 2, 3]')", [1, 2, 3]],
      ['json(\'{"fullName": "Sophia Owen"}\')', { fullName: 'Sophia Owen' }],
      ['json(\'{"a": {"b": [true, null]}}\').a.b', [true, null]],
      ['json(null)', {}],
    ]);
    assert.match(failure("json('{oops')").message, /could not parse string '\{oops' as JSON/);
  });

  it('string: numbers, booleans as True/False, objects as compact JSON', () => {
    expectAll([
      ['string(10)', '10'],
      ['string(true)', 'True'],
      ['string(json(\'{ "name": "Sophie Owen" }\'))', '{"name":"Sophie Owen"}'],
      ['string(createArray(1, 2.5))', '[1,2.5]'],
      ['string(null)', ''],
      ["string('already')", 'already'],
    ]);
  });

  it('base64 of non-strings uses their text', () => {
    assert.equal(ev('base64(12)'), Buffer.from('12').toString('base64'));
  });
});
