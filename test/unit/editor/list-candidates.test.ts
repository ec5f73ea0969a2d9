import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listCandidateFiles } from '../../../src/editor/scan/list-candidates';

describe('editor: the workspace scan lists candidate files (in its worker)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'adf-list-'));
    for (const dir of ['pipeline', 'dataset/nested', 'node_modules/pkg', '.git/refs', 'docs']) {
      mkdirSync(join(root, dir), { recursive: true });
    }
    for (const file of [
      'pipeline/b.json',
      'pipeline/a.json',
      'pipeline/Upper.JSON',
      'dataset/nested/d.jsonc',
      'docs/readme.md',
      'node_modules/pkg/package.json',
      '.git/refs/x.json',
    ]) {
      writeFileSync(join(root, file), '{}');
    }
    symlinkSync(join(root, 'pipeline', 'a.json'), join(root, 'docs', 'linked.json'));
    // A link back up the tree: followed, it would list the same files again and again.
    symlinkSync(root, join(root, 'docs', 'loop'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lists *.json and *.jsonc below the roots, sorted, without node_modules, .git or linked folders', async () => {
    const listing = await listCandidateFiles([root], 1000);
    assert.deepEqual(
      listing.paths.map((p) => p.slice(root.length + 1)),
      ['dataset/nested/d.jsonc', 'docs/linked.json', 'pipeline/Upper.JSON', 'pipeline/a.json', 'pipeline/b.json'],
    );
    assert.equal(listing.truncated, false);
  });

  it('stops at its budget and says so', async () => {
    const listing = await listCandidateFiles([root], 2);
    assert.equal(listing.paths.length, 2);
    assert.equal(listing.truncated, true);
  });

  it('a root that does not exist lists nothing', async () => {
    assert.deepEqual(await listCandidateFiles([join(root, 'gone')], 10), { paths: [], truncated: false });
  });
});
