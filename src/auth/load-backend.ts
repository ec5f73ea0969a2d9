// Loads dist/azure.js (built from backend.ts) with a plain require at first use. The path is computed at
// run time so esbuild leaves the call alone instead of inlining the Azure SDK into dist/extension.js.
import * as path from 'node:path';
import type * as Backend from './backend';

export type AzureBackend = typeof Backend;

let loaded: AzureBackend | undefined;

/** The Azure backend of the extension installed at `extensionPath`. */
export function loadAzureBackend(extensionPath: string): AzureBackend {
  if (!loaded) {
    const file = path.join(extensionPath, 'dist', 'azure.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(file) as AzureBackend;
  }
  return loaded;
}

/** True once the backend (and so the Azure SDK) has been loaded in this extension host. */
export function isAzureBackendLoaded(): boolean {
  return loaded !== undefined;
}
