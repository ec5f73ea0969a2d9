import * as assert from 'node:assert/strict';
import { jsonTokens } from '../../../src/webview/wizard/json-view';

describe("wizard: the review step's JSON view", () => {
  it('marks property names, strings, numbers and literals, and keeps every character', () => {
    const text = '{\n  "name": "Run-Score",\n  "n": 30,\n  "ok": true,\n  "x": null,\n  "list": ["a:b"]\n}';
    const tokens = jsonTokens(text);
    assert.equal(tokens.map((t) => t.text).join(''), text);
    const of = (kind: string): string[] => tokens.filter((t) => t.kind === kind).map((t) => t.text);
    assert.deepEqual(of('key'), ['"name"', '"n"', '"ok"', '"x"', '"list"']);
    assert.deepEqual(of('string'), ['"Run-Score"', '"a:b"']);
    assert.deepEqual(of('number'), ['30']);
    assert.deepEqual(of('literal'), ['true', 'null']);
  });
});
