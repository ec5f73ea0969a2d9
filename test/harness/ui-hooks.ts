// Mocha root hooks of the UI layer (test/run-layer.mjs loads them): a failing test leaves a screenshot of
// every open workbench under test-results/failures/<test title>[-n].png.
import type { Context } from 'mocha';
import { openWorkbenches, saveScreenshot, screenshotName } from './workbench';

export const mochaHooks = {
  async afterEach(this: Context): Promise<void> {
    const test = this.currentTest;
    if (!test || test.state !== 'failed') return;
    let index = 0;
    for (const workbench of openWorkbenches) {
      const suffix = index++ ? `-${index}` : '';
      const file = await saveScreenshot(workbench.page, `failures/${screenshotName(test.fullTitle())}${suffix}`).catch(
        () => undefined,
      );
      if (file) console.log(`    screenshot of the failure: ${file}`);
    }
  },
};
