import * as assert from 'node:assert/strict';
import { expressionCursorAt, expressionRegionAt } from '../../../src/core/editor-support/expression-cursor';

/** The cursor context at `|`. */
function cursor(value: string): [string, string, number] | undefined {
  const index = value.indexOf('|');
  const found = expressionCursorAt(value.replace('|', ''), index);
  return found ? [found.kind, found.prefix, found.start] : undefined;
}

describe('editor: what is being typed inside an expression', () => {
  it('functions after @, @{, ( and ,', () => {
    assert.deepEqual(cursor('@|'), ['function', '', 1]);
    assert.deepEqual(cursor('@con|'), ['function', 'con', 1]);
    assert.deepEqual(cursor('@concat(|'), ['function', '', 8]);
    assert.deepEqual(cursor("@concat('a', to|"), ['function', 'to', 13]);
    assert.deepEqual(cursor('text @{ut|} more'), ['function', 'ut', 7]);
  });

  it('nothing outside expressions, in plain strings, after @@, or after a member dot', () => {
    assert.equal(cursor('plain |text'), undefined);
    assert.equal(cursor('@@escaped|'), undefined);
    assert.equal(cursor("@concat('in a str|"), undefined);
    assert.equal(cursor("@activity('x').out|"), undefined);
    assert.equal(cursor('a @{x} b|'), undefined);
    assert.equal(cursor('@add(1, 2|'), undefined);
  });

  it('pipeline() properties and pipeline().parameters.*', () => {
    assert.deepEqual(cursor('@pipeline().|'), ['pipelineProperty', '', 12]);
    assert.deepEqual(cursor('@pipeline().Ru|'), ['pipelineProperty', 'Ru', 12]);
    assert.deepEqual(cursor('@pipeline().parameters.|'), ['parameter', '', 23]);
    assert.deepEqual(cursor("@concat(pipeline()?.Parameters.end|, 'x')"), ['parameter', 'end', 31]);
    assert.deepEqual(cursor("@pipeline().parameters['my |"), ['parameter', 'my ', 24]);
  });

  it("variables('...') and activity('...') inside the quotes, with '' escapes", () => {
    assert.deepEqual(cursor("@variables('|"), ['variable', '', 12]);
    assert.deepEqual(cursor("@{variables('sta|')}"), ['variable', 'sta', 13]);
    assert.deepEqual(cursor("@activity( 'Run B|"), ['activity', 'Run B', 12]);
    assert.deepEqual(cursor("@activity('it''s|"), ['activity', "it''s", 11]);
    assert.equal(cursor("@activity('done').|"), undefined);
  });

  it('interpolation regions end at their closing brace (quoted braces do not count)', () => {
    assert.deepEqual(expressionRegionAt("a @{concat('}', x)} b", 5), { start: 4, end: 18 });
    assert.equal(expressionRegionAt('a @{x} b', 7), undefined);
    assert.deepEqual(expressionRegionAt('a @{x', 5), { start: 4, end: 5 });
  });
});
