// What the user is typing at a cursor inside an ADF string value: a function name, a pipeline parameter, a
// variable name, an activity name... Works on the value as ADF reads it (JSON escapes already decoded) and on
// incomplete text, since completion runs while the expression is half written.

export type ExpressionCursorKind =
  /** An identifier where a function call can start (after `@`, `@{`, `(` or `,`). */
  | 'function'
  /** After `pipeline().parameters.` */
  | 'parameter'
  /** After `pipeline().` */
  | 'pipelineProperty'
  /** Inside the quotes of `variables('` */
  | 'variable'
  /** Inside the quotes of `activity('` */
  | 'activity';

export interface ExpressionCursor {
  readonly kind: ExpressionCursorKind;
  /** What is already typed of the name. */
  readonly prefix: string;
  /** Index in the value where the typed name starts (the range a completion replaces ends at the cursor). */
  readonly start: number;
}

/** The expression region (`[start, end)` of the value) that contains `index`, or undefined. */
export function expressionRegionAt(value: string, index: number): { start: number; end: number } | undefined {
  if (value.startsWith('@') && value[1] !== '@' && value[1] !== '{') {
    return index >= 1 ? { start: 1, end: value.length } : undefined;
  }
  let i = 0;
  while (i < value.length) {
    const at = value.indexOf('@', i);
    if (at < 0) return undefined;
    if (value[at + 1] === '@') {
      i = at + 2;
      continue;
    }
    if (value[at + 1] !== '{') {
      i = at + 1;
      continue;
    }
    const start = at + 2;
    const end = closingBrace(value, start);
    if (index >= start && index <= end) return { start, end };
    if (end >= value.length) return undefined;
    i = end + 1;
  }
  return undefined;
}

/** Index of the `}` closing an interpolation that starts at `from` (quoted text skipped), or value.length. */
function closingBrace(value: string, from: number): number {
  let inString = false;
  for (let i = from; i < value.length; i++) {
    const ch = value[i];
    if (ch === "'") {
      if (inString && value[i + 1] === "'") i++;
      else inString = !inString;
    } else if (ch === '}' && !inString) {
      return i;
    }
  }
  return value.length;
}

const NAME = /[A-Za-z0-9_]*$/;

/** The completion context at `index` of `value`, or undefined when the cursor is not inside an expression. */
export function expressionCursorAt(value: string, index: number): ExpressionCursor | undefined {
  const region = expressionRegionAt(value, index);
  if (!region) return undefined;
  const before = value.slice(region.start, index);
  const quote = openQuoteIndex(before);
  if (quote >= 0) {
    const head = before.slice(0, quote);
    const prefix = before.slice(quote + 1);
    const start = region.start + quote + 1;
    if (/\bvariables\s*\(\s*$/i.test(head)) return { kind: 'variable', prefix, start };
    if (/\bactivity\s*\(\s*$/i.test(head)) return { kind: 'activity', prefix, start };
    if (/\bpipeline\s*\(\s*\)\s*\??\.\s*parameters\s*\??\[\s*$/i.test(head))
      return { kind: 'parameter', prefix, start };
    return undefined;
  }
  const prefix = NAME.exec(before)?.[0] ?? '';
  const start = index - prefix.length;
  const head = before.slice(0, before.length - prefix.length);
  if (/\bpipeline\s*\(\s*\)\s*\??\.\s*parameters\s*\??\.\s*$/i.test(head)) return { kind: 'parameter', prefix, start };
  if (/\bpipeline\s*\(\s*\)\s*\??\.\s*$/i.test(head)) return { kind: 'pipelineProperty', prefix, start };
  if (/^[0-9]/.test(prefix)) return undefined;
  const trimmed = head.trimEnd();
  if (trimmed === '' || trimmed.endsWith('(') || trimmed.endsWith(',')) return { kind: 'function', prefix, start };
  return undefined;
}

/** Index of the quote that opens a still-open string literal in `text`, or -1 (`''` is an escaped quote). */
function openQuoteIndex(text: string): number {
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "'") continue;
    if (open < 0) {
      open = i;
    } else if (text[i + 1] === "'") {
      i++;
    } else {
      open = -1;
    }
  }
  return open;
}
