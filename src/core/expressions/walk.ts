// Traversal of expression trees.
import type { ExpressionNode, ParsedValue } from './ast';

/** Called for each node, parents before children; return false to skip the node's children. */
export type ExpressionVisitor = (node: ExpressionNode, parent: ExpressionNode | undefined) => void | boolean;

/** The direct children of a node, in source order. */
export function childrenOf(node: ExpressionNode): readonly ExpressionNode[] {
  switch (node.kind) {
    case 'call':
      return node.args;
    case 'member':
      return [node.object];
    case 'index':
      return [node.object, node.index];
    default:
      return [];
  }
}

/** Visits `node` and everything below it, depth first, in source order. */
export function walkExpression(node: ExpressionNode, visit: ExpressionVisitor, parent?: ExpressionNode): void {
  if (visit(node, parent) === false) return;
  for (const child of childrenOf(node)) walkExpression(child, visit, node);
}

/** Visits the tree of every expression segment of a parsed value (partial trees included). */
export function walkParsedValue(parsed: ParsedValue, visit: ExpressionVisitor): void {
  for (const segment of parsed.segments) {
    if (segment.kind === 'expression' && segment.node) walkExpression(segment.node, visit);
  }
}

/** The nodes containing `offset` (start inclusive, end exclusive), outermost first; empty when none does. */
export function nodePathAt(node: ExpressionNode, offset: number): ExpressionNode[] {
  const path: ExpressionNode[] = [];
  let current: ExpressionNode | undefined = node;
  while (current && offset >= current.span.start && offset < current.span.end) {
    path.push(current);
    current = childrenOf(current).find((child) => offset >= child.span.start && offset < child.span.end);
  }
  return path;
}

/** true for a call of `name` (any letter case), e.g. isCallOf(node, 'pipeline'). */
export function isCallOf(node: ExpressionNode, name: string): node is Extract<ExpressionNode, { kind: 'call' }> {
  return node.kind === 'call' && node.name.toLowerCase() === name.toLowerCase();
}
