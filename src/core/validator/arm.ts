/**
 * ARM template string conventions: a string that starts with `[` and ends with `]` is an ARM expression
 * evaluated at deployment; `[[` at the start escapes a literal `[` (ARM drops the first bracket).
 */

export function isArmExpression(value: string): boolean {
  return value.length >= 2 && value.startsWith('[') && !value.startsWith('[[') && value.endsWith(']');
}

/** The literal value ARM deploys for a string that is not an ARM expression, and how many leading characters it dropped. */
export function armLiteral(value: string): { value: string; shift: number } {
  return value.startsWith('[[') ? { value: value.slice(1), shift: 1 } : { value, shift: 0 };
}

/**
 * The pipeline name of an ARM resource name such as `[concat(parameters('factoryName'), '/My Pipeline')]`:
 * the literal text after the last `/`. Undefined when the name after the factory part is not a literal.
 */
export function armPipelineName(raw: string): string | undefined {
  if (!isArmExpression(raw)) {
    const literal = armLiteral(raw).value;
    const slash = literal.lastIndexOf('/');
    return slash >= 0 ? literal.slice(slash + 1) : literal;
  }
  const match = /^\[concat\((.*)\)\]$/is.exec(raw.trim());
  if (!match) return undefined;
  const args = splitArmArguments(match[1]);
  const last = args[args.length - 1]?.trim() ?? '';
  const literal = /^'((?:[^']|'')*)'$/.exec(last);
  if (!literal) return undefined;
  const text = literal[1].replace(/''/g, "'");
  if (args.length > 1 && !text.includes('/')) {
    // `concat(parameters('f'), '/', 'Name')` style: the previous literal must end the factory part.
    const previous = args[args.length - 2].trim();
    return /^'\/'$/.test(previous) ? text : undefined;
  }
  return text.slice(text.lastIndexOf('/') + 1);
}

/** Splits ARM function arguments at top-level commas (outside quotes and parentheses). */
function splitArmArguments(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "'") {
        if (text[i + 1] === "'") i++;
        else inString = false;
      }
    } else if (ch === "'") inString = true;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  args.push(text.slice(start));
  return args;
}
