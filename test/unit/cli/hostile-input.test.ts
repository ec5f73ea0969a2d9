// Every hostile input of issue 11 for validate, run and generate: each asserts the exit code and the message,
// and each fails without the matching hardening (depth limit, decoding, file kinds, size cap, folder walk).
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGenerateCommand } from '../../../src/cli/generate-command';
import { runRunCommand } from '../../../src/cli/run-command';
import { runValidateCommand } from '../../../src/cli/validate-command';
import type { CliIo } from '../../../src/cli/io';
import { captureIo } from '../../support/cli-io';

const pipeline = {
  name: 'Params',
  properties: {
    parameters: { greeting: { type: 'String', defaultValue: 'hi' } },
    activities: [
      {
        name: 'Echo',
        type: 'SetVariable',
        typeProperties: { variableName: 'v', value: '@pipeline().parameters.greeting' },
      },
    ],
    variables: { v: { type: 'String' } },
  },
};

function utf16(text: string, bigEndian: boolean, bom: boolean): Buffer {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  if (!bigEndian) return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

const isRoot = process.getuid?.() === 0;

describe('adf-batch: hostile input', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'adf-hostile-'));
  });
  afterEach(() => {
    if (existsSync(join(dir, 'locked'))) chmodSync(join(dir, 'locked'), 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('validate: a document nested 5,000 levels deep is an error (exit 1, ADF004), not an information line', async () => {
    writeFileSync(join(dir, 'deep.json'), `${'['.repeat(5000)}${']'.repeat(5000)}`);
    const io = captureIo(dir);
    assert.equal(await runValidateCommand(['deep.json'], io), 1);
    assert.match(io.out, /deep\.json:1:513: error ADF004 The JSON is nested more than 512 levels deep/);
  });

  it('run: a document nested too deeply is refused with exit 2', async () => {
    writeFileSync(
      join(dir, 'deep.json'),
      `{"name":"x","properties":{"activities":[]},"a":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    );
    const io = captureIo(dir);
    assert.equal(await runRunCommand(['deep.json'], io), 2);
    assert.match(io.err, /nested more than 512 levels deep/);
  });

  for (const [label, bigEndian, bom] of [
    ['UTF-16 LE with a BOM', false, true],
    ['UTF-16 BE with a BOM', true, true],
    ['UTF-16 LE without a BOM', false, false],
    ['UTF-16 BE without a BOM', true, false],
  ] as const) {
    it(`run and validate read ${label} the same way`, async () => {
      writeFileSync(join(dir, 'p.json'), utf16(JSON.stringify(pipeline), bigEndian, bom));
      const run = captureIo(dir);
      assert.equal(await runRunCommand(['p.json', '--param', 'greeting=hello'], run), 0, run.err);
      assert.match(run.out, /OK\s+Echo \(SetVariable\)/);
      const check = captureIo(dir);
      assert.equal(await runValidateCommand(['p.json'], check), 0, check.out);
    });
  }

  it('run and validate read UTF-8 with a BOM', async () => {
    writeFileSync(join(dir, 'p.json'), `\uFEFF${JSON.stringify(pipeline)}`);
    assert.equal(await runRunCommand(['p.json'], captureIo(dir)), 0);
    assert.equal(await runValidateCommand(['p.json'], captureIo(dir)), 0);
  });

  it('run refuses a dataset file (exit 2): it is not a pipeline', async () => {
    writeFileSync(
      join(dir, 'ds.json'),
      JSON.stringify({ name: 'ds', properties: { type: 'DelimitedText', linkedServiceName: { referenceName: 'x' } } }),
    );
    const io = captureIo(dir);
    assert.equal(await runRunCommand(['ds.json'], io), 2);
    assert.match(io.err, /is not an ADF pipeline: it has no "properties" with "activities"/);
  });

  it('run refuses an undeclared --param (exit 2), naming the declared ones', async () => {
    writeFileSync(join(dir, 'p.json'), JSON.stringify(pipeline));
    const io = captureIo(dir);
    assert.equal(await runRunCommand(['p.json', '--param', 'greting=hello'], io), 2);
    assert.match(io.err, /pipeline Params has no parameter "greting" \(it declares greeting\)/);
  });

  it('run --format json writes a large run record by record; the document parses', async () => {
    const many = {
      name: 'Many',
      properties: {
        activities: [
          {
            name: 'Loop',
            type: 'ForEach',
            typeProperties: {
              items: '@range(0, 300)',
              activities: [{ name: 'Nap', type: 'Wait', typeProperties: { waitTimeInSeconds: 0 } }],
            },
          },
        ],
      },
    };
    writeFileSync(join(dir, 'many.json'), JSON.stringify(many));
    const io = captureIo(dir);
    let writes = 0;
    const counting: CliIo = { ...io, stdout: (t) => void (writes++, io.stdout(t)) };
    assert.equal(await runRunCommand(['many.json', '--format', 'json'], counting), 0, io.err);
    const report = JSON.parse(io.out) as { activityRuns: unknown[]; pipelineRun: { status: string } };
    assert.equal(report.pipelineRun.status, 'Succeeded');
    assert.equal(report.activityRuns.length, 301);
    assert.ok(writes > 300, `expected one write per activity run, got ${writes}`);
  });

  it('generate --out refuses an existing file without --force, and replaces it with --force', async () => {
    const args = [
      '--endpoint-uri',
      'https://e.westeurope.inference.ml.azure.com/jobs',
      '--auth',
      'mi',
      '--format',
      'git',
      '--out',
      'out.json',
    ];
    writeFileSync(join(dir, 'out.json'), 'keep me');
    const refused = captureIo(dir);
    assert.equal(await runGenerateCommand(args, refused), 2);
    assert.match(refused.err, /out\.json already exists; add --force to replace it/);
    assert.equal(readFileSync(join(dir, 'out.json'), 'utf8'), 'keep me');
    assert.equal(await runGenerateCommand([...args, '--force'], captureIo(dir)), 0);
    assert.match(readFileSync(join(dir, 'out.json'), 'utf8'), /"activities"/);
  });

  it('generate --out refuses an empty path, and fails at once on a path it cannot create', async () => {
    const base = [
      '--endpoint-uri',
      'https://e.westeurope.inference.ml.azure.com/jobs',
      '--auth',
      'mi',
      '--format',
      'git',
    ];
    const empty = captureIo(dir);
    assert.equal(await runGenerateCommand([...base, '--out', ''], empty), 2);
    assert.match(empty.err, /--out needs a path/);
    const proc = captureIo(dir);
    assert.equal(await runGenerateCommand([...base, '--out', '/proc/self/no-such-dir/p.json'], proc), 1);
    assert.match(proc.err, /cannot write \/proc\/self\/no-such-dir\/p\.json/);
    const special = captureIo(dir);
    assert.equal(await runGenerateCommand([...base, '--out', '/dev/null', '--force'], special), 2);
    assert.match(special.err, /\/dev\/null is not a regular file/);
  });

  it('a named pipe and a device are refused at once (not read for ever)', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    const fifo = captureIo(dir);
    assert.equal(await runValidateCommand(['pipe.json'], fifo), 2);
    assert.match(fifo.err, /pipe\.json is not a regular file \(a named pipe\)/);
    const run = captureIo(dir);
    assert.equal(await runRunCommand(['pipe.json'], run), 2);
    assert.match(run.err, /is not a regular file \(a named pipe\)/);
    const zero = captureIo(dir);
    assert.equal(await runValidateCommand(['/dev/zero'], zero), 2);
    assert.match(zero.err, /\/dev\/zero is not a regular file \(a device\)/);
  });

  it('files over the size cap are refused with the limit named; --max-file-size raises it', async () => {
    writeFileSync(join(dir, 'big.json'), JSON.stringify({ ...pipeline, padding: 'x'.repeat(2 * 1024 * 1024) }));
    const io = captureIo(dir);
    assert.equal(await runValidateCommand(['big.json', '--max-file-size', '1'], io), 2);
    assert.match(io.err, /big\.json is 2 MB, larger than the limit of 1 MB/);
    assert.equal(await runValidateCommand(['big.json', '--max-file-size', '3'], captureIo(dir)), 0);
    const run = captureIo(dir);
    assert.equal(await runRunCommand(['big.json', '--max-file-size', '1'], run), 2);
    assert.match(run.err, /larger than the limit of 1 MB/);
  });

  it('a symbolic link loop is named as such, on the command line and in a folder', async () => {
    symlinkSync('loop-b.json', join(dir, 'loop-a.json'));
    symlinkSync('loop-a.json', join(dir, 'loop-b.json'));
    writeFileSync(join(dir, 'good.json'), JSON.stringify(pipeline));
    const named = captureIo(dir);
    assert.equal(await runValidateCommand(['loop-a.json'], named), 2);
    assert.match(named.err, /loop-a\.json is a symbolic link loop/);
    const folder = captureIo(dir);
    assert.equal(await runValidateCommand(['.'], folder), 1);
    assert.match(folder.err, /skipped loop-a\.json is a symbolic link loop/);
    assert.match(folder.err, /1 file checked/);
  });

  it('an unreadable subfolder is reported and skipped; the rest is checked', () => {
    // Permissions bind only non-root users: as root, the command runs in a child process as "nobody".
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'p.json'), JSON.stringify(pipeline));
    writeFileSync(join(dir, 'good.json'), JSON.stringify(pipeline));
    chmodSync(join(dir, 'good.json'), 0o644);
    chmodSync(join(dir, 'locked'), 0o000);
    const command = join(__dirname, '../../../src/cli/validate-command.js');
    const script = `require(${JSON.stringify(command)}).runValidateCommand(['.'], { cwd: process.cwd(), stdout: (t) => process.stdout.write(t), stderr: (t) => process.stdout.write(t) }).then((code) => { process.exitCode = code; });`;
    const child = spawnSync(process.execPath, ['-e', script], {
      cwd: dir,
      encoding: 'utf8',
      ...(isRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    assert.equal(child.status, 1, child.stdout + child.stderr);
    assert.match(child.stdout, /skipped locked cannot be read: permission denied/);
    assert.match(child.stdout, /1 file checked: 0 errors/);
  });
});
