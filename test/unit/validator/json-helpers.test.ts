import * as assert from 'node:assert/strict';
import {
  LineIndex,
  createStringOffsetMapper,
  parseJsonDocument,
  propertyValue,
  setValueEdits,
  valueAt,
} from '../../../src/core/json';

describe('JSON helpers', () => {
  describe('LineIndex', () => {
    it('maps offsets to lines and characters across \\n, \\r\\n and \\r', () => {
      const index = new LineIndex('ab\ncd\r\nef\rgh');
      assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
      assert.deepEqual(index.positionAt(4), { line: 1, character: 1 });
      assert.deepEqual(index.positionAt(7), { line: 2, character: 0 });
      assert.deepEqual(index.positionAt(10), { line: 3, character: 0 });
      assert.equal(index.offsetAt({ line: 2, character: 1 }), 8);
      assert.equal(index.lineCount, 4);
    });

    it('clamps offsets outside the text', () => {
      const index = new LineIndex('a\nb');
      assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
      assert.deepEqual(index.positionAt(99), { line: 1, character: 1 });
    });
  });

  describe('string offset mapper', () => {
    const source = '{"k": "a\\nb\\"c\\u00e9d"}';
    const node = propertyValue(parseJsonDocument(source).root, 'k')!;

    it('maps decoded offsets past \\n, \\" and \\uXXXX escapes to file offsets', () => {
      assert.equal(node.value, 'a\nb"céd');
      const mapper = createStringOffsetMapper(source, node);
      const decoded = String(node.value);
      // Each decoded character must sit where its escape starts in the file.
      assert.equal(source[mapper.toFileOffset(decoded.indexOf('a'))], 'a');
      assert.equal(source.slice(mapper.toFileOffset(1), mapper.toFileOffset(1) + 2), '\\n');
      assert.equal(source[mapper.toFileOffset(decoded.indexOf('b'))], 'b');
      assert.equal(source.slice(mapper.toFileOffset(3), mapper.toFileOffset(3) + 2), '\\"');
      assert.equal(source.slice(mapper.toFileOffset(5), mapper.toFileOffset(5) + 6), '\\u00e9');
      assert.equal(source[mapper.toFileOffset(6)], 'd');
      assert.equal(source[mapper.toFileOffset(decoded.length)], '"', 'the end maps to the closing quote');
    });

    it('is the identity shift for strings without escapes', () => {
      const plain = '{"k": "hello"}';
      const n = propertyValue(parseJsonDocument(plain).root, 'k')!;
      assert.equal(createStringOffsetMapper(plain, n).toFileOffset(2), plain.indexOf('hello') + 2);
    });
  });

  describe('parse', () => {
    it('reports every syntax error with its offset', () => {
      const doc = parseJsonDocument('{"a": 1 "b": 2,}');
      const kinds = doc.errors.map((e) => e.kind);
      // The trailing comma is an error too (jsonc-parser reports a missing property name and value there).
      assert.deepEqual(kinds, ['CommaExpected', 'PropertyNameExpected', 'ValueExpected']);
      assert.deepEqual(
        doc.errors.map((e) => e.offset),
        [8, 15, 15],
      );
      assert.equal(doc.errors.find((e) => e.kind === 'CommaExpected')!.offset, 8);
    });

    it('treats a byte-order mark as whitespace', () => {
      const doc = parseJsonDocument('\ufeff{"a": [1]}');
      assert.equal(doc.errors.length, 0);
      assert.equal(valueAt(doc.root, ['a', 0])!.value, 1);
    });

    it('rejects comments', () => {
      assert.equal(parseJsonDocument('{"a": 1 // no\n}').errors[0].kind, 'InvalidCommentToken');
    });
  });

  describe('setValueEdits', () => {
    it('inserts a property with the document indentation', () => {
      const source = '{\n    "a": {\n        "b": 1\n    }\n}';
      const edits = setValueEdits(source, ['a', 'c'], true);
      let out = source;
      for (const e of [...edits].reverse()) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
      assert.deepEqual(JSON.parse(out), { a: { b: 1, c: true } });
      assert.match(out, /\n {8}"c": true/);
    });
  });
});
