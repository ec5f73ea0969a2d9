// The sample repository `npm start` opens: a new user's first look must show no problem in its own files.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '../../src/core/validator';

describe('sandbox workspace (npm start)', () => {
  it('every pipeline of the sample repository validates without a problem', () => {
    const folder = join('test', 'sandbox', 'workspace', 'pipeline');
    const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
    assert.ok(files.length >= 3, `found ${files.join(', ')}`);
    for (const file of files) {
      const problems = validate(readFileSync(join(folder, file), 'utf8'));
      assert.deepEqual(
        problems.map((p) => `${p.code} ${p.message}`),
        [],
        file,
      );
    }
  });
});
