import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describeArity, FUNCTIONS, lookupFunction } from '../../../src/core/expressions';
import { requireShared } from './shared-reference';

describe('expressions: function table', () => {
  it('has every documented ADF function with the documented arities (adf-expression-functions.tsv)', function () {
    const path = requireShared(this, 'reference/adf-expression-functions.tsv');
    const rows = readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
      .map((line) => line.split('\t'));
    const [header, ...documented] = rows;
    assert.deepEqual(header.slice(0, 3), ['name', 'adf_min', 'adf_max']);
    assert.ok(documented.length >= 80, `only ${documented.length} functions read from ${path}`);
    const mismatches: string[] = [];
    for (const [name, min, max] of documented) {
      const info = lookupFunction(name);
      if (!info) {
        mismatches.push(`${name}: missing`);
        continue;
      }
      if (info.name !== name) mismatches.push(`${name}: spelled ${info.name}`);
      if (info.minArgs !== Number(min)) mismatches.push(`${name}: minArgs ${info.minArgs}, documented ${min}`);
      const expectedMax = max === '*' ? undefined : Number(max);
      if (info.maxArgs !== expectedMax) mismatches.push(`${name}: maxArgs ${info.maxArgs}, documented ${max}`);
    }
    assert.deepEqual(mismatches, []);
  });

  it('looks names up in any letter case', () => {
    assert.equal(lookupFunction('utcnow')?.name, 'utcNow');
    assert.equal(lookupFunction('CONCAT')?.name, 'concat');
    assert.equal(lookupFunction('FormatDateTime')?.name, 'formatDateTime');
    assert.equal(lookupFunction('noSuchFunction'), undefined);
    assert.equal(lookupFunction(''), undefined);
  });

  it('knows the system functions with their arities', () => {
    const expected: [string, number, number][] = [
      ['pipeline', 0, 0],
      ['activity', 1, 1],
      ['variables', 1, 1],
      ['item', 0, 0],
      ['dataset', 0, 0],
      ['linkedService', 0, 0],
      ['trigger', 0, 0],
    ];
    for (const [name, min, max] of expected) {
      const info = lookupFunction(name);
      assert.equal(info?.category, 'system', name);
      assert.equal(info?.minArgs, min, name);
      assert.equal(info?.maxArgs, max, name);
    }
  });

  it('every entry is well formed: unique name, signature naming the function, a description', () => {
    const names = new Set<string>();
    for (const info of FUNCTIONS) {
      assert.ok(!names.has(info.name.toLowerCase()), `duplicate ${info.name}`);
      names.add(info.name.toLowerCase());
      assert.ok(info.signature.startsWith(`${info.name}(`), info.signature);
      assert.ok(info.description.length > 10, info.name);
      assert.ok(info.maxArgs === undefined || info.maxArgs >= info.minArgs, info.name);
    }
    assert.equal(describeArity(lookupFunction('concat')!), 'at least 2');
    assert.equal(describeArity(lookupFunction('addDays')!), '2 to 3');
    assert.equal(describeArity(lookupFunction('replace')!), '3');
  });
});
