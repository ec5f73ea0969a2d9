// What the cursor points at inside an ADF expression: a function name, or the name in a reference to a pipeline
// parameter, a variable or an activity. Used for hover.
import {
  findReferences,
  lookupFunction,
  nodePathAt,
  parseValue,
  type ExpressionReferenceKind,
  type FunctionInfo,
  type ParsedValue,
  type Span,
} from '../expressions';

export type ExpressionTarget =
  | { readonly kind: 'function'; readonly info: FunctionInfo; readonly span: Span }
  | { readonly kind: 'unknownFunction'; readonly name: string; readonly span: Span }
  | { readonly kind: Exclude<ExpressionReferenceKind, 'item'>; readonly name: string; readonly span: Span };

/**
 * The function or reference at `index` of a decoded string value, or undefined. Spans index the value. `parse` may
 * be a document's memo of parsed expressions.
 */
export function expressionTargetAt(
  value: string,
  index: number,
  parse: (value: string) => ParsedValue = parseValue,
): ExpressionTarget | undefined {
  if (!value.includes('@')) return undefined;
  const parsed = parse(value);
  if (parsed.kind === 'literal') return undefined;
  const within = (span: Span): boolean => index >= span.start && index <= span.end;
  for (const reference of findReferences(parsed, { includeIncomplete: true })) {
    if (reference.kind !== 'item' && within(reference.nameSpan))
      return { kind: reference.kind, name: reference.name, span: reference.nameSpan };
  }
  for (const segment of parsed.segments) {
    if (segment.kind !== 'expression' || !segment.node || !within(segment.bodySpan)) continue;
    // nodePathAt excludes the end offset; the end of a name still counts (the cursor right after it).
    const path = [...nodePathAt(segment.node, index), ...(index > 0 ? nodePathAt(segment.node, index - 1) : [])];
    for (const node of path.reverse()) {
      if (node.kind !== 'call' || !within(node.nameSpan)) continue;
      const info = lookupFunction(node.name);
      return info
        ? { kind: 'function', info, span: node.nameSpan }
        : { kind: 'unknownFunction', name: node.name, span: node.nameSpan };
    }
  }
  return undefined;
}
