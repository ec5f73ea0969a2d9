// WizardFiles over node:fs, for plain-Node tests and tools (the extension uses vscode.workspace.fs).
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { WizardFiles } from './services';

export function nodeFiles(workspaceFolders: readonly string[] = []): WizardFiles {
  return {
    async readText(path: string): Promise<string | undefined> {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async exists(path: string): Promise<boolean> {
      try {
        await stat(path);
        return true;
      } catch {
        return false;
      }
    },
    async write(path: string, content: Uint8Array): Promise<void> {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    },
    workspaceFolders: () => [...workspaceFolders],
    async repositoryCandidates(): Promise<string[]> {
      const found: string[] = [];
      for (const folder of workspaceFolders) {
        for (const candidate of [folder, ...(await subfolders(folder))]) {
          const names = await readdir(candidate).catch(() => [] as string[]);
          if (names.includes('pipeline') || names.includes('factory')) found.push(candidate);
        }
      }
      return found;
    },
  };
}

async function subfolders(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
    .map((e) => join(folder, e.name));
}
