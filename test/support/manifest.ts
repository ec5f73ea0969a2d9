// package.json as users read it: its %key% strings replaced by their package.nls.json text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function localizedManifest<T>(repoRoot: string): T {
  const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'), (_key, value: unknown) =>
    typeof value === 'string' ? value.replace(/^%([^%]+)%$/, (whole, key: string) => nls[key] ?? whole) : value,
  ) as T;
}
