// `npm run package:cli`: the adf-batch CLI as its own npm package, `adf-batch-<version>.tgz` in the repository
// root. The package is cli/package.json (its version set to the extension's), cli/README.md, the licence,
// docs/rules.md (the SARIF rule help) and one bundled dist/cli.js with no runtime dependencies to resolve.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const stage = join(root, '.cache', 'cli-package');
rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, 'docs'), { recursive: true });

await esbuild.build({
  entryPoints: [join(root, 'src/cli/adf-batch.ts')],
  outfile: join(stage, 'dist/cli.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  banner: { js: '#!/usr/bin/env node' },
  alias: { 'jsonc-parser': join(root, 'node_modules/jsonc-parser/lib/esm/main.js') },
  logLevel: 'warning',
});

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'cli/package.json'), 'utf8'));
writeFileSync(join(stage, 'package.json'), `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
copyFileSync(join(root, 'cli/README.md'), join(stage, 'README.md'));
copyFileSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));
copyFileSync(join(root, 'docs/rules.md'), join(stage, 'docs/rules.md'));

const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', root], { cwd: stage, encoding: 'utf8' });
const [{ filename, size, entryCount }] = JSON.parse(packed);
console.log(`${filename}: ${entryCount} files, ${(size / 1024).toFixed(0)} KB`);
