// What `npm run package` puts in the VSIX, computed by vsce itself from .vscodeignore (needs `npm run build`).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { listFiles, PackageManager } from '@vscode/vsce';

interface Manifest {
  main: string;
  icon?: string;
  bin?: Record<string, string>;
  contributes: { walkthroughs?: { steps: { media: { markdown?: string; image?: string } }[] }[] };
}

describe('VSIX contents (vsce, .vscodeignore)', function () {
  this.timeout(180_000); // vsce walks the whole checkout, .cache included
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
  let files: string[] = [];

  before(async () => {
    assert.ok(existsSync('dist/extension.js'), 'dist/extension.js is missing: run `npm run build` first');
    files = await listFiles({ cwd: process.cwd(), packageManager: PackageManager.None }); // as `vsce package --no-dependencies`
  });

  it('carries the manifest, the extension bundle and the bundles the manifest points at', () => {
    assert.ok(files.includes('package.json'));
    assert.ok(files.includes(manifest.main.replace(/^\.\//, '')), `${manifest.main} (main) is not packaged`);
    for (const target of Object.values(manifest.bin ?? {}).map((t) => t.replace(/^\.\//, ''))) {
      if (existsSync(target)) assert.ok(files.includes(target), `${target} (bin) is built but not packaged`);
    }
  });

  it('carries every bundle esbuild.mjs writes to dist/ (the lazily loaded ones and the worker threads too)', () => {
    // Each `outfile: 'dist/<name>.js'` of the build script: a bundle left out fails only when a user first needs it.
    const built = [...readFileSync('esbuild.mjs', 'utf8').matchAll(/'(dist\/[\w/-]+\.js)'/g)].map((m) => m[1]);
    assert.ok(built.includes('dist/scan-worker.js') && built.length >= 10, `bundles read from esbuild.mjs: ${built}`);
    assert.deepEqual(
      built.filter((bundle) => !files.includes(bundle)),
      [],
    );
  });

  it('carries no sources, tests, node_modules, build output, caches or source maps', () => {
    const forbidden =
      /^(src|test|node_modules|out|\.cache|test-results|\.vscode-test|\.vscode|\.ci|\.git)\/|\.map$|\.ts$|^tsconfig|^esbuild|^eslint/;
    assert.deepEqual(
      files.filter((file) => forbidden.test(file)),
      [],
    );
  });

  it('leaves out the test stand-ins (an extension registering the `microsoft` auth provider, a fake `az`)', () => {
    assert.ok(
      existsSync('test/stand-ins/microsoft-auth/package.json') && existsSync('test/stand-ins/az/main.ts'),
      'the stand-ins moved: update this test',
    );
    assert.deepEqual(
      files.filter((file) => /stand-in|(^|\/)az(\.js)?$/.test(file)),
      [],
    );
    const packaged = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: Record<string, unknown> };
    assert.equal(packaged.contributes.authentication, undefined, 'the product registers no authentication provider');
  });

  it('carries the listing: a 256x256 PNG icon, the licence text and every walkthrough page', () => {
    assert.ok(manifest.icon && files.includes(manifest.icon), `icon ${manifest.icon} is not packaged`);
    const png = readFileSync(manifest.icon);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [256, 256]); // IHDR width, height
    assert.ok(files.includes('LICENSE'));
    // The manifest's %key% strings resolve only with package.nls.json beside it; Marketplace shows the changelog.
    assert.ok(files.includes('package.nls.json'), 'package.nls.json is not packaged: titles would show as %keys%');
    assert.ok(files.includes('CHANGELOG.md'), 'CHANGELOG.md is not packaged');
    assert.match(readFileSync('LICENSE', 'utf8'), /^MIT License\n[\s\S]*Permission is hereby granted, free of charge/);
    const pages = (manifest.contributes.walkthroughs ?? []).flatMap((w) =>
      w.steps.map((s) => s.media.markdown ?? s.media.image),
    );
    assert.ok(pages.length >= 5, 'the walkthrough has its steps');
    for (const page of pages) assert.ok(page && files.includes(page), `walkthrough page ${page} is not packaged`);
  });
});
