// Splits the text of one expression into tokens. Never fails: oddities become 'unknown' tokens or
// strings flagged as unterminated, and the parser turns the first one it meets into an error.
import * as l10n from '@vscode/l10n';
import type { Span } from './ast';

export type TokenKind =
  'identifier' | 'number' | 'string' | '(' | ')' | ',' | '.' | '?' | '[' | ']' | 'unknown' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token (for strings: with quotes and `''` escapes). */
  readonly text: string;
  /** Strings: the unescaped content; identifiers and numbers: same as `text`. */
  readonly value: string;
  readonly span: Span;
  /** Strings only: false when the closing quote is missing. */
  readonly terminated: boolean;
  /** true when whitespace separates this token from the previous one. */
  readonly spaceBefore: boolean;
}

const PUNCTUATION = new Set<string>(['(', ')', ',', '.', '?', '[', ']']);
const IDENTIFIER_START = /[\p{L}_$]/u;
const IDENTIFIER_PART = /[\p{L}\p{N}_$]/u;
const DIGIT = /[0-9]/;
const WHITESPACE = /\s/;

/** Tokens of `text` between `start` and `end`, with offsets into `text`; always ends with one 'eof'. */
export function scanExpression(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  let pos = start;
  while (true) {
    const before = pos;
    while (pos < end && WHITESPACE.test(text[pos])) pos++;
    const spaceBefore = pos > before;
    if (pos >= end) {
      tokens.push(makeToken('eof', '', '', pos, pos, spaceBefore));
      return tokens;
    }
    const ch = text[pos];
    let next: Token;
    if (PUNCTUATION.has(ch)) {
      next = makeToken(ch as TokenKind, ch, ch, pos, pos + 1, spaceBefore);
    } else if (ch === "'") {
      next = scanString(text, pos, end, spaceBefore);
    } else if (DIGIT.test(ch) || ((ch === '-' || ch === '+') && pos + 1 < end && DIGIT.test(text[pos + 1]))) {
      next = scanNumber(text, pos, end, spaceBefore);
    } else if (IDENTIFIER_START.test(ch)) {
      let stop = pos + 1;
      while (stop < end && IDENTIFIER_PART.test(text[stop])) stop++;
      const word = text.slice(pos, stop);
      next = makeToken('identifier', word, word, pos, stop, spaceBefore);
    } else {
      // One code point, so a surrogate pair is reported whole.
      const cp = String.fromCodePoint(text.codePointAt(pos) ?? 0);
      const stop = Math.min(end, pos + cp.length);
      next = makeToken('unknown', text.slice(pos, stop), text.slice(pos, stop), pos, stop, spaceBefore);
    }
    tokens.push(next);
    pos = next.span.end;
  }
}

function scanString(text: string, start: number, end: number, spaceBefore: boolean): Token {
  let pos = start + 1;
  let value = '';
  while (pos < end) {
    const ch = text[pos];
    if (ch === "'") {
      if (pos + 1 < end && text[pos + 1] === "'") {
        value += "'";
        pos += 2;
        continue;
      }
      return {
        ...makeToken('string', text.slice(start, pos + 1), value, start, pos + 1, spaceBefore),
        terminated: true,
      };
    }
    value += ch;
    pos++;
  }
  return { ...makeToken('string', text.slice(start, end), value, start, end, spaceBefore), terminated: false };
}

function scanNumber(text: string, start: number, end: number, spaceBefore: boolean): Token {
  let pos = start;
  if (text[pos] === '-' || text[pos] === '+') pos++;
  while (pos < end && DIGIT.test(text[pos])) pos++;
  if (pos + 1 < end && text[pos] === '.' && DIGIT.test(text[pos + 1])) {
    pos++;
    while (pos < end && DIGIT.test(text[pos])) pos++;
  }
  if (pos < end && (text[pos] === 'e' || text[pos] === 'E')) {
    let exp = pos + 1;
    if (exp < end && (text[exp] === '+' || text[exp] === '-')) exp++;
    if (exp < end && DIGIT.test(text[exp])) {
      pos = exp;
      while (pos < end && DIGIT.test(text[pos])) pos++;
    }
  }
  const raw = text.slice(start, pos);
  return makeToken('number', raw, raw, start, pos, spaceBefore);
}

function makeToken(
  kind: TokenKind,
  text: string,
  value: string,
  start: number,
  end: number,
  spaceBefore: boolean,
): Token {
  return { kind, text, value, span: { start, end }, terminated: true, spaceBefore };
}

/** How a token is named in messages: `'('`, `string 'abc'`, `number 12`, `the end of the expression`. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return l10n.t('the end of the expression');
    case 'string':
      return l10n.t('string {0}', abbreviate(token.text));
    case 'number':
      return l10n.t('number {0}', abbreviate(token.text));
    case 'identifier':
      return `'${abbreviate(token.text)}'`;
    default:
      return `'${token.text}'`;
  }
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
