import * as assert from 'node:assert/strict';
import { forgetLastParse, parseJsonDocument, parseJsonDocumentReusing, type JsonNode } from '../../../src/core/json';
import { generateBatchPipeline } from '../../../src/core/pipeline';
import { validate } from '../../../src/core/validator';

/** Everything a tree says, without parent pointers. */
function dump(node: JsonNode | undefined): unknown {
  if (!node) return undefined;
  return {
    type: node.type,
    offset: node.offset,
    length: node.length,
    value: node.value,
    colon: node.colonOffset,
    children: node.children?.map(dump),
  };
}

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const base = JSON.stringify(
  generateBatchPipeline({
    endpointUri: 'https://e.westeurope.inference.ml.azure.com/jobs',
    auth: { kind: 'sp-secret', tenantId: 't', clientId: 'c' },
  }),
  null,
  2,
);

describe('JSON helpers: reusing the last tree after an edit', () => {
  afterEach(forgetLastParse);

  it('gives the same tree as a fresh parse after edits anywhere (strings, numbers, keys, structure)', () => {
    const next = random(7);
    let text = base;
    forgetLastParse();
    parseJsonDocumentReusing(text);
    const alphabet = 'ab1 9"\\{}[],:@\'-.e';
    for (let i = 0; i < 400; i++) {
      const at = Math.floor(next() * text.length);
      const op = next();
      const ch = alphabet[Math.floor(next() * alphabet.length)];
      const edited =
        op < 0.4
          ? text.slice(0, at) + ch + text.slice(at + 1)
          : op < 0.7
            ? text.slice(0, at) + ch + text.slice(at)
            : text.slice(0, at) + text.slice(at + 1);
      const reused = parseJsonDocumentReusing(edited);
      const fresh = parseJsonDocument(edited);
      assert.deepEqual(dump(reused.root), dump(fresh.root), `edit ${i} at ${at}`);
      assert.deepEqual(reused.errors, fresh.errors, `edit ${i}`);
      assert.deepEqual(
        reused.duplicateKeys.map((d) => [d.key.offset, d.first.offset]),
        fresh.duplicateKeys.map((d) => [d.key.offset, d.first.offset]),
      );
      // Go on from valid texts only, like a user who fixes typos as they go.
      if (!fresh.errors.length) text = edited;
    }
  });

  it('patches the tree in place for an edit inside a string or number value', () => {
    forgetLastParse();
    const first = parseJsonDocumentReusing(base);
    const at = base.indexOf('Run Batch-Endpoint') + 3;
    const edited = base.slice(0, at) + 'X' + base.slice(at);
    const second = parseJsonDocumentReusing(edited);
    assert.equal(second.root, first.root, 'the same tree object, patched');
    assert.deepEqual(dump(second.root), dump(parseJsonDocument(edited).root));
  });

  it('validate() after an edit reports exactly what a cold validation reports', () => {
    forgetLastParse();
    validate(base);
    const at = base.indexOf('"activity": "Run Batch-Endpoint"') + '"activity": "Run'.length;
    const edited = base.slice(0, at) + 'x' + base.slice(at);
    const warm = validate(edited);
    forgetLastParse();
    const cold = validate(edited);
    assert.deepEqual(warm, cold);
    assert.ok(warm.some((p) => p.code === 'ADF301'));
  });
});
