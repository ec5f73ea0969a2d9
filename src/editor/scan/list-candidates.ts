// The workspace scan's file listing for folders on the local disk, done in the scan worker: the same files as
// `findFiles('**/*.{json,jsonc}', '**/{node_modules,.git}/**')`, whose reply of thousands of URIs the extension host
// would otherwise decode in one go (40 ms for 5,500 files). Directories reached through a symbolic link are not
// entered (a link may loop back); linked files are listed.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const CANDIDATE = /\.jsonc?$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface CandidateListing {
  /** Absolute paths, sorted by code unit. */
  readonly paths: readonly string[];
  /** The listing stopped at `maxFiles`. */
  readonly truncated: boolean;
}

export async function listCandidateFiles(roots: readonly string[], maxFiles: number): Promise<CandidateListing> {
  const paths: string[] = [];
  const pending = [...roots];
  let truncated = false;
  while (pending.length > 0 && !truncated) {
    const directory = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch {
      continue; // gone or unreadable since it was seen
    }
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(path);
      } else if (CANDIDATE.test(entry.name) && (entry.isFile() || (await isLinkedFile(path)))) {
        if (paths.length >= maxFiles) {
          truncated = true;
          break;
        }
        paths.push(path);
      }
    }
  }
  return { paths: paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), truncated };
}

async function isLinkedFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
