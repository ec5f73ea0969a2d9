import { parseTree, type ParseError } from 'jsonc-parser';
import { type JsonNode as Node, propertyValue, stringValue } from '../json';
import type { ValidationContext } from './context';
import type { ActivityInfo } from './pipeline-model';
import { staticText, staticTextOf, type StaticText } from './static-text';
import type { OffsetRange } from './types';

/**
 * A Web activity body as JSON, wherever it is written: a JSON object in the pipeline, or a JSON text in a
 * string (plain or interpolated, `{"value": "{\"properties\": ... @{...}}", "type": "Expression"}`).
 */
export interface BodyView {
  readonly root: Node;
  range(node: Node): OffsetRange;
  text(node: Node): StaticText | undefined;
}

export function bodyView(context: ValidationContext, activity: ActivityInfo): BodyView | undefined {
  const body = propertyValue(activity.typeProperties, 'body');
  if (!body) return undefined;
  const pipeline = activity.pipeline;
  const isExpressionObject =
    body.type === 'object' && stringValue(propertyValue(body, 'type'))?.toLowerCase() === 'expression';
  if (body.type === 'object' && !isExpressionObject) {
    return {
      root: body,
      range: (node) => context.rangeOf(node),
      text: (node) => {
        const s = context.adfString(node, pipeline.inArmTemplate);
        return s ? staticText(context.parsed(s), s.value, pipeline) : undefined;
      },
    };
  }
  const s = context.valueString(activity, body);
  const parsed = s ? context.parsed(s) : undefined;
  if (!s || !parsed || parsed.kind === 'expression') return undefined;
  const trimmed = s.value.trimStart();
  if (!trimmed.startsWith('{')) return undefined;
  // The `@{...}` holes are ADF expression text, not JSON: `'"'` or `'\'` inside one (JSON-escaping a value with
  // replace()) would break the JSON. Parse a copy with those characters masked (same offsets), and read string
  // values back from the original text: JSON escapes decoded outside the holes, holes kept as written.
  const holes = parsed.segments.filter((segment) => segment.kind === 'expression').map((segment) => segment.span);
  let masked = s.value;
  for (const hole of holes)
    masked =
      masked.slice(0, hole.start) + masked.slice(hole.start, hole.end).replace(/["\\]/g, '_') + masked.slice(hole.end);
  const errors: ParseError[] = [];
  const root = parseTree(masked, errors, { disallowComments: true });
  if (!root || root.type !== 'object' || errors.length) return undefined;
  const stringAt = (node: Node): string => {
    const start = node.offset + 1;
    const end = node.offset + node.length - 1;
    const inside = holes.filter((hole) => hole.start >= start && hole.end <= end);
    if (inside.length === 0) return String(node.value);
    let text = '';
    let at = start;
    for (const hole of inside) {
      text += decodeJsonText(s.value.slice(at, hole.start)) + s.value.slice(hole.start, hole.end);
      at = hole.end;
    }
    return text + decodeJsonText(s.value.slice(at, end));
  };
  return {
    root,
    range: (node) => context.rangeInString(s, node.offset, node.offset + node.length),
    text: (node) =>
      node.type === 'string'
        ? staticTextOf(stringAt(node), pipeline, (value) => context.parseString(value))
        : undefined,
  };
}

function decodeJsonText(text: string): string {
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text;
  }
}
