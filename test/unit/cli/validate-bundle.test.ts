// The bundled CLI (dist/cli.js, the package's bin) run as a user would, on temporary files.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve('dist', 'cli.js');

/** Newest modification time of the sources the CLI bundle is built from. */
function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function cli(args: string[], cwd: string): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('adf-batch validate (bundled dist/cli.js)', function () {
  this.timeout(180_000);
  let dir: string;

  before(() => {
    // `npm test` builds first; a stale or missing bundle (e.g. after `npm run test:unit`) is rebuilt here.
    const stale =
      !existsSync(CLI) || statSync(CLI).mtimeMs < Math.max(newestSource('src/cli'), newestSource('src/core'));
    if (stale) execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
    dir = mkdtempSync(join(tmpdir(), 'adf-cli-'));
    writeFileSync(
      join(dir, 'ok.json'),
      JSON.stringify({
        name: 'Ok',
        properties: { activities: [{ name: 'W', type: 'Wait', typeProperties: { waitTimeInSeconds: 1 } }] },
      }),
    );
    writeFileSync(join(dir, 'bad.json'), '{\n  "name": "Bad:Name",\n  "properties": {"activities": []}\n}\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 on a clean file and 1 with a text line on an error', () => {
    const ok = cli(['validate', 'ok.json'], dir);
    assert.equal(ok.code, 0, ok.err);
    assert.equal(ok.out, '');
    const bad = cli(['validate', 'bad.json'], dir);
    assert.equal(bad.code, 1);
    assert.equal(
      bad.out,
      'bad.json:2:11: error ADF201 Pipeline name "Bad:Name" contains ":"; names may not contain . + ? / < > * % & : or \\.\n',
    );
  });

  it('prints JSON and SARIF', () => {
    const json = cli(['validate', '.', '--format', 'json'], dir);
    assert.equal(json.code, 1);
    assert.deepEqual(
      JSON.parse(json.out).map((p: { file: string; line: number; column: number; code: string }) => [
        p.file,
        p.line,
        p.column,
        p.code,
      ]),
      [['bad.json', 2, 11, 'ADF201']],
    );
    const sarif = cli(['validate', 'bad.json', '--format', 'sarif'], dir);
    const run = JSON.parse(sarif.out).runs[0];
    assert.equal(run.results[0].ruleId, 'ADF201');
    // The bundle finds docs/rules.md beside it: the rule's help is its documented section.
    assert.match(run.tool.driver.rules[run.results[0].ruleIndex].help.text, /^name-illegal-character, error\./);
  });

  it('reads standard input with - and expands a quoted glob itself', () => {
    const piped = spawnSync(process.execPath, [CLI, 'validate', '-'], {
      cwd: dir,
      encoding: 'utf8',
      input: readFileSync(join(dir, 'bad.json')),
      timeout: 60_000,
    });
    assert.equal(piped.status, 1, piped.stderr);
    assert.match(piped.stdout, /^<stdin>:2:11: error ADF201 /);
    const globbed = cli(['validate', '*.json'], dir);
    assert.equal(globbed.code, 1);
    assert.match(globbed.out, /^bad\.json:2:11: error ADF201 /);
  });

  it('--version prints the package version', () => {
    const version = cli(['--version'], dir);
    assert.equal(version.code, 0, version.err);
    assert.equal(version.out, `${(JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version}\n`);
  });

  it('--format github and azure-devops annotate the failing file', () => {
    const github = cli(['validate', 'bad.json', '--format', 'github'], dir);
    assert.equal(github.code, 1);
    assert.match(github.out, /^::error file=bad\.json,line=2,col=11,.*title=ADF201::/);
    const devops = cli(['validate', 'bad.json', '--format', 'azure-devops'], dir);
    assert.equal(devops.code, 1);
    assert.match(
      devops.out,
      /^##vso\[task\.logissue type=error;sourcepath=bad\.json;linenumber=2;columnnumber=11;code=ADF201\]/,
    );
  });

  it('bad usage and unknown commands exit 2 with a message on stderr', () => {
    const unknown = cli(['frobnicate'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command "frobnicate"/);
    const missing = cli(['validate'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /at least one file/);
    const help = cli(['--help'], dir);
    assert.equal(help.code, 0);
    assert.match(help.out, /Usage: adf-batch <command>/);
  });
});
