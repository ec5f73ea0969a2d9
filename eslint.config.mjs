import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Core front doors: each src/core/<module> is entered through its index.ts (a one-file module such as
// src/core/clouds.ts is its own front door). The patterns below match relative specifiers that go past a
// module's folder, e.g. '../core/engine/run-target' from src/dry-run or '../json/nodes' from src/core/validator.
const FRONT_DOOR_MESSAGE = 'Import a src/core module through its index.ts (the module folder), not its files.';
const NO_VSCODE_IN_CORE = { name: 'vscode', message: 'src/core must not import vscode.' };

/** A relative specifier that climbs `ups` folders to src/core, then enters a module folder and a file in it. */
function deepCoreImport(ups) {
  const climb = ups === 0 ? '\\./' : `(?:\\.\\./){${ups}}`;
  return { regex: `^${climb}[^./][^/]*/`, message: FRONT_DOOR_MESSAGE };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'test-results/**', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true } }],
    },
  },
  {
    // Outside src/core (the extension, the CLI, tools and the integration, exthost, ui and bench tests) a core
    // module is entered through its front door. test/unit is exempt on purpose: a unit test exercises the parts
    // of the module it tests (white box), e.g. the expression scanner or one validator rule.
    files: ['src/**/*.ts', 'tools/**/*.ts', 'test/**/*.ts'],
    ignores: ['src/core/**', 'test/unit/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.{1,2}/(?:\\.\\./)*(?:src/)?core/[^./][^/]*/', message: FRONT_DOOR_MESSAGE }] },
      ],
    },
  },
  // The pure core is shared by the extension, the CLI and plain-Node tests: it must never see `vscode`. Inside
  // src/core a module imports its own files freely and other modules through their front doors; the number of
  // '../' that reaches src/core depends on how deep the importing file sits.
  ...[0, 1, 2, 3].map((ups) => ({
    files: [`src/core/${'*/'.repeat(ups)}*.ts`],
    rules: {
      'no-restricted-imports': ['error', { paths: [NO_VSCODE_IN_CORE], patterns: [deepCoreImport(ups)] }],
    },
  })),
);
