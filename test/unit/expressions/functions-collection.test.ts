import * as assert from 'node:assert/strict';
import { expectAll, failure } from './evaluate-helpers';

describe('expression functions: collection (documented examples)', () => {
  it('contains on strings (case-sensitive), arrays and object keys', () => {
    expectAll([
      ["contains('hello world', 'world')", true],
      ["contains('hello world', 'universe')", false],
      ["contains('hello world', 'World')", false],
      ["contains(createArray('a', 'b'), 'b')", true],
      ['contains(createArray(1, 2), 3)', false],
      ["contains(json('{\"key\": 1}'), 'key')", true],
      ["contains(json('{\"key\": 1}'), 'Key')", false],
    ]);
  });

  it('empty', () => {
    expectAll([
      ["empty('')", true],
      ["empty('abc')", false],
      ['empty(createArray(1, 2))', false],
      ["empty(json('[]'))", true],
      ["empty(json('{}'))", true],
      ['empty(null)', true],
    ]);
    assert.equal(failure('empty(1)').code, 'invalid-argument');
  });

  it('first and last', () => {
    expectAll([
      ["first('hello')", 'h'],
      ['first(createArray(0, 1, 2))', 0],
      ["last('abcd')", 'd'],
      ['last(createArray(0, 1, 2, 3))', 3],
      ["first(json('[]'))", null],
    ]);
  });

  it('intersection and union, of arrays and of objects', () => {
    expectAll([
      ['intersection(createArray(1, 2, 3), createArray(101, 2, 1, 10), createArray(6, 8, 1, 2))', [1, 2]],
      ['union(createArray(1, 2, 3), createArray(1, 2, 10, 101))', [1, 2, 3, 10, 101]],
      ['union(json(\'{"a": 1, "b": 2}\'), json(\'{"b": 3, "c": 4}\'))', { a: 1, b: 3, c: 4 }],
      ['intersection(json(\'{"a": 1, "b": 2}\'), json(\'{"a": 1, "b": 3}\'))', { a: 1 }],
    ]);
    assert.match(failure("union(createArray(1), json('{}'))").message, /not a mix of both/);
  });

  it('join', () => {
    expectAll([
      ["join(createArray('a', 'b', 'c'), '.')", 'a.b.c'],
      ["join(createArray(1, true, 'x'), ', ')", '1, True, x'],
    ]);
  });

  it('length', () => {
    expectAll([
      ["length('abcd')", 4],
      ['length(createArray(0, 1, 2, 3))', 4],
    ]);
  });

  it('skip and take', () => {
    expectAll([
      ['skip(createArray(0, 1, 2, 3), 1)', [1, 2, 3]],
      ["take('abcde', 3)", 'abc'],
      ['take(createArray(0, 1, 2, 3, 4), 3)', [0, 1, 2]],
      ['take(createArray(0, 1), 5)', [0, 1]],
      ["skip('abcde', 2)", 'cde'],
    ]);
  });
});
