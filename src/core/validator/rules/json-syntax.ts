import type { JsonNode as Node } from '../../json/parse';
import type { ValidationContext } from '../context';
import type { ValidationRule } from './rule';

/** ADF001 syntax errors and ADF003 duplicate keys. Syntax errors are reported by `validate` itself. */
export const duplicateKeyRule: ValidationRule = {
  family: 'json',
  run(context: ValidationContext): void {
    const root = context.document.root;
    if (root) visit(context, root);
  },
};

function visit(context: ValidationContext, node: Node): void {
  const children = node.children;
  if (!children) return;
  if (node.type === 'object') {
    let seen: Map<string, Node> | undefined;
    for (const prop of children) {
      const keyNode = prop.children?.[0];
      if (keyNode && typeof keyNode.value === 'string') {
        if (children.length > 1) {
          seen ??= new Map();
          const first = seen.get(keyNode.value);
          if (first) {
            context.report('ADF003', context.rangeOf(keyNode), `Duplicate property "${keyNode.value}": only this last one is used.`, {
              related: [{ range: context.rangeOf(first), message: 'First occurrence' }],
            });
          } else {
            seen.set(keyNode.value, keyNode);
          }
        }
      }
      const value = prop.children?.[1];
      if (value?.children) visit(context, value);
    }
  } else {
    for (const child of children) if (child.children) visit(context, child);
  }
}

/** ADF001 for every syntax error jsonc-parser found. */
export function reportSyntaxErrors(context: ValidationContext): void {
  for (const error of context.document.errors) {
    const end = error.offset + Math.max(error.length, error.offset < context.text.length ? 1 : 0);
    context.report('ADF001', { start: error.offset, end }, error.message);
  }
}
