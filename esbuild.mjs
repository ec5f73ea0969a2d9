// Bundles the extension, the CLI and the webviews. `--production` minifies; `--watch` rebuilds on change.
import { existsSync } from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  {
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    // The Azure SDK half of the sidebar, required at first use (src/azure/sdk/load.ts) so that
    // activation loads no Azure module.
    entryPoints: ['src/azure/sdk/bundle.ts'],
    outfile: 'dist/azure.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    entryPoints: ['src/cli/adf-batch.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    entryPoints: ['src/webview/wizard/main.ts'],
    outfile: 'dist/webview/wizard.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    entryPoints: ['src/webview/dry-run/main.ts'],
    outfile: 'dist/webview/dry-run.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

// The JSON schema of pipeline files (contributed with jsonValidation), generated from the SDK model.
await (await import('./tools/generate/build-schema.mjs')).buildPipelineSchema(esbuild);

// Entry points that do not exist yet are skipped, so the skeleton builds before every feature lands.
for (const options of builds.filter((b) => existsSync(b.entryPoints[0]))) {
  const full = {
    bundle: true,
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    // jsonc-parser's "main" is a UMD build that requires its own files at run time (./impl/format), which
    // breaks inside a bundle: bundle its ESM build instead.
    alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
    ...options,
  };
  if (watch) {
    const ctx = await esbuild.context(full);
    await ctx.watch();
  } else {
    await esbuild.build(full);
  }
}
