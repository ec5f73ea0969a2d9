// Bundles the extension, the CLI and the webviews. `--production` minifies; `--watch` rebuilds on change.
import { existsSync } from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--outdir=<dir>` writes the bundles to <dir> instead of dist/ (the activation bench builds production there).
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length);

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
  // Lazily loaded bundles: each is required at its first use (src/lazy/load-bundle.ts, src/azure/sdk/load.ts) so
  // that activation parses none of their code. Code they share with dist/extension.js is copied into each, so
  // they take what they need (log, Azure access, context) as arguments, never from module state.
  ...[
    // The Azure SDK half of the sidebar and @azure/identity.
    ['src/azure/sdk/bundle.ts', 'dist/azure.js'],
    // The validator and the editor features around it (diagnostics, workspace scan, hover, completion, fixes).
    ['src/editor/bundle.ts', 'dist/editor.js'],
    // The workspace scan's worker thread (reads and validates files off the extension host's thread).
    ['src/editor/scan/scan-worker.ts', 'dist/scan-worker.js'],
    // The pipeline wizard.
    ['src/wizard/bundle.ts', 'dist/wizard.js'],
    // The Dry Run engine (with the expression functions' XML code).
    ['src/dry-run/bundle.ts', 'dist/dry-run.js'],
    // The Dry Run engine's worker thread (src/dry-run/engine-worker-host.ts starts it).
    ['src/dry-run/engine-worker.ts', 'dist/dry-run-worker.js'],
  ].map(([entry, outfile]) => ({
    entryPoints: [entry],
    outfile,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  })),
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

/**
 * src/core is pure by the project's rules (no vscode, no work at import time beyond building its own tables), so its
 * modules are marked free of side effects: a bundle that imports one name through a core module's index.ts (the
 * only way in) then carries that name's code, not the whole module (dist/extension.js takes SecretRedactor from
 * core/engine without the expression language and its XML functions).
 */
const pureCore = {
  name: 'pure-core',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === 'pure-core' || !args.importer) return undefined;
      const result = await build.resolve(args.path, {
        importer: args.importer,
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: 'pure-core',
      });
      if (result.errors.length > 0 || !/[\\/]src[\\/]core[\\/]/.test(result.path)) return undefined;
      return { ...result, sideEffects: false };
    });
  },
};

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
    plugins: [pureCore],
    ...options,
    outfile: outdir ? options.outfile.replace(/^dist\//, `${outdir}/`) : options.outfile,
  };
  if (watch) {
    const ctx = await esbuild.context(full);
    await ctx.watch();
  } else {
    await esbuild.build(full);
  }
}
