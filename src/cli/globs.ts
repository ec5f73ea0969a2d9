// Quoted globs (`adf-batch validate "pipeline/**/*.json"`): cmd.exe and PowerShell pass them through unexpanded,
// so the CLI expands them itself, with minimatch, the glob library the extension's include setting uses.
import { readdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Minimatch } from 'minimatch';

/** Folders never worth descending into while expanding a glob. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** Whether an argument is a glob pattern rather than a path (`*`, `?`, `[...]` or `{a,b}`). */
export function isGlob(argument: string): boolean {
  return new Minimatch(argument.split(sep).join('/'), { windowsPathsNoEscape: true, magicalBraces: true }).hasMagic();
}

/**
 * The files a glob matches, sorted, as absolute paths. The walk starts at the pattern's fixed leading folders
 * and visits at most `maxEntries` directory entries, so a pattern like `/**` cannot walk a whole disk.
 */
export async function expandGlob(pattern: string, cwd: string, maxEntries = 200_000): Promise<string[]> {
  const normalized = pattern.split(sep).join('/');
  const matcher = new Minimatch(normalized, { dot: false, windowsPathsNoEscape: true });
  const parts = normalized.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (new Minimatch(part, { magicalBraces: true }).hasMagic()) break;
    fixed.push(part);
  }
  const base = resolve(cwd, fixed.join('/') || '.');
  const absolutePattern = isAbsolute(normalized);
  const found: string[] = [];
  let visited = 0;
  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return; // an unreadable folder matches nothing
    }
    for (const entry of entries) {
      if (++visited > maxEntries)
        throw new Error(`the pattern "${pattern}" walks more than ${maxEntries} entries; narrow it.`);
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(path);
      } else if (entry.isFile()) {
        const candidate = absolutePattern ? path.split(sep).join('/') : relative(cwd, path).split(sep).join('/');
        if (matcher.match(candidate)) found.push(path);
      }
    }
  };
  await walk(base);
  return found.sort();
}
