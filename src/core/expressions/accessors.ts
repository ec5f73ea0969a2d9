// Member and index access on evaluated values (`a.b`, `a['b']`, `a[0]`, and the `?.` / `?[` forms), as ADF reads
// them: property names match exactly first, then ignoring letter case; a missing one fails unless the access is
// optional, which gives null.
import type { IndexNode, MemberNode } from './ast';
import { EvaluationError } from './evaluation-error';
import { asNumber, describeValue, isRecord, type Value } from './values';

/** `target[key]`: a property name (string) or an array item (integer). */
export function readIndex(target: Value, key: Value, node: IndexNode): Value {
  if (typeof key === 'string') return readProperty(target, key, node.optional, node);
  const number = asNumber(key);
  if (!number || !Number.isInteger(number.value)) {
    throw new EvaluationError(
      'invalid-argument',
      `an index must be an integer or a property name, not ${describeValue(key)}`,
      node.index.span,
    );
  }
  if (!Array.isArray(target)) {
    throw new EvaluationError(
      'invalid-argument',
      `cannot take item [${number.value}] of ${describeValue(target)}: only arrays have numbered items`,
      node.span,
    );
  }
  if (number.value < 0 || number.value >= target.length) {
    if (node.optional) return null;
    throw new EvaluationError(
      'index-out-of-range',
      `index ${number.value} is outside the array (length ${target.length})`,
      node.index.span,
    );
  }
  return target[number.value];
}

/** Reads a property: exact name first, then ignoring letter case; `?.` gives null instead of failing. */
export function readProperty(target: Value, name: string, optional: boolean, node: MemberNode | IndexNode): Value {
  const span = node.kind === 'member' ? node.nameSpan : node.index.span;
  if (!isRecord(target)) {
    if ((target === null || target === undefined) && optional) return null;
    throw new EvaluationError('missing-property', `cannot read property '${name}' of ${describeValue(target)}`, span);
  }
  if (Object.prototype.hasOwnProperty.call(target, name) && target[name] !== undefined) return target[name];
  const lower = name.toLowerCase();
  const key = Object.keys(target).find((k) => k.toLowerCase() === lower && target[k] !== undefined);
  if (key !== undefined) return target[key];
  if (optional) return null;
  const available = Object.keys(target).filter((k) => target[k] !== undefined);
  throw new EvaluationError(
    'missing-property',
    `property '${name}' doesn't exist, available properties are ${available.length ? `'${available.join(', ')}'` : 'none'}`,
    span,
  );
}
