// The shared real-world corpus (../shared/corpus relative to the repo root): data only, read in place.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { decodeJsonBytes } from '../../../src/core/json';

export const CORPUS_ROOT = resolve('..', 'shared', 'corpus');

export interface CorpusFile {
  /** Path under the corpus root, with forward slashes. */
  readonly path: string;
  readonly bytes: number;
  /** True for files stored as UTF-16 with a byte-order mark. */
  readonly utf16: boolean;
  readonly text: string;
}

export function corpusAvailable(): boolean {
  return existsSync(CORPUS_ROOT);
}

/** Every *.json file of the corpus, decoded (UTF-8 or UTF-16 with a byte-order mark), sorted by path. */
export function loadCorpus(): CorpusFile[] {
  const files = (readdirSync(CORPUS_ROOT, { recursive: true }) as string[]).filter((f) => f.endsWith('.json')).sort();
  return files.map((f) => {
    const raw = readFileSync(join(CORPUS_ROOT, f));
    const utf16 = (raw[0] === 0xff && raw[1] === 0xfe) || (raw[0] === 0xfe && raw[1] === 0xff);
    return {
      path: relative(CORPUS_ROOT, join(CORPUS_ROOT, f)).split(sep).join('/'),
      bytes: raw.length,
      utf16,
      text: decodeJsonBytes(raw),
    };
  });
}
