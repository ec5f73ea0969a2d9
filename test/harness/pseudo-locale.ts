// A pseudo-locale (qps-ploc, the id VS Code reserves for it) for the localisation test: every string of the
// extension's bundles with its letters swapped for accented ones, so a string that bypasses the bundles shows up
// in plain ASCII. The copy of the extension that carries it lives in the test run's folder, never in the VSIX.
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

export const PSEUDO_LOCALE = 'qps-ploc';

const ACCENTED: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ó',
  u: 'ú',
  A: 'Á',
  E: 'É',
  I: 'Í',
  O: 'Ó',
  U: 'Ú',
  c: 'ç',
  n: 'ñ',
  y: 'ý',
};

/**
 * Placeholders ({0}, {name}), codicons ($(sync)), link targets ("](command:...)") and code spans stay as they are:
 * VS Code fills or reads them.
 */
const PROTECTED = /\{[^}]*\}|\$\([^)]*\)|\]\([^)]*\)|`[^`]*`/g;

export function pseudoLocalize(text: string): string {
  let out = '';
  let last = 0;
  const accent = (part: string): string => part.replace(/[aeiouAEIOUcny]/g, (c) => ACCENTED[c]);
  for (const match of text.matchAll(PROTECTED)) {
    out += accent(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + accent(text.slice(last));
}

function pseudoBundle(file: string): Record<string, string> {
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string | { message: string }>;
  return Object.fromEntries(
    Object.entries(bundle).map(([key, value]) => [
      key,
      pseudoLocalize(typeof value === 'string' ? value : value.message),
    ]),
  );
}

/**
 * Prepares a run folder for `--locale qps-ploc` and returns the extension folder to link: the repository's
 * top-level entries linked (dist/ copied), plus l10n/bundle.l10n.qps-ploc.json (strings in code and the webviews) and
 * package.nls.qps-ploc.json (the manifest). VS Code's server only takes a display language a language pack
 * provides (it falls back to English otherwise, for extensions too), so user-data/languagepacks.json registers an
 * empty pack for the pseudo-locale: VS Code's own strings stay English, the extension's come from its bundles.
 */
export function pseudoLocalizedExtension(runDir: string): string {
  const folder = join(runDir, 'pseudo-localized-extension');
  mkdirSync(join(folder, 'l10n'), { recursive: true });
  for (const entry of readdirSync(repoRoot)) {
    if (entry !== 'l10n' && entry !== 'dist') symlinkSync(join(repoRoot, entry), join(folder, entry));
  }
  // The code is copied, not linked: VS Code gives an extension its own `vscode` API (with its l10n bundle) by the
  // path of the requiring file, and Node resolves a linked file to its real path outside this folder.
  cpSync(join(repoRoot, 'dist'), join(folder, 'dist'), { recursive: true });
  for (const entry of readdirSync(join(repoRoot, 'l10n')))
    symlinkSync(join(repoRoot, 'l10n', entry), join(folder, 'l10n', entry));
  writeFileSync(
    join(folder, 'l10n', `bundle.l10n.${PSEUDO_LOCALE}.json`),
    JSON.stringify(pseudoBundle(join(repoRoot, 'l10n', 'bundle.l10n.json')), null, 2),
  );
  writeFileSync(
    join(folder, `package.nls.${PSEUDO_LOCALE}.json`),
    JSON.stringify(pseudoBundle(join(repoRoot, 'package.nls.json')), null, 2),
  );
  const userData = join(runDir, 'user-data');
  mkdirSync(userData, { recursive: true });
  const translations = join(runDir, 'pseudo-language-pack.json');
  writeFileSync(translations, JSON.stringify({ contents: {} }));
  writeFileSync(
    join(userData, 'languagepacks.json'),
    JSON.stringify({
      [PSEUDO_LOCALE]: {
        hash: 'adf-test-pseudo',
        label: 'Pseudo',
        // The language picker reads the pack's extension id.
        extensions: [{ extensionIdentifier: { id: 'adf-tests.pseudo-language-pack' }, version: '1.0.0' }],
        translations: { vscode: translations },
      },
    }),
  );
  return folder;
}
