// What activation parses: dist/extension.js (needs `npm run build`) must not carry the validator, the expression
// language, the activity model, the engine or the Azure SDK; they load in their own bundles at first use (issue 15).
// Its source map names every module esbuild kept after tree shaking.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

/** Modules that belong in lazily loaded bundles, never in the activation bundle. */
const LAZY_ONLY = /src\/core\/(validator|expressions|adf-model|engine)\/|node_modules\/(@azure|xpath|@xmldom)\//;
/** The log masks secrets with the engine's redactor: those two small files are meant to be there. */
const ALLOWED = /src\/core\/engine\/(redaction|secret-forms)\.ts$/;

describe('activation bundle (dist/extension.js)', () => {
  it('carries none of the validator, expression language, activity model, engine or Azure SDK', () => {
    assert.ok(existsSync('dist/extension.js.map'), 'dist/extension.js.map is missing: run `npm run build` first');
    const map = JSON.parse(readFileSync('dist/extension.js.map', 'utf8')) as { sources: string[] };
    assert.ok(
      map.sources.some((s) => s.endsWith('src/extension.ts')),
      'the map lists the bundle sources',
    );
    assert.deepEqual(
      map.sources.filter((s) => LAZY_ONLY.test(s) && !ALLOWED.test(s)),
      [],
    );
  });
});
