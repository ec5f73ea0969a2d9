// Small helpers to write ADF expression text safely.

/** An ADF expression string literal: single quotes, a quote inside doubled. */
export function adfStringLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** `pipeline().parameters.<name>` */
export function parameterRef(name: string): string {
  return `pipeline().parameters.${name}`;
}

/** `a` + `/` + `b` without doubling the `/` when `a` (a URI given by the user) already ends with one. */
export function joinPathExpression(a: string, b: string): string {
  return `concat(${a}, if(endsWith(${a}, '/'), '', '/'), ${b})`;
}

/** JSON's short escapes for control characters; the others are written `\u00XX` (RFC 8259, section 7). */
const SHORT_CONTROL_ESCAPES: Readonly<Record<number, string>> = { 8: 'b', 9: 't', 10: 'n', 12: 'f', 13: 'r' };

/**
 * The text of a string expression escaped for use inside a JSON string: `\` and `"`, then every control character
 * (U+0000 to U+001F, which JSON does not allow raw in a string). ADF string literals have no escapes, so `'\'` is
 * one backslash and a control character is written `decodeUriComponent('%0A')`. The backslash goes first: the
 * later replacements add backslashes of their own.
 */
export function jsonStringContent(value: string): string {
  let text = `replace(replace(${value}, '\\', '\\\\'), '"', '\\"')`;
  for (let code = 0; code < 0x20; code++) {
    const hex = code.toString(16).toUpperCase().padStart(2, '0');
    const escape = SHORT_CONTROL_ESCAPES[code] ?? `u00${hex}`;
    text = `replace(${text}, decodeUriComponent('%${hex}'), '\\${escape}')`;
  }
  return text;
}
