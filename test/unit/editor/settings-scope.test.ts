import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const VALIDATION_SECTION = 'adfBatchEndpoints.validation';

interface Manifest {
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
}

describe('editor: validation settings', () => {
  // The editor and Validate All read them for each file (readValidationSettings(uri)), so a folder of a multi-root
  // workspace can have its own. VS Code logs a warning on every read of a window-scoped setting for a resource: a
  // Validate All of 5,000 files wrote 15,000 of them.
  it('are resource-scoped, since they are read for each file', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
    const keys = Object.keys(manifest.contributes.configuration.properties).filter((k) =>
      k.startsWith(`${VALIDATION_SECTION}.`),
    );
    assert.deepEqual(keys.sort(), [
      `${VALIDATION_SECTION}.activityLimit`,
      `${VALIDATION_SECTION}.enabled`,
      `${VALIDATION_SECTION}.include`,
    ]);
    for (const key of keys) assert.equal(manifest.contributes.configuration.properties[key].scope, 'resource', key);
  });
});
