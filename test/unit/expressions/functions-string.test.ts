import * as assert from 'node:assert/strict';
import { ev, expectAll, failure } from './evaluate-helpers';

describe('expression functions: string (documented examples)', () => {
  it('concat', () => {
    expectAll([
      ["concat('Hello', 'World')", 'HelloWorld'],
      ["concat('Baba', '''s ', 'book store')", "Baba's book store"],
      ["concat('Answer is: ', string(42))", 'Answer is: 42'],
      ["concat('only one')", 'only one'],
      ["concat('n=', 1, ' ok=', true, ' none=', null)", 'n=1 ok=True none='],
      ['concat(createArray(1, 2), createArray(3))', [1, 2, 3]],
    ]);
  });

  it('endsWith and startsWith ignore letter case', () => {
    expectAll([
      ["endsWith('hello world', 'world')", true],
      ["endsWith('hello world', 'universe')", false],
      ["endsWith('hello world', 'WORLD')", true],
      ["startsWith('hello world', 'hello')", true],
      ["startsWith('hello world', 'greetings')", false],
      ["startsWith('Hello World', 'hELLO')", true],
    ]);
  });

  it('guid in every format', () => {
    expectAll([
      ['guid()', 'c2ecc88d-88c8-4096-912c-d6f2e2b138ce'],
      ["guid('')", 'c2ecc88d-88c8-4096-912c-d6f2e2b138ce'], // .NET: an empty format is "D"
      ["guid('d')", 'c2ecc88d-88c8-4096-912c-d6f2e2b138ce'],
      ["guid('P')", '(c2ecc88d-88c8-4096-912c-d6f2e2b138ce)'],
      ["guid('N')", 'c2ecc88d88c84096912cd6f2e2b138ce'],
      ["guid('B')", '{c2ecc88d-88c8-4096-912c-d6f2e2b138ce}'],
      ["guid('X')", '{0xc2ecc88d,0x88c8,0x4096,{0x91,0x2c,0xd6,0xf2,0xe2,0xb1,0x38,0xce}}'],
    ]);
    assert.match(
      String(ev('guid()', { newGuid: undefined })),
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    assert.match(failure("guid('Q')").message, /'N', 'D', 'B', 'P' or 'X'/);
  });

  it('indexOf and lastIndexOf ignore letter case and give -1 when not found', () => {
    expectAll([
      ["indexOf('hello world', 'world')", 6],
      ["indexOf('hello world', 'WORLD')", 6],
      ["indexOf('hello world', 'universe')", -1],
      ["lastIndexOf('hello world', 'world')", 6],
      ["lastIndexOf('hello world hello world', 'World')", 18],
    ]);
  });

  it('replace is case-sensitive and replaces every occurrence', () => {
    expectAll([
      ["replace('the old string', 'old', 'new')", 'the new string'],
      ["replace('a-b-c', '-', '_')", 'a_b_c'],
      ["replace('Old old', 'old', 'new')", 'Old new'],
    ]);
    assert.equal(failure("replace('abc', '', 'x')").code, 'invalid-argument');
  });

  it('split', () => {
    expectAll([
      ["split('a_b_c', '_')", ['a', 'b', 'c']],
      ["split('a::b', '::')", ['a', 'b']],
      ["split('abc', ',')", ['abc']],
      ["split('a,,b', ',')", ['a', '', 'b']],
    ]);
  });

  it('substring, with the length optional, and a clear error past the end', () => {
    expectAll([
      ["substring('hello world', 6, 5)", 'world'],
      ["substring('hello world', 6)", 'world'],
      ["substring('hello', 0, 0)", ''],
    ]);
    const error = failure("substring('hello', 2, 10)");
    assert.equal(error.code, 'invalid-argument');
    assert.match(error.message, /runs past the end/);
  });

  it('toLower, toUpper, trim', () => {
    expectAll([
      ["toLower('Hello World')", 'hello world'],
      ["toUpper('Hello World')", 'HELLO WORLD'],
      ["trim(' Hello World  ')", 'Hello World'],
    ]);
  });

  it('string functions reject non-strings with a message naming the function', () => {
    const error = failure('toUpper(1)');
    assert.equal(error.code, 'invalid-argument');
    assert.equal(error.functionName, 'toUpper');
    assert.match(error.message, /toUpper\(\) expects its first argument to be a string, not integer 1/);
  });
});
