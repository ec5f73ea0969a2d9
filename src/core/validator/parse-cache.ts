import { findReferences, parseValue, type ExpressionReference, type ParsedValue } from '../expressions';

/**
 * Parsed strings, shared across validations: an editor re-validates the same document on every keystroke and
 * almost every string is unchanged, so most parses are lookups. Parse results are immutable and depend only
 * on the string. Bounded: the oldest half is dropped when full.
 */
const MAX_ENTRIES = 20_000;
let entries = new Map<string, ParsedValue>();
let previous = new Map<string, ParsedValue>();

export function parseCached(value: string): ParsedValue {
  let parsed = entries.get(value);
  if (parsed) return parsed;
  parsed = previous.get(value);
  if (!parsed) parsed = parseValue(value);
  entries.set(value, parsed);
  if (entries.size >= MAX_ENTRIES) {
    // Two generations: recently used values survive one rotation.
    previous = entries;
    entries = new Map();
  }
  return parsed;
}

/** Forgets every cached parse (benchmarks use it to time cold validations). */
export function clearParseCache(): void {
  entries = new Map();
  previous = new Map();
}

const referencesByParse = new WeakMap<ParsedValue, ExpressionReference[]>();

/** What a parsed string refers to, computed once per parse result. */
export function referencesCached(parsed: ParsedValue): ExpressionReference[] {
  let found = referencesByParse.get(parsed);
  if (!found) {
    found = findReferences(parsed);
    referencesByParse.set(parsed, found);
  }
  return found;
}
