// What an expression refers to: pipeline parameters, global parameters, variables, activities and item().
// The validator checks them against the pipeline; spans point at the names so problems land on them.
import type { ExpressionNode, ParsedValue, Span } from './ast';
import { isCallOf, walkExpression } from './walk';

export type ExpressionReferenceKind = 'parameter' | 'globalParameter' | 'variable' | 'activity' | 'item';

export interface ExpressionReference {
  readonly kind: ExpressionReferenceKind;
  /** The name as written (unescaped); '' for item(). */
  readonly name: string;
  /** The whole reference, e.g. `pipeline().parameters.X` or `activity('X')`. */
  readonly span: Span;
  /** The name itself: the identifier, or the text inside the quotes; for item(), the word `item`. */
  readonly nameSpan: Span;
  readonly node: ExpressionNode;
}

export interface FindReferencesOptions {
  /**
   * Also look inside expressions that have a syntax error (their partial trees). Off by default: a
   * truncated tree such as `pipeline().globalParameters.GP` (from `.GP-Int`) would name the wrong thing.
   */
  readonly includeIncomplete?: boolean;
}

/** Every reference in a parsed value, in source order. */
export function findReferences(parsed: ParsedValue, options: FindReferencesOptions = {}): ExpressionReference[] {
  const found: ExpressionReference[] = [];
  for (const segment of parsed.segments) {
    if (segment.kind !== 'expression' || !segment.node) continue;
    if (!segment.complete && !options.includeIncomplete) continue;
    found.push(...findReferencesInNode(segment.node));
  }
  return found;
}

/** Every reference in one expression tree, in source order. */
export function findReferencesInNode(root: ExpressionNode): ExpressionReference[] {
  const found: ExpressionReference[] = [];
  walkExpression(root, (node) => {
    const reference = referenceAt(node);
    if (reference) found.push(reference);
  });
  return found.sort((a, b) => a.nameSpan.start - b.nameSpan.start);
}

function referenceAt(node: ExpressionNode): ExpressionReference | undefined {
  if (node.kind === 'call') {
    const lower = node.name.toLowerCase();
    if (lower === 'item' && node.args.length === 0) {
      return { kind: 'item', name: '', span: node.span, nameSpan: node.nameSpan, node };
    }
    if ((lower === 'variables' || lower === 'activity') && node.args.length === 1) {
      const arg = node.args[0];
      if (arg.kind !== 'string') return undefined;
      return {
        kind: lower === 'variables' ? 'variable' : 'activity',
        name: arg.value,
        span: node.span,
        nameSpan: insideQuotes(arg.span),
        node,
      };
    }
    return undefined;
  }
  if (node.kind !== 'member' && node.kind !== 'index') return undefined;
  // pipeline().parameters.X: `node` reads X from a `parameters` (or `globalParameters`) property of pipeline().
  const property = propertyOf(node);
  const container = node.object;
  if (!property || (container.kind !== 'member' && container.kind !== 'index')) return undefined;
  const containerName = propertyOf(container)?.name.toLowerCase();
  if (!isCallOf(container.object, 'pipeline') || container.object.args.length !== 0) return undefined;
  if (containerName === 'parameters')
    return { kind: 'parameter', name: property.name, span: node.span, nameSpan: property.span, node };
  if (containerName === 'globalparameters')
    return { kind: 'globalParameter', name: property.name, span: node.span, nameSpan: property.span, node };
  return undefined;
}

/** The property a member or index access reads, when it is a fixed name (`.X` or `['X']`). */
function propertyOf(node: ExpressionNode): { name: string; span: Span } | undefined {
  if (node.kind === 'member') return { name: node.name, span: node.nameSpan };
  if (node.kind === 'index' && node.index.kind === 'string')
    return { name: node.index.value, span: insideQuotes(node.index.span) };
  return undefined;
}

function insideQuotes(span: Span): Span {
  return span.end - span.start >= 2 ? { start: span.start + 1, end: span.end - 1 } : span;
}
