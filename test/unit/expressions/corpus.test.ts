import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { parseValue } from '../../../src/core/expressions';
import { requireShared } from './shared-reference';

/** Text of a corpus file: UTF-8, or UTF-16 LE with a byte-order mark (two Fabric files). */
function readText(path: string): string {
  const bytes = readFileSync(path);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

function jsonFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

function stringValues(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringValues(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => stringValues(v, into));
  return into;
}

describe('expressions: real-world corpus', () => {
  it('parses every expression in ../shared/corpus; the only syntax error is the known GP-Int defect', function () {
    const corpus = requireShared(this, 'corpus');
    const failures: string[] = [];
    let expressions = 0;
    for (const file of jsonFiles(corpus)) {
      for (const value of stringValues(parseJsonc(readText(file)), [])) {
        const parsed = parseValue(value);
        if (parsed.kind !== 'literal') expressions++;
        for (const error of parsed.errors) failures.push(`${relative(corpus, file)}: ${value} -> ${error.message}`);
      }
    }
    assert.ok(expressions > 2000, `only ${expressions} expressions found`);
    assert.equal(failures.length, 1, failures.join('\n'));
    assert.match(failures[0], /PL_Wait5sec\.json: @pipeline\(\)\.globalParameters\.GP-Int -> Unexpected '-'/);
  });
});
