// Where the harness keeps things: everything inside the repository's ignored folders, nothing in $HOME.
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root (this file compiles to out/test/harness/paths.js). */
export const repoRoot: string = resolve(__dirname, '..', '..', '..');
/** Ignored cache: code-server, Node 24, per-run state. */
export const cacheDir: string = join(repoRoot, '.cache');
/** Ignored artifacts kept after a run: screenshots, logs. */
export const testResultsDir: string = join(repoRoot, 'test-results');

/** Creates (if needed) and returns a folder below the repo. */
export function ensureDir(...parts: string[]): string {
  const dir = join(...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A fresh folder for one run (code-server state, browser profile, temp files), with a short name. */
export function freshRunDir(label: string): string {
  const id = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  return ensureDir(cacheDir, 'runs', `${label}-${id}`);
}

/**
 * Unix socket paths are limited to 107 bytes, and code-server, the extension host and Chromium put sockets
 * below TMPDIR and the user-data-dir. A folder whose path is too long for that is reached through a short
 * symlink in the system temp folder (the files themselves stay in the repo); `release()` removes the link.
 */
export function socketSafePath(dir: string): { path: string; release(): void } {
  if (dir.length <= 48) return { path: dir, release: () => undefined };
  const link = join(tmpdir(), `adfb-${Math.random().toString(36).slice(2, 8)}`);
  symlinkSync(dir, link, 'dir');
  return { path: link, release: () => rmSync(link, { force: true }) };
}
