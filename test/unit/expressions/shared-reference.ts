// Locates ../shared (reference files and the corpus) for tests. A user's clone has no ../shared: tests
// that need it skip with a message there, but in CI a missing ../shared is a failure, never a skip.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const SHARED_DIR = resolve('..', 'shared');

/** Call at the start of a mocha `before`/`it` (with a `function`, not an arrow) that needs ../shared. */
export function requireShared(context: Mocha.Context, what: string): string {
  const path = resolve(SHARED_DIR, what);
  if (existsSync(path)) return path;
  if (process.env.CI) throw new Error(`${path} is missing: CI must provide ../shared (tests never skip in CI)`);
  console.log(`    (skipped: ${path} not found; ../shared is absent in this checkout)`);
  context.skip();
  return path;
}
