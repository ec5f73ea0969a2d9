// Each rule's help for SARIF, taken from docs/rules.md (shipped beside the CLI in the VSIX and the npm
// package), so code scanning shows the explanation itself instead of a link to a page that may not exist.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface RuleHelp {
  readonly text: string;
  readonly markdown: string;
}

/** The help of every `### CODE` section of a rules page, keyed by code. */
export function parseRuleHelp(markdown: string): Map<string, RuleHelp> {
  const help = new Map<string, RuleHelp>();
  const sections = markdown.split(/\r?\n(?=#{1,6}\s)/);
  for (const section of sections) {
    const heading = /^###\s+([A-Z]{2,5}\d{3})\s*\r?\n/.exec(section);
    if (!heading) continue;
    const body = section.slice(heading[0].length).trim();
    if (body) help.set(heading[1], { markdown: body, text: plainText(body) });
  }
  return help;
}

/** Reads docs/rules.md from the nearest folder above this file that has it; empty when none does. */
export function loadRuleHelp(from: string = __dirname): Map<string, RuleHelp> {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'docs', 'rules.md');
    if (existsSync(file)) return parseRuleHelp(readFileSync(file, 'utf8'));
    if (dirname(dir) === dir) return new Map();
  }
}

/** Markdown emphasis and code marks removed, lines joined: what a plain-text SARIF viewer shows. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\s*\r?\n\s*/g, ' ')
    .trim();
}
