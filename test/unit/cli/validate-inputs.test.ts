// `adf-batch validate` inputs a shell may not prepare: quoted globs (cmd.exe, PowerShell) and standard input.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { expandGlob, isGlob } from '../../../src/cli/globs';
import { readStream } from '../../../src/cli/io';
import { runValidateCommand } from '../../../src/cli/validate-command';
import { captureIo } from '../../support/cli-io';

const pipeline = (name: string): string => JSON.stringify({ name, properties: { activities: [] } });
const broken = JSON.stringify({ name: 'Bad:Name', properties: { activities: [] } });

describe('adf-batch validate inputs: globs and standard input', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'adf-inputs-'));
    mkdirSync(join(dir, 'pipeline', 'sub'), { recursive: true });
    mkdirSync(join(dir, 'dataset'));
    writeFileSync(join(dir, 'pipeline', 'A.json'), pipeline('A'));
    writeFileSync(join(dir, 'pipeline', 'sub', 'B.json'), broken);
    writeFileSync(join(dir, 'pipeline', 'notes.txt'), broken);
    writeFileSync(join(dir, 'dataset', 'D.json'), broken);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('tells globs from paths', () => {
    assert.equal(isGlob('pipeline/*.json'), true);
    assert.equal(isGlob('pipeline/**'), true);
    assert.equal(isGlob('p/{a,b}.json'), true);
    assert.equal(isGlob('pipeline/A.json'), false);
    assert.equal(isGlob('-'), false);
  });

  it('expands a quoted ** glob below its fixed folder only, sorted', async () => {
    const found = await expandGlob('pipeline/**/*.json', dir);
    assert.deepEqual(found, [join(dir, 'pipeline', 'A.json'), join(dir, 'pipeline', 'sub', 'B.json')]);
    assert.deepEqual(await expandGlob('pipeline/*.json', dir), [join(dir, 'pipeline', 'A.json')]);
  });

  it('a glob with no match is a usage error (exit 2) naming the pattern', async () => {
    const io = captureIo(dir);
    assert.equal(await runValidateCommand(['pipeline/*.yaml'], io), 2);
    assert.match(io.err, /no file matches pipeline\/\*\.yaml/);
  });

  it('validates what a quoted glob matches', async () => {
    const io = captureIo(dir);
    assert.equal(await runValidateCommand(['pipeline/**/*.json'], io), 1);
    assert.match(io.out, /^pipeline\/sub\/B\.json:1:\d+: error ADF201 /);
    assert.doesNotMatch(io.out, /dataset|notes/);
  });

  it('- reads the document from standard input and reports it as <stdin>', async () => {
    const io = captureIo(dir, broken);
    assert.equal(await runValidateCommand(['-'], io), 1);
    assert.match(io.out, /^<stdin>:1:\d+: error ADF201 /);
    const clean = captureIo(dir, pipeline('Fine'));
    assert.equal(await runValidateCommand(['-', '--format', 'json'], clean), 0);
    assert.equal(clean.out, '[]\n');
  });

  it('standard input larger than the cap is refused with a message, not read into memory', async () => {
    await assert.rejects(
      readStream(Readable.from([Buffer.alloc(10), Buffer.alloc(10)]), 15),
      /standard input is larger than/,
    );
  });
});
