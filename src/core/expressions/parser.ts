// Parser for ADF expression values: classifies a JSON string value (literal, `@...` expression or `@{...}`
// interpolation) and parses each expression into a tree with spans. It never throws: problems become
// ExpressionErrors (the first one of each expression; later ones would mostly be echoes of it), and the
// tree built up to that point is kept as a partial tree.
import * as l10n from '@vscode/l10n';
import type { ExpressionError, ExpressionNode, ExpressionSegment, ParsedValue, Segment, Span } from './ast';
import { ExpressionParser } from './expression-parser';
import { scanExpression } from './scanner';

export interface ParsedExpression {
  readonly node: ExpressionNode | undefined;
  readonly errors: readonly ExpressionError[];
}

/** Classifies and parses one decoded JSON string value. */
export function parseValue(value: string): ParsedValue {
  try {
    return parseValueUnguarded(value);
  } catch (error) {
    // A bug here must not take the validator down with it: report it like any other problem.
    return {
      kind: 'literal',
      segments: [{ kind: 'literal', value, span: { start: 0, end: value.length } }],
      errors: [
        {
          code: 'internal-error',
          message: l10n.t('Internal expression parser error: {0}', String(error)),
          span: { start: 0, end: value.length },
        },
      ],
    };
  }
}

/** Parses bare expression text (no leading `@`), e.g. `concat('a', 'b')`; spans are offsets into `text`. */
export function parseExpression(text: string, start = 0, end = text.length): ParsedExpression {
  try {
    return parseBody(text, start, end, { start, end }, 'bare');
  } catch (error) {
    return {
      node: undefined,
      errors: [
        {
          code: 'internal-error',
          message: l10n.t('Internal expression parser error: {0}', String(error)),
          span: { start, end },
        },
      ],
    };
  }
}

/** true when the value would be evaluated (starts with a single `@`, or interpolates with `@{`). */
export function isExpressionValue(value: string): boolean {
  if (value.startsWith('@@')) return false;
  return value.startsWith('@') || value.includes('@{');
}

function parseValueUnguarded(value: string): ParsedValue {
  const whole: Span = { start: 0, end: value.length };
  if (value.startsWith('@@')) {
    return { kind: 'literal', segments: [{ kind: 'literal', value: value.slice(1), span: whole }], errors: [] };
  }
  if (value.startsWith('@') && !value.startsWith('@{')) {
    const parsed = parseBody(value, 1, value.length, whole, 'whole');
    const segment: ExpressionSegment = {
      kind: 'expression',
      node: parsed.node,
      complete: parsed.errors.length === 0,
      interpolated: false,
      span: whole,
      bodySpan: { start: 1, end: value.length },
    };
    return { kind: 'expression', segments: [segment], errors: parsed.errors };
  }
  if (value.includes('@{')) return parseInterpolated(value);
  return { kind: 'literal', segments: [{ kind: 'literal', value, span: whole }], errors: [] };
}

function parseInterpolated(value: string): ParsedValue {
  const segments: Segment[] = [];
  const errors: ExpressionError[] = [];
  let text = '';
  let textStart = 0;
  let pos = 0;
  const flushText = (end: number): void => {
    if (end > textStart) segments.push({ kind: 'literal', value: text, span: { start: textStart, end } });
    text = '';
  };
  while (pos < value.length) {
    const open = value.indexOf('@{', pos);
    if (open < 0) break;
    if (open > 0 && value[open - 1] === '@') {
      // `@@{` stands for a literal `@{`.
      text += value.slice(pos, open - 1) + '@{';
      pos = open + 2;
      continue;
    }
    text += value.slice(pos, open);
    flushText(open);
    const close = findInterpolationEnd(value, open + 2);
    const bodyEnd = close ?? value.length;
    const segmentSpan: Span = { start: open, end: close === undefined ? value.length : close + 1 };
    const parsed = parseBody(value, open + 2, bodyEnd, segmentSpan, 'interpolation');
    const segmentErrors = [...parsed.errors];
    if (close === undefined) {
      segmentErrors.unshift({
        code: 'unterminated-interpolation',
        message: l10n.t("'@{' is never closed: the closing '}' is missing"),
        span: { start: open, end: open + 2 },
      });
    }
    errors.push(...segmentErrors);
    segments.push({
      kind: 'expression',
      node: parsed.node,
      complete: segmentErrors.length === 0,
      interpolated: true,
      span: segmentSpan,
      bodySpan: { start: open + 2, end: bodyEnd },
    });
    pos = segmentSpan.end;
    textStart = pos;
  }
  text += value.slice(pos);
  flushText(value.length);
  const kind = segments.some((s) => s.kind === 'expression') ? 'interpolated' : 'literal';
  if (kind === 'literal' && segments.length === 0) {
    segments.push({ kind: 'literal', value: '', span: { start: 0, end: value.length } });
  }
  return { kind, segments, errors };
}

/** Index of the `}` closing an interpolation whose body starts at `from`; quotes hide braces. */
function findInterpolationEnd(value: string, from: number): number | undefined {
  let inString = false;
  for (let i = from; i < value.length; i++) {
    const ch = value[i];
    if (ch === "'")
      inString = !inString; // `''` toggles twice, so escapes need no special case
    else if (ch === '}' && !inString) return i;
  }
  return undefined;
}

type ExpressionForm = 'bare' | 'whole' | 'interpolation';

/** A function, not a table: l10n.t must run after the host configured the bundle, not at import. */
function emptyMessage(form: ExpressionForm): string {
  if (form === 'bare') return l10n.t('Empty expression');
  if (form === 'whole')
    return l10n.t("Empty expression: '@' must be followed by an expression (write '@@' for a literal '@')");
  return l10n.t("Empty interpolation '@{}': write an expression between the braces");
}

function parseBody(
  source: string,
  start: number,
  end: number,
  segmentSpan: Span,
  form: ExpressionForm,
): ParsedExpression {
  if (source.slice(start, end).trim() === '') {
    return {
      node: undefined,
      errors: [{ code: 'empty-expression', message: emptyMessage(form), span: segmentSpan }],
    };
  }
  const parser = new ExpressionParser(scanExpression(source, start, end), source);
  const node = parser.parseExpression(0);
  if (!parser.failed) parser.expectEnd();
  return { node, errors: parser.errors };
}
