import type { ParsedValue } from './ast';
import { parseValue } from './parser';
import { findReferences, type ExpressionReference } from './references';

/**
 * Parsed string values and what they refer to, kept by whoever owns the memo: a validated document and its next
 * versions (an editor re-validates on every keystroke and almost every string is unchanged), a workspace scan, an
 * engine run (a loop evaluates the same strings on every iteration). Parse results are immutable and depend only on
 * the string. Bounded: when full, the older of two generations is dropped, so recently used values survive.
 */
export class ExpressionMemo {
  private entries = new Map<string, ParsedValue>();
  private previous = new Map<string, ParsedValue>();
  private readonly referencesByParse = new WeakMap<ParsedValue, ExpressionReference[]>();

  constructor(private readonly maxEntries = 20_000) {}

  parse(value: string): ParsedValue {
    let parsed = this.entries.get(value);
    if (parsed) return parsed;
    parsed = this.previous.get(value) ?? parseValue(value);
    this.entries.set(value, parsed);
    if (this.entries.size >= this.maxEntries) {
      this.previous = this.entries;
      this.entries = new Map();
    }
    return parsed;
  }

  /** What a parsed string refers to, computed once per parse result. */
  references(parsed: ParsedValue): ExpressionReference[] {
    let found = this.referencesByParse.get(parsed);
    if (!found) {
      found = findReferences(parsed);
      this.referencesByParse.set(parsed, found);
    }
    return found;
  }
}
