// Syntax tree of ADF expressions. Every span is an offset range [start, end) into the DECODED JSON string
// value (the text after JSON unescaping), so a caller maps it back to the file itself.

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** `name(args...)`, e.g. `concat('a', 'b')` or `pipeline()`. */
export interface CallNode {
  readonly kind: 'call';
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly ExpressionNode[];
  readonly span: Span;
}

/** `object.name` or `object?.name`. */
export interface MemberNode {
  readonly kind: 'member';
  readonly object: ExpressionNode;
  readonly name: string;
  readonly nameSpan: Span;
  /** true for `?.`: yields null instead of failing when the property is missing. */
  readonly optional: boolean;
  readonly span: Span;
}

/** `object[index]` or `object?[index]`. */
export interface IndexNode {
  readonly kind: 'index';
  readonly object: ExpressionNode;
  readonly index: ExpressionNode;
  readonly optional: boolean;
  readonly span: Span;
}

/** `'text'` with `''` standing for one quote; `value` is unescaped. */
export interface StringLiteralNode {
  readonly kind: 'string';
  readonly value: string;
  readonly span: Span;
}

export interface NumberLiteralNode {
  readonly kind: 'number';
  readonly value: number;
  /** false when written with a fraction or exponent (`1.5`, `1e3`): ADF keeps int and float apart. */
  readonly integer: boolean;
  readonly raw: string;
  readonly span: Span;
}

export interface BooleanLiteralNode {
  readonly kind: 'boolean';
  readonly value: boolean;
  readonly span: Span;
}

export interface NullLiteralNode {
  readonly kind: 'null';
  readonly span: Span;
}

export type ExpressionNode =
  CallNode | MemberNode | IndexNode | StringLiteralNode | NumberLiteralNode | BooleanLiteralNode | NullLiteralNode;

export type ExpressionNodeKind = ExpressionNode['kind'];

/** Literal text of a value (after `@@` unescaping). */
export interface LiteralSegment {
  readonly kind: 'literal';
  readonly value: string;
  /** Where the text sits in the value (escapes included, so it can be longer than `value`). */
  readonly span: Span;
}

/** One expression: the whole value after `@`, or one `@{...}` of an interpolated string. */
export interface ExpressionSegment {
  readonly kind: 'expression';
  /** The tree; when `complete` is false, a best-effort partial tree (or undefined) up to the first error. */
  readonly node: ExpressionNode | undefined;
  readonly complete: boolean;
  /** true for `@{...}` (the result becomes text), false for a whole `@...` value. */
  readonly interpolated: boolean;
  /** The segment including its delimiters: `@...` or `@{...}`. */
  readonly span: Span;
  /** The expression text alone, without `@`, `@{` and `}`. */
  readonly bodySpan: Span;
}

export type Segment = LiteralSegment | ExpressionSegment;

export type ExpressionErrorCode =
  | 'empty-expression'
  | 'unterminated-string'
  | 'unterminated-interpolation'
  | 'unexpected-character'
  | 'unexpected-token'
  | 'expected-value'
  | 'expected-call'
  | 'expected-property-name'
  | 'expected-accessor'
  | 'missing-close-paren'
  | 'missing-close-bracket'
  | 'too-deeply-nested'
  | 'internal-error';

/** A suggested replacement of `span` with `replacement` (same coordinates as every span). */
export interface ExpressionFix {
  readonly span: Span;
  readonly replacement: string;
  readonly title: string;
}

export interface ExpressionError {
  readonly code: ExpressionErrorCode;
  readonly message: string;
  readonly span: Span;
  readonly fix?: ExpressionFix;
}

/**
 * A JSON string value classified and parsed:
 * - 'literal': plain text (including `@@...` escapes and `@` elsewhere, like `x@EntityReference`);
 * - 'expression': the value starts with `@`: one expression segment whose result keeps its type;
 * - 'interpolated': text with `@{...}` parts; the result is always a string.
 */
export interface ParsedValue {
  readonly kind: 'literal' | 'expression' | 'interpolated';
  readonly segments: readonly Segment[];
  readonly errors: readonly ExpressionError[];
}
