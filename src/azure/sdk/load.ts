// Loads dist/azure.js (built from bundle.ts) with a plain require at first use. The path is computed at run time so
// esbuild leaves the call alone instead of inlining the Azure SDK into dist/extension.js.
import * as path from 'node:path';
import type * as Bundle from './bundle';

export type AzureSdkBundle = typeof Bundle;

let loaded: AzureSdkBundle | undefined;

/** The Azure SDK bundle of the extension installed at `extensionPath`. */
export function loadAzureSdk(extensionPath: string): AzureSdkBundle {
  if (!loaded) {
    const file = path.join(extensionPath, 'dist', 'azure.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(file) as AzureSdkBundle;
  }
  return loaded;
}

/** True once the bundle (and so the Azure SDK) has been loaded in this extension host. */
export function isAzureSdkLoaded(): boolean {
  return loaded !== undefined;
}
