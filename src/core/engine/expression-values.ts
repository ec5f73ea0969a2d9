// ADF writes dynamic content for non-string properties as `{ "value": "@...", "type": "Expression" }`.
// The engine replaces those wrappers by their expression text before evaluation.

export function unwrapExpressionObjects(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapExpressionObjects);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (isExpressionObject(record)) return record.value;
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrapExpressionObjects(v)]));
  }
  return value;
}

function isExpressionObject(record: Record<string, unknown>): boolean {
  const keys = Object.keys(record);
  return (
    keys.length === 2 &&
    typeof record.value === 'string' &&
    typeof record.type === 'string' &&
    record.type.toLowerCase() === 'expression'
  );
}

/** True when a value (as written in the JSON) contains any expression or interpolation. */
export function containsExpression(value: unknown): boolean {
  if (typeof value === 'string') return /^@(?!@)/.test(value) || value.includes('@{');
  if (Array.isArray(value)) return value.some(containsExpression);
  if (value && typeof value === 'object') return Object.values(value).some(containsExpression);
  return false;
}
