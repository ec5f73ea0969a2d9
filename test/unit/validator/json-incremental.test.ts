import * as assert from 'node:assert/strict';
import { parseJsonDocument, reparseJsonDocument, type JsonDocument, type JsonNode } from '../../../src/core/json';
import { generateBatchPipeline } from '../../../src/core/pipeline';
import { parsePipelineDocument, validate } from '../../../src/core/validator';
import { seededRandom } from '../../support/random';

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

const base = JSON.stringify(
  generateBatchPipeline({
    endpointUri: 'https://e.westeurope.inference.ml.azure.com/jobs',
    auth: { kind: 'sp-secret', tenantId: 't', clientId: 'c' },
  }),
  null,
  2,
);

describe('JSON helpers: reusing the last tree after an edit', () => {
  it('gives the same tree as a fresh parse after edits anywhere (strings, numbers, keys, structure)', () => {
    const next = seededRandom(7);
    let text = base;
    let previous: JsonDocument = parseJsonDocument(text);
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
      const reused = reparseJsonDocument(edited, previous);
      previous = reused;
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
    const first = parseJsonDocument(base);
    const at = base.indexOf('Run Batch-Endpoint') + 3;
    const edited = base.slice(0, at) + 'X' + base.slice(at);
    const second = reparseJsonDocument(edited, first);
    assert.equal(second.root, first.root, 'the same tree object, patched');
    assert.deepEqual(dump(second.root), dump(parseJsonDocument(edited).root));
  });

  it('validating the next version of a document reports exactly what a cold validation reports', () => {
    const first = parsePipelineDocument(base);
    validate(first);
    const at = base.indexOf('"activity": "Run Batch-Endpoint"') + '"activity": "Run'.length;
    const edited = base.slice(0, at) + 'x' + base.slice(at);
    const second = parsePipelineDocument(edited, { previous: first });
    assert.equal(second.json.root, first.json.root, 'the previous tree was patched, not parsed again');
    assert.equal(second.expressions, first.expressions, 'the parsed expressions are carried over');
    const warm = validate(second);
    const cold = validate(edited);
    assert.deepEqual(warm, cold);
    assert.ok(warm.some((p) => p.code === 'ADF301'));
  });

  it("hands a document's tree over once: a second version parsed from the same previous one is parsed afresh", () => {
    const first = parsePipelineDocument(base);
    const at = base.indexOf('Run Batch-Endpoint') + 3;
    const second = parsePipelineDocument(base.slice(0, at) + 'X' + base.slice(at), { previous: first });
    const other = base.slice(0, at) + 'Y' + base.slice(at);
    const third = parsePipelineDocument(other, { previous: first });
    assert.notEqual(third.json.root, second.json.root);
    assert.deepEqual(dump(third.json.root), dump(parseJsonDocument(other).root));
    assert.deepEqual(validate(third), validate(other));
  });

  it('keeps nothing between validations of texts: the same text validated twice parses its expressions twice', () => {
    const a = parsePipelineDocument(base);
    const b = parsePipelineDocument(base);
    validate(a);
    validate(b);
    assert.notEqual(a.expressions, b.expressions);
    const value = '@pipeline().parameters.x';
    assert.notEqual(a.expressions.parse(value), b.expressions.parse(value), 'each document owns its parses');
    assert.equal(a.expressions.parse(value), a.expressions.parse(value), 'a document parses a string once');
  });
});
