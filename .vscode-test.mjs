// @vscode/test-cli configuration (`npx vscode-test`, the Extension Test Runner in desktop VS Code): the
// extension-host suites against the emulator started here (vscode-test exits the process when done).
// Needs `npm run build && npm run compile` first. `npm run test:desktop` runs the same suites through
// test/exthost/index.ts with @vscode/test-electron; `npm test` runs them in code-server.
import { createRequire } from 'node:module';
import { defineConfig } from '@vscode/test-cli';

const require = createRequire(import.meta.url);
const { prepareDesktopRun } = require('./out/test/harness/desktop-setup.js');
const run = await prepareDesktopRun();

export default defineConfig({
  files: 'out/test/exthost/**/*.test.js',
  workspaceFolder: run.workspaceFolder,
  launchArgs: run.launchArgs,
  env: run.env,
  mocha: { ui: 'bdd', timeout: 60_000 },
});
