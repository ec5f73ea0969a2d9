// The review step's generated JSON as a highlighted, wrapped, scrollable code view: jsonc-parser's scanner splits the
// text into tokens, each coloured with the theme's own token colours (the ones VS Code's debug views use).
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { html, type TemplateResult } from 'lit';

interface Token {
  text: string;
  kind: 'key' | 'string' | 'number' | 'literal' | 'plain';
}

/** The text as tokens; a string followed by ':' is a property name. */
export function jsonTokens(text: string): Token[] {
  const scanner = createScanner(text, false);
  const tokens: Token[] = [];
  let pendingString: Token | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const start = scanner.getTokenOffset();
    const token: Token = { text: text.slice(start, start + scanner.getTokenLength()), kind: kindOf(kind) };
    const trivia = kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia;
    if (!trivia && pendingString) {
      if (kind === SyntaxKind.ColonToken) pendingString.kind = 'key';
      pendingString = undefined;
    }
    if (kind === SyntaxKind.StringLiteral) pendingString = token;
    const last = tokens.at(-1);
    // Adjacent plain text (spaces, line breaks, punctuation) is one text node.
    if (token.kind === 'plain' && last?.kind === 'plain') last.text += token.text;
    else tokens.push(token);
  }
  return tokens;
}

function kindOf(kind: SyntaxKind): Token['kind'] {
  switch (kind) {
    case SyntaxKind.StringLiteral:
      return 'string';
    case SyntaxKind.NumericLiteral:
      return 'number';
    case SyntaxKind.TrueKeyword:
    case SyntaxKind.FalseKeyword:
    case SyntaxKind.NullKeyword:
      return 'literal';
    default:
      return 'plain';
  }
}

export function jsonView(text: string, label: string): TemplateResult {
  return html`<pre class="json-view mono" tabindex="0" role="region" aria-label=${label}>${jsonTokens(text).map((t) =>
    t.kind === 'plain' ? t.text : html`<span class=${`json-${t.kind}`}>${t.text}</span>`,
  )}</pre>`;
}
