// ARM evaluates a string value that starts with `[` and ends with `]` as a template expression; ADF strings must
// not be. "To have a literal string start with a left bracket [ and end with a right bracket ], but not have it
// interpreted as an expression, add an extra bracket to start the string with [[ ... if the literal string
// doesn't end with a bracket, don't escape the first bracket" (ARM docs, Syntax and expressions in ARM templates,
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#escape-characters).

/** A deep copy in which every string value that ARM would read as an expression starts with `[[`. Keys keep order. */
export function escapeArmStrings<T>(value: T): T {
  return escape(value) as T;
}

function escape(value: unknown): unknown {
  if (typeof value === 'string') return isArmExpressionText(value) ? `[${value}` : value;
  if (Array.isArray(value)) return value.map(escape);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escape(item)]));
  }
  return value;
}

/** A string literal inside an ARM expression: single quotes, a quote inside doubled. */
export function armStringLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** ARM's rule: a string that starts with `[` and ends with `]` is an expression (`[[...]` is the escape of one). */
export function isArmExpressionText(value: string): boolean {
  return value.startsWith('[') && value.endsWith(']');
}
