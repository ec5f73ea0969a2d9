// `npm run package:cli` builds the adf-batch npm package; installed into a temporary prefix, its bin runs as a
// user's would, with no dependency to resolve.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

describe('adf-batch npm package (npm run package:cli)', function () {
  this.timeout(180_000);
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  const tarball = resolve(`adf-batch-${version}.tgz`);
  let prefix: string;

  before(() => {
    rmSync(tarball, { force: true });
    execFileSync(process.execPath, ['tools/package/package-cli.mjs'], { stdio: 'pipe' });
    prefix = mkdtempSync(join(tmpdir(), 'adf-batch-prefix-'));
  });
  after(() => {
    rmSync(prefix, { recursive: true, force: true });
    rmSync(tarball, { force: true });
  });

  it('writes the tarball in the repository root with the bundle, the rule help, README and licence only', () => {
    assert.ok(existsSync(tarball), `${tarball} was not written`);
    const entries = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    assert.deepEqual(entries, [
      'package/LICENSE',
      'package/README.md',
      'package/dist/cli.js',
      'package/docs/rules.md',
      'package/package.json',
    ]);
  });

  it('installs offline into a prefix and its adf-batch bin validates a file', () => {
    // --offline: the package has no dependencies, so nothing may be fetched.
    execFileSync('npm', ['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], {
      stdio: 'pipe',
    });
    const bin = join(prefix, 'bin', 'adf-batch');
    assert.equal(execFileSync(bin, ['--version'], { encoding: 'utf8' }), `${version}\n`);
    const file = join(prefix, 'bad.json');
    writeFileSync(file, '{\n  "name": "Bad:Name",\n  "properties": {"activities": []}\n}\n');
    const run = spawnSync(bin, ['validate', file, '--format', 'sarif'], { encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    const driver = JSON.parse(run.stdout).runs[0].tool.driver;
    assert.equal(driver.semanticVersion, version);
    // docs/rules.md travels in the package: SARIF rules carry their documented help.
    assert.match(
      driver.rules.find((r: { id: string }) => r.id === 'ADF201').help.text,
      /^name-illegal-character, error\./,
    );
  });
});
