import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdfBatch } from '../../../src/cli/adf-batch';
import { runValidateCommand } from '../../../src/cli/validate-command';
import { RULES } from '../../../src/core/validator';
import { captureIo } from '../../support/cli-io';

const good = {
  name: 'Good',
  properties: { activities: [{ name: 'Wait 1', type: 'Wait', typeProperties: { waitTimeInSeconds: 1 } }] },
};
const bad = {
  name: 'Bad',
  properties: {
    activities: [
      { name: 'A', type: 'Wait', typeProperties: { waitTimeInSeconds: 1 } },
      {
        name: 'B',
        type: 'Wait',
        dependsOn: [{ activity: 'Aa', dependencyConditions: ['Succeeded'] }],
        typeProperties: { waitTimeInSeconds: 1 },
      },
    ],
  },
};
const warningOnly = { name: '01-Pipeline', properties: { activities: [] } };

describe('adf-batch validate (command function)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'adf-validate-'));
    writeFileSync(join(dir, 'good.json'), JSON.stringify(good, null, 2));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad, null, 2));
    mkdirSync(join(dir, 'nested', 'dataset'), { recursive: true });
    writeFileSync(join(dir, 'nested', 'warn.json'), JSON.stringify(warningOnly));
    writeFileSync(
      join(dir, 'nested', 'dataset', 'ds.json'),
      JSON.stringify({ name: 'ds', properties: { type: 'DelimitedText' } }),
    );
    writeFileSync(join(dir, 'nested', 'notes.txt'), 'not json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('text: file:line:column: severity code message, exit 1 on an error', async () => {
    const io = captureIo(dir);
    const code = await runValidateCommand(['bad.json'], io);
    assert.equal(code, 1);
    const lines = io.out.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^bad\.json:\d+:\d+: error ADF301 No activity named "Aa"/);
    const [, line, column] = /^bad\.json:(\d+):(\d+):/.exec(lines[0])!;
    const text = JSON.stringify(bad, null, 2).split('\n');
    assert.equal(
      text[Number(line) - 1].slice(Number(column) - 1).startsWith('"Aa"'),
      true,
      'line and column point at the value',
    );
    assert.match(io.err, /1 file checked: 1 error/);
  });

  it('exit 0 when there are only warnings, and nothing printed for a clean file', async () => {
    const io = captureIo(dir);
    assert.equal(await runValidateCommand(['good.json', 'nested/warn.json'], io), 0);
    assert.match(io.out, /^nested\/warn\.json:1:\d+: warning ADF202 /m);
    assert.doesNotMatch(io.out, /good\.json/);
  });

  it('folders: recurses into *.json files that hold a pipeline, skipping other JSON', async () => {
    const io = captureIo(dir);
    assert.equal(await runValidateCommand(['.', '--format', 'json'], io), 1);
    const problems = JSON.parse(io.out) as { file: string }[];
    assert.deepEqual([...new Set(problems.map((p) => p.file))].sort(), ['bad.json', 'nested/warn.json']);
    assert.match(io.err, /^$/, 'json output has no summary on stderr');
  });

  it('json: 1-based positions, severity and code for every problem', async () => {
    const io = captureIo(dir);
    await runValidateCommand(['bad.json', '--format=json'], io);
    const [problem] = JSON.parse(io.out);
    assert.deepEqual(Object.keys(problem), [
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'severity',
      'code',
      'message',
    ]);
    assert.equal(problem.severity, 'error');
    assert.equal(problem.code, 'ADF301');
    assert.equal(problem.endColumn - problem.column, '"Aa"'.length);
  });

  it('sarif: version 2.1.0, every rule described, results with regions and fixes', async () => {
    const io = captureIo(dir);
    assert.equal(await runValidateCommand(['bad.json', 'nested/warn.json', '--format', 'sarif'], io), 1);
    const sarif = JSON.parse(io.out);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'adf-batch');
    assert.equal(run.tool.driver.rules.length, RULES.length);
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'ADF301');
    assert.equal(result.level, 'error');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'ADF301');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'bad.json');
    assert.ok(result.locations[0].physicalLocation.region.startLine > 1);
    assert.equal(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '"A"');
    assert.equal(run.results.find((r: { ruleId: string }) => r.ruleId === 'ADF202').level, 'warning');
    // Rule help is the rule's own section of docs/rules.md, as text, with no placeholder link.
    const adf301 = run.tool.driver.rules[result.ruleIndex];
    assert.match(adf301.help.text, /^unknown-dependency, error\. /);
    assert.match(adf301.help.markdown, /^\*\*unknown-dependency, error\.\*\*/);
    assert.ok(
      run.tool.driver.rules.every((r: { help?: { text?: string } }) => (r.help?.text ?? '').length > 20),
      'every rule has help text',
    );
    assert.doesNotMatch(io.out, /example\.invalid|helpUri/);
  });

  it('reads UTF-16 files with a byte-order mark', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(bad), 'utf16le')]);
    writeFileSync(join(dir, 'utf16.json'), utf16);
    const io = captureIo(dir);
    assert.equal(await runValidateCommand(['utf16.json'], io), 1);
    assert.match(io.out, /^utf16\.json:1:\d+: error ADF301/);
  });

  it('an explicit file without a pipeline gets ADF002; a broken file gets ADF001', async () => {
    writeFileSync(join(dir, 'broken.json'), '{"name": "x", "properties": {');
    const io = captureIo(dir);
    assert.equal(await runValidateCommand(['nested/dataset/ds.json', 'broken.json'], io), 1);
    assert.match(io.out, /ds\.json:1:1: warning ADF002/);
    assert.match(io.out, /broken\.json:1:\d+: error ADF001/);
  });

  it('bad usage: exit 2 with a clear message', async () => {
    for (const [args, message] of [
      [[], /at least one file/],
      [['x.json', '--format', 'xml'], /unknown format "xml"/],
      [['missing.json'], /no such file or folder: missing\.json/],
      [['bad.json', '--max-activities', 'lots'], /--max-activities needs a positive whole number/],
      [['bad.json', '--frobnicate'], /Unknown option '--frobnicate'/],
    ] as [string[], RegExp][]) {
      const io = captureIo(dir);
      assert.equal(await runValidateCommand(args, io), 2, args.join(' '));
      assert.match(io.err, message);
      assert.equal(io.out, '');
    }
  });

  it('--max-activities changes the limit', async () => {
    const io = captureIo(dir);
    assert.equal(await runValidateCommand(['bad.json', '--max-activities', '1', '--format', 'json'], io), 1);
    assert.ok(JSON.parse(io.out).some((p: { code: string }) => p.code === 'ADF401'));
  });

  it('the adf-batch problem matcher in package.json reads every text line', async () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    const matcher = manifest.contributes.problemMatchers.find((m: { name: string }) => m.name === 'adf-batch');
    const pattern = new RegExp(matcher.pattern.regexp);
    const io = captureIo(dir);
    await runValidateCommand(['.'], io);
    const lines = io.out.trim().split('\n');
    assert.equal(lines.length, 2);
    for (const line of lines) {
      const match = pattern.exec(line);
      assert.ok(match, line);
      assert.match(match[matcher.pattern.file], /\.json$/);
      assert.match(match[matcher.pattern.line], /^\d+$/);
      assert.match(match[matcher.pattern.severity], /^(error|warning|info)$/);
      assert.match(match[matcher.pattern.code], /^ADF\d{3}$/);
    }
    assert.equal(
      pattern.exec('C:\\work\\p.json:3:14: info ADF707 The loop has no timeout.')?.[1],
      'C:\\work\\p.json',
      'Windows paths',
    );
  });

  it('--help prints the usage and exits 0', async () => {
    const io = captureIo(dir);
    assert.equal(await runValidateCommand(['--help'], io), 0);
    assert.match(io.out, /Usage: adf-batch validate/);
  });
});

describe('adf-batch dispatch', () => {
  it('--help lists the commands; no command or an unknown one exits 2', async () => {
    const help = captureIo(process.cwd());
    assert.equal(await runAdfBatch(['--help'], help), 0);
    assert.match(help.out, /validate <files or folders\.\.\.>/);
    assert.match(help.out, /generate/);
    const none = captureIo(process.cwd());
    assert.equal(await runAdfBatch([], none), 2);
    assert.match(none.err, /Usage: adf-batch/);
    const unknown = captureIo(process.cwd());
    assert.equal(await runAdfBatch(['frobnicate'], unknown), 2);
    assert.match(unknown.err, /unknown command "frobnicate"/);
  });

  it('dispatches validate with the remaining arguments', async () => {
    const io = captureIo(process.cwd());
    assert.equal(await runAdfBatch(['validate', '--help'], io), 0);
    assert.match(io.out, /Usage: adf-batch validate/);
  });
});
