import type { Node } from 'jsonc-parser';

/** The value node of property `key` in an object node: exact spelling first, then ignoring letter case. */
export function propertyValue(node: Node | undefined, key: string): Node | undefined {
  const prop = propertyNode(node, key);
  return prop?.children?.[1];
}

/** The property node (key + value) of `key` in an object node: exact spelling first, then ignoring case. */
export function propertyNode(node: Node | undefined, key: string): Node | undefined {
  if (!node || node.type !== 'object' || !node.children) return undefined;
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const keyNode = children[i].children?.[0];
    if (keyNode && keyNode.value === key) return children[i];
  }
  // Rare: a key in another letter case. Only same-length keys can match, which keeps this allocation-free mostly.
  let lower: string | undefined;
  for (let i = 0; i < children.length; i++) {
    const name = children[i].children?.[0]?.value;
    if (typeof name !== 'string' || name.length !== key.length) continue;
    lower ??= key.toLowerCase();
    if (name.toLowerCase() === lower) return children[i];
  }
  return undefined;
}

/** Walks a path of keys (strings) and indexes (numbers). */
export function valueAt(node: Node | undefined, path: readonly (string | number)[]): Node | undefined {
  let current = node;
  for (const segment of path) {
    if (!current) return undefined;
    if (typeof segment === 'number') {
      current = current.type === 'array' ? current.children?.[segment] : undefined;
    } else {
      current = propertyValue(current, segment);
    }
  }
  return current;
}

/** [key, keyNode, valueNode] for every property of an object node. */
export function objectEntries(node: Node | undefined): [string, Node, Node][] {
  const out: [string, Node, Node][] = [];
  if (!node || node.type !== 'object' || !node.children) return out;
  for (const prop of node.children) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (keyNode && valueNode && typeof keyNode.value === 'string') out.push([keyNode.value, keyNode, valueNode]);
  }
  return out;
}

export function arrayItems(node: Node | undefined): Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

export function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

export function booleanValue(node: Node | undefined): boolean | undefined {
  return node?.type === 'boolean' && typeof node.value === 'boolean' ? node.value : undefined;
}

/** The key node of the property that holds `valueNode`, if it is a property value. */
export function keyOf(valueNode: Node): Node | undefined {
  const parent = valueNode.parent;
  return parent?.type === 'property' && parent.children?.[1] === valueNode ? parent.children[0] : undefined;
}

/** Calls `visit` for every string value node below `node` (not property keys); `skip` prunes subtrees. */
export function forEachStringValue(
  node: Node | undefined,
  visit: (n: Node) => void,
  skip?: (n: Node) => boolean,
): void {
  if (!node) return;
  if (skip?.(node)) return;
  switch (node.type) {
    case 'string':
      visit(node);
      return;
    case 'object':
      for (const prop of node.children ?? []) {
        const value = prop.children?.[1];
        if (value) forEachStringValue(value, visit, skip);
      }
      return;
    case 'array':
      for (const item of node.children ?? []) forEachStringValue(item, visit, skip);
      return;
    default:
      return;
  }
}
