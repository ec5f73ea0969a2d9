// Loads a lazily loaded bundle (dist/<name>.js, an esbuild entry of its own) with a plain require at first use, so
// that activation parses none of its code. The path is computed at run time so esbuild leaves the call alone
// instead of inlining the bundle into dist/extension.js. require is synchronous: callers get the module at once.
import * as path from 'node:path';

const loaded = new Map<string, unknown>();

/** The exports of dist/<name>.js of the extension installed at `extensionPath` (loaded once). */
export function loadBundle<T>(extensionPath: string, name: string): T {
  let exports = loaded.get(name);
  if (exports === undefined) {
    const file = path.join(extensionPath, 'dist', `${name}.js`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exports = require(file) as unknown;
    loaded.set(name, exports);
  }
  return exports as T;
}

/** True once dist/<name>.js has been loaded in this extension host. */
export function isBundleLoaded(name: string): boolean {
  return loaded.has(name);
}
