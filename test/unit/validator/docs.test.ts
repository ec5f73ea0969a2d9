import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RULES } from '../../../src/core/validator';

describe('validator: docs/rules.md', () => {
  const doc = readFileSync('docs/rules.md', 'utf8');
  const sections = new Map(
    [...doc.matchAll(/^### (ADF\d{3})\n\*\*([a-z-]+), (error|warning|info)\.\*\*/gm)].map((m) => [
      m[1],
      { name: m[2], severity: m[3] },
    ]),
  );

  it('has a section for every rule code, with its name and default severity', () => {
    for (const rule of RULES) {
      const section = sections.get(rule.code);
      assert.ok(section, `no section for ${rule.code}`);
      assert.deepEqual(section, { name: rule.name, severity: rule.severity }, rule.code);
    }
  });

  it('documents no code the validator does not have', () => {
    const codes = new Set(RULES.map((r) => r.code));
    assert.deepEqual(
      [...sections.keys()].filter((c) => !codes.has(c)),
      [],
    );
  });
});
