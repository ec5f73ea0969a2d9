// The JSON string value under the cursor, with a two-way map between file offsets and positions in the value
// as ADF reads it (JSON escapes decoded, an ARM `[[` escape dropped).
import { findNodeAtOffset, type Node } from 'jsonc-parser';
import { propertyValue } from '../json';

export interface StringAtOffset {
  /** The string value node (never a property key). */
  readonly node: Node;
  /** The value as ADF reads it. */
  readonly value: string;
  /** True when the string sits in an ARM template (below a `resources` array). */
  readonly inArmTemplate: boolean;
  /** File offset of the character at `index` of `value` (value.length maps to the closing quote). */
  toFileOffset(index: number): number;
  /** Index in `value` of the character at a file offset inside the string (clamped to the value). */
  toValueIndex(fileOffset: number): number;
}

/**
 * The string value containing `offset` (between its quotes, both ends included), or undefined when the
 * offset is elsewhere, on a property key, or in an ARM expression (`[...]`, evaluated at deployment).
 */
export function stringAtOffset(text: string, root: Node | undefined, offset: number): StringAtOffset | undefined {
  if (!root) return undefined;
  const node = findNodeAtOffset(root, offset, true);
  if (!node || node.type !== 'string' || typeof node.value !== 'string') return undefined;
  if (offset <= node.offset || offset > node.offset + node.length) return undefined;
  const parent = node.parent;
  if (parent?.type === 'property' && parent.children?.[0] === node) return undefined;
  const inArm = isInArmTemplate(node);
  let decoded = node.value;
  let shift = 0;
  if (inArm) {
    if (decoded.startsWith('[[')) shift = 1;
    else if (decoded.startsWith('[') && decoded.endsWith(']')) return undefined;
  }
  decoded = decoded.slice(shift);
  const starts = characterStarts(text, node);
  const contentEnd = node.offset + node.length - (closedString(text, node) ? 1 : 0);
  return {
    node,
    value: decoded,
    inArmTemplate: inArm,
    toFileOffset(index: number): number {
      const i = index + shift;
      if (i <= 0) return starts[0] ?? contentEnd;
      return i >= starts.length ? contentEnd : starts[i];
    },
    toValueIndex(fileOffset: number): number {
      // A cursor sits before the first character starting at or after it (inside an escape: after the escape).
      let low = 0;
      let high = starts.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (starts[mid] < fileOffset) low = mid + 1;
        else high = mid;
      }
      return Math.max(0, Math.min(low - shift, decoded.length));
    },
  };
}

/** File offsets where each decoded character of a string token starts. */
function characterStarts(text: string, node: Node): number[] {
  const starts: number[] = [];
  const end = node.offset + node.length - (closedString(text, node) ? 1 : 0);
  let pos = node.offset + 1;
  while (pos < end) {
    starts.push(pos);
    if (text.charCodeAt(pos) === 92 /* \ */) pos += text.charCodeAt(pos + 1) === 117 /* u */ ? 6 : 2;
    else pos++;
  }
  return starts;
}

/** false for a string still being typed (no closing quote before the end of the line). */
function closedString(text: string, node: Node): boolean {
  return node.length >= 2 && text.charCodeAt(node.offset + node.length - 1) === 34; /* " */
}

function isInArmTemplate(node: Node): boolean {
  let root = node;
  while (root.parent) root = root.parent;
  const resources = propertyValue(root, 'resources');
  return (
    resources?.type === 'array' && node.offset > resources.offset && node.offset < resources.offset + resources.length
  );
}
