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

/**
 * The text of a string expression escaped for use inside a JSON string: `\` and `"` (ADF string literals have
 * no backslash escapes, so `'\'` is one backslash). Other characters a URI may hold need no escape.
 */
export function jsonStringContent(value: string): string {
  return `replace(replace(${value}, '\\', '\\\\'), '"', '\\"')`;
}
