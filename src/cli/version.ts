// The CLI's version: the version in the nearest package.json of this product above the running file
// (dist/cli.js in the VSIX or the npm package, out/src/cli/... in tests).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Names the product's manifest has: the extension's, and the CLI's own npm package. */
const PRODUCT_NAMES = new Set(['adf-batch-endpoints', 'adf-batch']);

export function toolVersion(from: string = __dirname): string {
  for (let folder = from; ; folder = dirname(folder)) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name && PRODUCT_NAMES.has(manifest.name) && manifest.version) return manifest.version;
    } catch {
      // not here: look one folder up
    }
    if (dirname(folder) === folder) return '0.0.0';
  }
}
