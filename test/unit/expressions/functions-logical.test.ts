import * as assert from 'node:assert/strict';
import { ev, expectAll, failure } from './evaluate-helpers';

describe('expression functions: logical (documented examples)', () => {
  it('and and or', () => {
    expectAll([
      ['and(true, true)', true],
      ['and(false, true)', false],
      ['and(false, false)', false],
      ['and(equals(1, 1), equals(2, 2))', true],
      ['and(equals(1, 1), equals(1, 2))', false],
      ['or(true, false)', true],
      ['or(false, false)', false],
      ['or(equals(1, 1), equals(1, 2))', true],
      ['or(equals(1, 2), equals(1, 3))', false],
    ]);
  });

  it('equals: case-sensitive strings, numbers across int and float, deep arrays and objects', () => {
    expectAll([
      ['equals(true, 1)', true],
      ["equals('abc', 'abcd')", false],
      ["equals('abc', 'ABC')", false],
      ['equals(1, 1.0)', true],
      ["equals(createArray(1, 'a'), createArray(1, 'a'))", true],
      ['equals(json(\'{"a": [1]}\'), json(\'{"a": [1]}\'))', true],
      ['equals(json(\'{"a": 1}\'), json(\'{"a": 1, "b": 2}\'))', false],
      ['equals(null, null)', true],
      ["equals('1', 1)", false],
    ]);
  });

  it('greater, greaterOrEquals, less, lessOrEquals on numbers and strings', () => {
    expectAll([
      ['greater(10, 5)', true],
      ["greater('apple', 'banana')", false],
      ['greaterOrEquals(5, 5)', true],
      ["greaterOrEquals('apple', 'banana')", false],
      ['less(5, 10)', true],
      ["less('banana', 'apple')", false],
      ['lessOrEquals(10, 10)', true],
      ["lessOrEquals('apply', 'apple')", false],
      ['greater(2.5, 2)', true],
    ]);
    assert.match(failure("greater(1, 'a')").message, /two numbers or two strings/);
  });

  it('if returns one of two values and evaluates only that one', () => {
    expectAll([
      ["if(equals(1, 1), 'yes', 'no')", 'yes'],
      ["if(equals(1, 2), 'yes', 'no')", 'no'],
      ["if(empty(createArray()), 'none', first(createArray()))", 'none'],
    ]);
    // The branch not taken would fail (no such variable), yet the call succeeds.
    assert.equal(ev("if(true, 'ok', variables('missing'))", { variables: () => undefined }), 'ok');
    assert.equal(ev("and(false, variables('missing'))", { variables: () => undefined }), false);
    assert.equal(ev("or(true, variables('missing'))", { variables: () => undefined }), true);
  });

  it('not', () => {
    expectAll([
      ['not(false)', true],
      ['not(true)', false],
      ['not(equals(1, 2))', true],
      ['not(equals(1, 1))', false],
    ]);
  });

  it('conditions must be booleans', () => {
    const error = failure("if('true', 1, 2)");
    assert.equal(error.functionName, 'if');
    assert.match(error.message, /if\(\) expects its first argument to be a boolean, not string 'true'/);
    assert.equal(failure('not(1)').code, 'invalid-argument');
  });
});
