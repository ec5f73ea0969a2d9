import { walkParsedValue } from '../expressions';
import type { AdfString, ValidationContext } from './context';

/**
 * The fixed text pieces of a string as ADF evaluates it: the whole value for a literal, the literal parts of
 * an interpolated string, or the string literals inside an expression.
 */
export function fixedTexts(context: ValidationContext, s: AdfString): string[] {
  const parsed = context.parsed(s);
  if (parsed.kind === 'literal') return [s.value];
  const out: string[] = [];
  for (const segment of parsed.segments) if (segment.kind === 'literal') out.push(segment.value);
  walkParsedValue(parsed, (node) => {
    if (node.kind === 'string') out.push(node.value);
  });
  return out;
}

/** True when the string is plain text for ADF (no expression, no interpolation). */
export function isLiteral(context: ValidationContext, s: AdfString): boolean {
  return context.parsed(s).kind === 'literal';
}

/** All fixed text of a string joined, lower-cased: a cheap way to look for markers such as `client_secret`. */
export function fixedTextLower(context: ValidationContext, s: AdfString): string {
  return fixedTexts(context, s).join(' ').toLowerCase();
}
