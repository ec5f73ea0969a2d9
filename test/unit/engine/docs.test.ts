// docs/engine.md must list what the engine and the evaluator really support.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_ACTIVITY_TYPES } from '../../../src/core/engine/activities/supported-types';
import { defaultActivityHandlers } from '../../../src/core/engine/activities';
import { SUPPORTED_FUNCTIONS } from '../../../src/core/expressions/evaluator';
import { DEFAULT_BUDGETS } from '../../../src/core/engine/budgets';

describe('docs/engine.md', () => {
  const text = readFileSync(join(process.cwd(), 'docs', 'engine.md'), 'utf8');

  it('lists every supported activity type, and the engine has a handler for each', () => {
    const handlers = defaultActivityHandlers();
    for (const type of SUPPORTED_ACTIVITY_TYPES) {
      assert.ok(text.includes(`| \`${type}\` |`), `docs/engine.md has a row for ${type}`);
      assert.ok(handlers.has(type.toLowerCase()), `a handler for ${type}`);
    }
    assert.equal(handlers.size, SUPPORTED_ACTIVITY_TYPES.length);
  });

  it('lists every function the evaluator supports', () => {
    const section = text.slice(text.indexOf('## Expression functions'));
    const listed = new Set(section.match(/\b[a-zA-Z][a-zA-Z0-9]*\b/g));
    const missing = SUPPORTED_FUNCTIONS.filter((name) => !listed.has(name));
    assert.deepEqual(missing, []);
  });

  it('lists every engine budget with its value', () => {
    const section = text.slice(text.indexOf('## Engine budgets'), text.indexOf('## Time scale'));
    for (const [name, value] of Object.entries(DEFAULT_BUDGETS)) {
      const row = section.split('\n').find((line) => line.startsWith(`| \`${name}\``));
      assert.ok(row, `docs/engine.md has a row for ${name}`);
      assert.ok(row.includes(`| ${value.toLocaleString('en-US')} |`), `${name} is ${value} in the docs`);
    }
  });
});
