// Where each rule is explained in docs/rules.md, so a diagnostic's code can link straight to it.

/**
 * Zero-based line of the heading that documents `code` (a markdown heading line containing the code as a
 * word, e.g. `## ADF301 unknown-dependency`), or undefined when the page has none.
 */
export function ruleHeadingLine(markdown: string, code: string): number | undefined {
  const lines = markdown.split(/\r?\n/);
  const word = new RegExp(`(^|[^A-Za-z0-9])${code.replace(/[^A-Za-z0-9]/g, '')}([^A-Za-z0-9]|$)`, 'i');
  const index = lines.findIndex((line) => /^#{1,6}\s/.test(line) && word.test(line));
  return index >= 0 ? index : undefined;
}

/** Every code with a heading in the page, mapped to its zero-based line. */
export function ruleHeadingLines(markdown: string): Map<string, number> {
  const found = new Map<string, number>();
  markdown.split(/\r?\n/).forEach((line, index) => {
    if (!/^#{1,6}\s/.test(line)) return;
    for (const match of line.matchAll(/\b([A-Z]{2,5}\d{3})\b/g)) if (!found.has(match[1])) found.set(match[1], index);
  });
  return found;
}
