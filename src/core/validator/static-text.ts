import { isCallOf, type ExpressionNode, type ParsedValue } from '../expressions';
import { propertyValue } from '../json';
import { isArmExpression } from './arm';
import type { PipelineInfo } from './pipeline-model';

/**
 * What can be known about a string before a run: its text pieces (null where only a run can tell), whether it
 * changes from run to run, and which parameters' default values were substituted.
 */
export interface StaticText {
  readonly parts: readonly (string | null)[];
  /** Depends on something that differs per run: RunId, utcNow(), guid(), trigger(), activity outputs, variables, item(). */
  readonly varying: boolean;
  /** Contains any expression at all. */
  readonly dynamic: boolean;
  readonly parameters: readonly string[];
}

export function fullText(text: StaticText): string | undefined {
  return text.parts.every((p) => p !== null) ? text.parts.join('') : undefined;
}

/** The known text before the first unknown piece. */
export function knownPrefix(text: StaticText): string {
  let out = '';
  for (const part of text.parts) {
    if (part === null) break;
    out += part;
  }
  return out;
}

/** The known text after the last unknown piece (the whole text when nothing is unknown). */
export function knownSuffix(text: StaticText): string {
  let out = '';
  for (let i = text.parts.length - 1; i >= 0; i--) {
    const part = text.parts[i];
    if (part === null) break;
    out = part + out;
  }
  return out;
}

const VARYING_CALLS = new Set([
  'utcnow',
  'guid',
  'rand',
  'activity',
  'variables',
  'item',
  'trigger',
  'getfuturetime',
  'getpasttime',
]);
const VARYING_PIPELINE_PROPERTIES = new Set([
  'runid',
  'triggertime',
  'triggerid',
  'triggername',
  'triggeredbypipelinerunid',
  'triggeredbypipelinename',
  'groupid',
]);

class Evaluator {
  varying = false;
  readonly parameters: string[] = [];

  constructor(private readonly pipeline: PipelineInfo) {}

  node(node: ExpressionNode): (string | null)[] {
    switch (node.kind) {
      case 'string':
        return [node.value];
      case 'number':
        return [node.raw];
      case 'boolean':
        return [String(node.value)];
      case 'null':
        return [''];
      case 'call':
        return this.call(node);
      case 'member':
      case 'index':
        return this.access(node);
      default:
        return [null];
    }
  }

  private call(node: Extract<ExpressionNode, { kind: 'call' }>): (string | null)[] {
    const name = node.name.toLowerCase();
    if (VARYING_CALLS.has(name)) {
      this.varying = true;
      return [null];
    }
    const args = node.args.map((a) => this.node(a));
    const known = (i: number): string | undefined => (args[i]?.every((p) => p !== null) ? args[i].join('') : undefined);
    switch (name) {
      case 'concat':
        return args.flat();
      case 'string':
        return args[0] ?? [null];
      case 'tolower':
        return [known(0)?.toLowerCase() ?? null];
      case 'toupper':
        return [known(0)?.toUpperCase() ?? null];
      case 'trim':
        return [known(0)?.trim() ?? null];
      case 'encodeuricomponent':
      case 'uricomponent': {
        const v = known(0);
        return [v === undefined ? null : encodeURIComponent(v)];
      }
      case 'decodeuricomponent': {
        // How the generator writes a control character in an expression (ADF string literals have no escapes).
        const v = known(0);
        return [v === undefined ? null : decodedUriComponent(v)];
      }
      case 'replace':
        return replaceParts(args[0] ?? [null], known(1), known(2));
      case 'endswith': {
        const [text, suffix] = [known(0), known(1)];
        return [
          text === undefined || suffix === undefined ? null : String(text.toLowerCase().endsWith(suffix.toLowerCase())),
        ];
      }
      case 'if': {
        const condition = known(0);
        if (condition === 'true') return args[1] ?? [null];
        if (condition === 'false') return args[2] ?? [null];
        return [null];
      }
      default:
        return [null];
    }
  }

  private access(node: Extract<ExpressionNode, { kind: 'member' | 'index' }>): (string | null)[] {
    const name = node.kind === 'member' ? node.name : node.index.kind === 'string' ? node.index.value : undefined;
    const object = node.object;
    if (isCallOf(object, 'pipeline') && name && VARYING_PIPELINE_PROPERTIES.has(name.toLowerCase())) {
      this.varying = true;
      return [null];
    }
    if ((object.kind === 'member' || object.kind === 'index') && isCallOf(object.object, 'pipeline')) {
      const container =
        object.kind === 'member' ? object.name : object.index.kind === 'string' ? object.index.value : '';
      if (container.toLowerCase() === 'parameters' && name) return [this.parameterDefault(name)];
    }
    // Anything read from activity(), variables(), item() or trigger() is marked varying by the call itself.
    this.node(object);
    return [null];
  }

  private parameterDefault(name: string): string | null {
    const declaration = this.pipeline.parameters?.get(name.toLowerCase());
    const value = propertyValue(declaration?.valueNode, 'defaultValue');
    this.parameters.push(name);
    if (value?.type !== 'string') return null;
    const text = String(value.value);
    if (text.startsWith('@') || (this.pipeline.inArmTemplate && isArmExpression(text))) return null;
    return text;
  }
}

/** Static view of a parsed string (`value` is the string itself, used when it is a literal). */
export function staticText(parsed: ParsedValue, value: string, pipeline: PipelineInfo): StaticText {
  if (parsed.kind === 'literal')
    return { parts: [literalText(parsed, value)], varying: false, dynamic: false, parameters: [] };
  const evaluator = new Evaluator(pipeline);
  const parts: (string | null)[] = [];
  for (const segment of parsed.segments) {
    if (segment.kind === 'literal') parts.push(segment.value);
    else if (segment.node && segment.complete) parts.push(...evaluator.node(segment.node));
    else parts.push(null);
  }
  return { parts, varying: evaluator.varying, dynamic: true, parameters: evaluator.parameters };
}

/** Static view of a raw string value, parsed by `parse` (the validation context's memo). */
export function staticTextOf(value: string, pipeline: PipelineInfo, parse: (value: string) => ParsedValue): StaticText {
  return staticText(parse(value), value, pipeline);
}

function decodedUriComponent(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function literalText(parsed: ParsedValue, value: string): string {
  // `@@` escapes: the literal segments hold the unescaped text.
  return parsed.segments.length ? parsed.segments.map((s) => (s.kind === 'literal' ? s.value : '')).join('') : value;
}

/**
 * `replace(text, old, new)` piece by piece. Exact for a one-character `old` (it cannot span two pieces), which is
 * how the generator JSON-escapes `"`, `\` and control characters in the job body's holes; otherwise only a fully
 * known text is replaced.
 */
function replaceParts(
  parts: (string | null)[],
  search: string | undefined,
  replacement: string | undefined,
): (string | null)[] {
  if (search === undefined || replacement === undefined || search === '') return [null];
  if (search.length === 1 || parts.every((p) => p !== null)) {
    const joined = search.length === 1 ? parts : [parts.join('')];
    return joined.map((p) => (p === null ? null : p.split(search).join(replacement)));
  }
  return [null];
}
