import * as assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { stringAtOffset } from '../../../src/core/editor-support/string-at-offset';

function at(text: string, marker = '|'): { text: string; offset: number } {
  const offset = text.indexOf(marker);
  return { text: text.slice(0, offset) + text.slice(offset + marker.length), offset };
}

describe('editor: the string value under the cursor', () => {
  it('maps file offsets to value indexes and back across JSON escapes', () => {
    const { text, offset } = at('{"a": "x\\"y\\\\z\\u0041|b"}');
    const s = stringAtOffset(text, parseTree(text), offset);
    assert.ok(s);
    assert.equal(s.value, 'x"y\\zAb');
    assert.equal(s.toValueIndex(offset), 6);
    assert.equal(s.toFileOffset(6), offset);
    assert.equal(s.toFileOffset(1), text.indexOf('\\"'));
    assert.equal(s.toFileOffset(s.value.length), text.lastIndexOf('"'));
    assert.equal(s.toValueIndex(text.indexOf('\\"') + 1), 2, 'inside an escape: after it');
  });

  it('is undefined on property keys and outside strings', () => {
    const text = '{"key": 12, "s": "v"}';
    assert.equal(stringAtOffset(text, parseTree(text), 3), undefined);
    assert.equal(stringAtOffset(text, parseTree(text), 9), undefined);
    assert.equal(stringAtOffset(text, parseTree(text), text.indexOf('"v"') + 1)?.value, 'v');
  });

  it('in ARM templates: skips ARM expressions and drops the [[ escape', () => {
    const text = JSON.stringify({
      resources: [{ name: "[concat(parameters('f'), '/p')]", properties: { x: '[[not arm] @{pipeline().RunId}' } }],
    });
    const root = parseTree(text);
    assert.equal(stringAtOffset(text, root, text.indexOf('concat')), undefined);
    const offset = text.indexOf('pipeline');
    const s = stringAtOffset(text, root, offset);
    assert.ok(s);
    assert.equal(s.inArmTemplate, true);
    assert.equal(s.value, '[not arm] @{pipeline().RunId}');
    assert.equal(s.value.slice(s.toValueIndex(offset), s.toValueIndex(offset) + 8), 'pipeline');
    assert.equal(s.toFileOffset(s.value.indexOf('pipeline')), offset);
  });

  it('works on an unterminated string being typed', () => {
    const { text, offset } = at('{"a": "@pipeline().|\n}');
    const s = stringAtOffset(text, parseTree(text), offset);
    assert.ok(s);
    assert.equal(s.value.slice(0, s.toValueIndex(offset)), '@pipeline().');
  });
});
