// `npm run test:desktop`: the extension-host suites in desktop VS Code via @vscode/test-electron (downloads
// VS Code into .vscode-test/, so it needs the internet), through the same test/exthost/index.ts run().
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { prepareDesktopRun } from './desktop-setup';
import { repoRoot } from './paths';

async function main(): Promise<void> {
  const run = await prepareDesktopRun();
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out', 'test', 'exthost', 'index.js'),
      launchArgs: [run.workspaceFolder, ...run.launchArgs],
      extensionTestsEnv: run.env,
    });
  } catch (error) {
    console.error(`desktop VS Code run failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await run.stop();
  }
}

void main();
