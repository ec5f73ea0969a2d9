// The names other parts rely on: the extension's id, its activity-bar container, and the CLI's bin entry.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

describe('extension manifest', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  it('declares the activity-bar container and the adf-batch CLI', () => {
    assert.equal(manifest.name, 'adf-batch-endpoints');
    assert.equal(manifest.contributes.viewsContainers.activitybar[0].id, 'adfBatchEndpoints');
    assert.equal(manifest.bin['adf-batch'], './dist/cli.js');
  });
});
