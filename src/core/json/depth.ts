// A quick scan for JSON nested deeper than tools can walk: parsers and rules recurse per level, so a document
// thousands of levels deep would overflow the stack. No ADF document comes near the limit.

/** Deeper than this, a document is refused (ADF's own pipeline JSON rarely passes 20 levels). */
export const MAX_JSON_DEPTH = 512;

/** The offset of the first `{` or `[` that opens level `maxDepth + 1`, or undefined when the text stays within. */
export function findExcessiveNesting(text: string, maxDepth = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
      continue;
    }
    if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > maxDepth) return i;
    } else if (code === 0x7d || code === 0x5d) depth = Math.max(0, depth - 1);
  }
  return undefined;
}
