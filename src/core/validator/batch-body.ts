import { parseTree, type ParseError } from 'jsonc-parser';
import type { JsonNode as Node } from '../json/parse';
import { propertyValue, stringValue } from '../json/nodes';
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
  const isExpressionObject = body.type === 'object' && stringValue(propertyValue(body, 'type'))?.toLowerCase() === 'expression';
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
  if (!s || context.parsed(s).kind === 'expression') return undefined;
  const trimmed = s.value.trimStart();
  if (!trimmed.startsWith('{')) return undefined;
  const errors: ParseError[] = [];
  const root = parseTree(s.value, errors, { disallowComments: true });
  if (!root || root.type !== 'object' || errors.length) return undefined;
  return {
    root,
    range: (node) => context.rangeInString(s, node.offset, node.offset + node.length),
    text: (node) => (node.type === 'string' ? staticTextOf(String(node.value), pipeline) : undefined),
  };
}
