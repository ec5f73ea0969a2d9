// Debian's Chromium through playwright-core (no browser download), with the recipe's flags.
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { ensureDir } from './paths';

export const chromiumPath: string = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * A persistent context in `<runDir>/chromium` (launch() refuses --user-data-dir, so this is the way to own
 * the profile). HOME and XDG folders point inside the run too: Chromium otherwise writes ~/.pki, ~/.cache.
 */
export async function launchBrowser(runDir: string): Promise<BrowserContext> {
  const home = ensureDir(runDir, 'chromium-home');
  return chromium.launchPersistentContext(ensureDir(runDir, 'chromium'), {
    executablePath: chromiumPath,
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_CACHE_HOME: join(home, '.cache'),
      TMPDIR: ensureDir(runDir, 't'),
    },
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
