// Loads the extension from source: a symlink <publisher>.<name>-<version> -> repo in a fresh extensions dir.
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

export interface ExtensionIdentity {
  id: string; // publisher.name, as vscode.extensions.getExtension() wants it
  folderName: string; // publisher.name-version
}

export function extensionIdentity(): ExtensionIdentity {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
  };
  const id = `${manifest.publisher}.${manifest.name}`;
  return { id, folderName: `${id}-${manifest.version}` };
}

/**
 * Links the repo (or `source`, a folder standing for it) into `extensionsDir`; the extension's main
 * (dist/extension.js) must be built.
 */
export function linkExtension(extensionsDir: string, source: string = repoRoot): ExtensionIdentity {
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` first');
  }
  const identity = extensionIdentity();
  // A kept extensions dir (the sandbox) may hold a link for another version, and an extensions.json that
  // does not list the new folder would make code-server ignore it: start both afresh.
  for (const entry of readdirSync(extensionsDir)) {
    if (entry.startsWith(`${identity.id}-`) || entry === 'extensions.json')
      rmSync(join(extensionsDir, entry), { recursive: true, force: true });
  }
  symlinkSync(source, join(extensionsDir, identity.folderName), 'dir');
  return identity;
}
