// Small helpers to write ADF expression text safely.

/** An ADF expression string literal: single quotes, a quote inside doubled. */
export function adfStringLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** `pipeline().parameters.<name>` */
export function parameterRef(name: string): string {
  return `pipeline().parameters.${name}`;
}
