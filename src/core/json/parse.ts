import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';

export type { Node as JsonNode } from 'jsonc-parser';

export interface JsonSyntaxError {
  readonly offset: number;
  readonly length: number;
  /** jsonc-parser's error name, e.g. `CommaExpected`. */
  readonly kind: string;
  readonly message: string;
}

export interface JsonDocument {
  readonly text: string;
  readonly root: Node | undefined;
  readonly errors: readonly JsonSyntaxError[];
}

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Invalid symbol',
  InvalidNumberFormat: 'Invalid number format',
  PropertyNameExpected: 'Property name expected',
  ValueExpected: 'Value expected',
  ColonExpected: 'Colon expected',
  CommaExpected: 'Comma expected',
  CloseBraceExpected: 'Closing brace `}` expected',
  CloseBracketExpected: 'Closing bracket `]` expected',
  EndOfFileExpected: 'End of file expected',
  InvalidCommentToken: 'Comments are not allowed in JSON',
  UnexpectedEndOfComment: 'Unexpected end of comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unexpected end of number',
  InvalidUnicode: 'Invalid unicode escape sequence',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Invalid character in string (control characters must be escaped)',
};

/**
 * Parses strict JSON (no comments, no trailing commas) into a tree with offsets, keeping every syntax error.
 * A leading byte-order mark is treated as whitespace so offsets still index the given text.
 */
export function parseJsonDocument(text: string): JsonDocument {
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const raw: ParseError[] = [];
  const root = parseTree(source, raw, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const errors = raw.map((e): JsonSyntaxError => {
    const kind = printParseErrorCode(e.error);
    return { offset: e.offset, length: e.length, kind, message: MESSAGES[kind] ?? kind };
  });
  return { text, root, errors };
}
