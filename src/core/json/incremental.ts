import { createScanner } from 'jsonc-parser';
import { type JsonDocument, type JsonNode as Node, parseJsonDocument } from './parse';

/**
 * Re-parsing after a keystroke: an editor validates the same document again and again, and most edits change
 * one string or number. When the new text differs from `previous.text` only inside one such value (not a key),
 * the previous tree is patched in place (the value, and the offsets after the edit) instead of building a new tree
 * of the whole file, which is what costs time and garbage. Anything else is parsed from scratch.
 *
 * The previous tree may be changed: the caller hands it over and must not read `previous` afterwards.
 */
export function reparseJsonDocument(text: string, previous: JsonDocument | undefined): JsonDocument {
  let patched: JsonDocument | undefined;
  try {
    patched = previous && previous.text !== text ? patch(previous.text, previous, text) : previous;
  } catch {
    patched = undefined; // a patch that fails half-way leaves a damaged tree behind: the new one is parsed afresh
  }
  return patched ?? parseJsonDocument(text);
}

function patch(oldText: string, document: JsonDocument, newText: string): JsonDocument | undefined {
  const root = document.root;
  if (!root || document.errors.length || Math.abs(newText.length - oldText.length) > 64) return undefined;
  // The changed region: common prefix and suffix, found with native comparisons (binary search on length).
  const max = Math.min(oldText.length, newText.length);
  const prefix = commonPrefix(oldText, newText, max);
  const suffix = commonSuffix(oldText, newText, max - prefix);
  const oldEnd = oldText.length - suffix;
  const delta = newText.length - oldText.length;

  const node = valueNodeAround(root, prefix, oldEnd);
  if (!node) return undefined;
  const start = node.offset;
  const newLength = node.length + delta;
  const scanned = scanSingleToken(newText, start, newLength);
  if (!scanned || scanned.kind !== node.type) return undefined;

  const mutable = node as { value?: unknown; length: number };
  mutable.value = scanned.value;
  mutable.length = newLength;
  if (delta !== 0) {
    for (let p = node.parent; p; p = p.parent) (p as { length: number }).length += delta;
    shiftAfter(root, start, delta);
  }
  return { text: newText, root, errors: document.errors, duplicateKeys: document.duplicateKeys };
}

function commonPrefix(a: string, b: string, max: number): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (a.slice(low, mid) === b.slice(low, mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

function commonSuffix(a: string, b: string, max: number): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (a.slice(a.length - mid, a.length - low) === b.slice(b.length - mid, b.length - low)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The string or number value node (not a property key) whose token strictly contains [from, to). */
function valueNodeAround(root: Node, from: number, to: number): Node | undefined {
  let node: Node | undefined = root;
  for (;;) {
    const children: Node[] | undefined = node.children;
    if (!children) break;
    let next: Node | undefined;
    for (const child of children) {
      if (child.offset <= from && to <= child.offset + child.length) {
        next = child;
        break;
      }
    }
    if (!next) break;
    node = next;
  }
  if (!node || (node.type !== 'string' && node.type !== 'number')) return undefined;
  const parent = node.parent;
  if (parent?.type === 'property' && parent.children?.[0] === node) return undefined; // a key
  // A string edit must stay between the quotes; a number edit anywhere inside the number.
  if (node.type === 'string' && (from <= node.offset || to >= node.offset + node.length)) return undefined;
  return node;
}

/** The one token at [start, start + length) of `text`, if exactly that: a string or number, without error. */
function scanSingleToken(
  text: string,
  start: number,
  length: number,
): { kind: 'string' | 'number'; value: unknown } | undefined {
  const scanner = createScanner(text, false);
  scanner.setPosition(start);
  const token = scanner.scan();
  if (scanner.getTokenOffset() !== start || scanner.getTokenLength() !== length || scanner.getTokenError() !== 0)
    return undefined;
  if (token === 10 /* StringLiteral */) return { kind: 'string', value: scanner.getTokenValue() };
  if (token === 11 /* NumericLiteral */) {
    const value = Number(scanner.getTokenValue());
    return Number.isFinite(value) ? { kind: 'number', value } : undefined;
  }
  return undefined;
}

/** Moves every node (and colon) that starts after `offset` by `delta`. */
function shiftAfter(node: Node, offset: number, delta: number): void {
  const mutable = node as { offset: number; colonOffset?: number };
  if (node.offset > offset) mutable.offset += delta;
  if (mutable.colonOffset !== undefined && mutable.colonOffset > offset) mutable.colonOffset += delta;
  const children = node.children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    // A subtree that ends before the edit cannot move.
    if (child.offset + child.length < offset) continue;
    shiftAfter(child, offset, delta);
  }
}
