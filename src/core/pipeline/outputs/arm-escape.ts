// ARM evaluates a string value that starts with `[` as a template expression; ADF strings must not be.

/** A deep copy in which every string value starting with `[` starts with `[[` (ARM's escape). Keys keep order. */
export function escapeArmStrings<T>(value: T): T {
  return escape(value) as T;
}

function escape(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith('[') ? `[${value}` : value;
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
