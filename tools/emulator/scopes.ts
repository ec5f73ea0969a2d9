// ARM scope comparisons (role assignments apply to their scope and everything below it).

/** Normalized scope: lower case, no trailing slash, '' for the root. */
export function normalizeScope(scope: string): string {
  return scope.replace(/\/+$/, '').toLowerCase();
}

/** Whether `ancestor` is `scope` or one of its parents. */
export function scopeCovers(ancestor: string, scope: string): boolean {
  const a = normalizeScope(ancestor);
  const s = normalizeScope(scope);
  return a === '' || s === a || s.startsWith(`${a}/`);
}
