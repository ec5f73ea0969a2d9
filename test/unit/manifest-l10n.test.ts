// Every user-visible string of package.json goes through package.nls.json (%key%), so a language pack or the
// pseudo-locale can translate the whole manifest.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown> & {
  contributes: Record<string, unknown>;
};
const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;

/** The user-visible strings of the manifest, with where they are. */
function visibleStrings(): Array<{ where: string; value: string }> {
  const found: Array<{ where: string; value: string }> = [];
  const visit = (value: unknown, where: string, key: string): void => {
    if (typeof value === 'string') {
      if (
        /^(displayName|description|title|shortTitle|category|name|contextualTitle|contents|markdownDescription|deprecationMessage|label|altText)$/.test(
          key,
        )
      ) {
        found.push({ where, value });
      }
      return;
    }
    if (Array.isArray(value)) {
      const visibleItems = /^(enumDescriptions|markdownEnumDescriptions)$/.test(key);
      value.forEach((item, i) =>
        visibleItems && typeof item === 'string'
          ? found.push({ where: `${where}[${i}]`, value: item })
          : visit(item, `${where}[${i}]`, key),
      );
      return;
    }
    if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, `${where}.${k}`, k);
  };
  visit(manifest.displayName, 'displayName', 'displayName');
  visit(manifest.description, 'description', 'description');
  // Schema-like parts (problem matcher patterns, JSON validation) hold no user-visible text except labels.
  for (const [part, value] of Object.entries(manifest.contributes))
    if (part !== 'jsonValidation') visit(value, `contributes.${part}`, part);
  return found;
}

describe('manifest localisation (package.nls.json)', () => {
  it('every user-visible string of package.json is a %key% of package.nls.json', () => {
    const strings = visibleStrings();
    assert.ok(strings.length > 50, `found ${strings.length} strings`);
    const raw = strings.filter(
      (s) => !/^%[^%]+%$/.test(s.value) && !(s.where.endsWith('.name') && /problemMatchers/.test(s.where)),
    );
    assert.deepEqual(
      raw.map((s) => `${s.where}: ${s.value}`),
      [],
      'strings not moved to package.nls.json',
    );
    const missing = strings.filter((s) => /^%[^%]+%$/.test(s.value) && !(s.value.slice(1, -1) in nls));
    assert.deepEqual(
      missing.map((s) => `${s.where}: ${s.value}`),
      [],
      'keys missing from package.nls.json',
    );
  });

  it('package.nls.json has no key the manifest does not use', () => {
    const used = new Set(visibleStrings().map((s) => s.value.slice(1, -1)));
    assert.deepEqual(
      Object.keys(nls).filter((key) => !used.has(key)),
      [],
    );
  });
});
