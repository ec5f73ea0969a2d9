import type { Node } from 'jsonc-parser';

/**
 * Maps offsets inside a decoded JSON string value to offsets in the file text. JSON escapes make the two
 * differ: `\n`, `\"` and `\\` take two characters in the file for one decoded character, `\uXXXX` takes six.
 */
export interface StringOffsetMapper {
  /** File offset of the decoded character at `index` (index = value length maps to the closing quote). */
  toFileOffset(index: number): number;
}

/** Builds a mapper for a string node (the node's offset points at its opening quote). */
export function createStringOffsetMapper(text: string, node: Node): StringOffsetMapper {
  return createRawStringOffsetMapper(text, node.offset, node.length);
}

/** Builds a mapper for a string token at `tokenOffset` (its opening quote) spanning `tokenLength` characters. */
export function createRawStringOffsetMapper(
  text: string,
  tokenOffset: number,
  tokenLength: number,
): StringOffsetMapper {
  const contentStart = tokenOffset + 1;
  const contentEnd = Math.max(contentStart, tokenOffset + tokenLength - 1);
  if (text.indexOf('\\', contentStart) === -1 || text.indexOf('\\', contentStart) >= contentEnd) {
    return { toFileOffset: (index) => Math.min(contentStart + Math.max(0, index), contentEnd) };
  }
  // starts[i] = file offset of decoded character i.
  const starts: number[] = [];
  let pos = contentStart;
  while (pos < contentEnd) {
    starts.push(pos);
    if (text.charCodeAt(pos) === 92 /* \ */) {
      pos += text.charCodeAt(pos + 1) === 117 /* u */ ? 6 : 2;
    } else {
      pos++;
    }
  }
  return {
    toFileOffset(index: number): number {
      if (index <= 0) return contentStart;
      if (index >= starts.length) return contentEnd;
      return starts[index];
    },
  };
}
