import * as assert from 'node:assert/strict';
import { ev, expectAll, failure } from './evaluate-helpers';

describe('expression functions: math (documented examples and ADF type rules)', () => {
  it('add, sub, mul', () => {
    expectAll([
      ['add(1, 1.5)', 2.5],
      ['add(1, 2)', 3],
      ['sub(10.3, 0.3)', 10],
      ['sub(1, 3)', -2],
      ['mul(1, 2)', 2],
      ['mul(1.5, 2)', 3],
    ]);
  });

  it('div: integer division for integers, float division when either is a float', () => {
    expectAll([
      ['div(10, 5)', 2],
      ['div(11, 5)', 2],
      ['div(-11, 5)', -2],
      ['div(11, 5.0)', 2.2],
      ["div(float('5'), 2)", 2.5],
      ['div(mul(1.5, 2), 2)', 1.5],
    ]);
    assert.match(failure('div(1, 0)').message, /cannot divide by zero/);
  });

  it('mod', () => {
    expectAll([
      ['mod(3, 2)', 1],
      ['mod(-5, 3)', -2],
      ['mod(5.5, 2)', 1.5],
    ]);
  });

  it('max and min, over arguments or one array', () => {
    expectAll([
      ['max(1, 2, 3)', 3],
      ['max(createArray(1, 2, 3))', 3],
      ['min(1, 2, 3)', 1],
      ['min(createArray(1, 2, 3))', 1],
      ['max(1, 2.5)', 2.5],
    ]);
    assert.match(failure("max(1, 'a')").message, /works on numbers/);
  });

  it('rand stays in [min, max)', () => {
    assert.equal(ev('rand(1, 5)', { random: () => 0 }), 1);
    assert.equal(ev('rand(1, 5)', { random: () => 0.999999 }), 4);
    assert.equal(ev('rand(1, 5)'), 3);
  });

  it('range', () => {
    expectAll([
      ['range(1, 4)', [1, 2, 3, 4]],
      ['range(0, 0)', []],
      ['range(-2, 3)', [-2, -1, 0]],
    ]);
    assert.equal(failure('range(0, -1)').code, 'invalid-argument');
  });

  it('numbers must be numbers', () => {
    const error = failure("add(1, '2')");
    assert.match(error.message, /add\(\) expects its second argument to be a number, not string '2'/);
  });
});
