import * as l10n from '@vscode/l10n';
import { getNodePath } from 'jsonc-parser';
import { type JsonNode as Node, setValueEdits, type TextEdit } from '../json';
import type { ValidationContext } from './context';
import type { ActivityInfo, PipelineInfo } from './pipeline-model';
import type { Fix } from './types';

/** Declares a parameter (`{"type": "string"}`) or variable (`{"type": "String"}`) in the pipeline. */
export function declareFix(
  context: ValidationContext,
  pipeline: PipelineInfo,
  kind: 'parameters' | 'variables',
  name: string,
): Fix | undefined {
  if (!pipeline.properties) return undefined;
  const block = kind === 'parameters' ? pipeline.parametersNode : pipeline.variablesNode;
  if (block && block.type !== 'object') return undefined;
  const path = [...getNodePath(pipeline.properties), kind, name];
  const edits = setValueEdits(context.text, path, { type: kind === 'parameters' ? 'string' : 'String' });
  const title =
    kind === 'parameters'
      ? l10n.t('Declare parameter "{0}" (String)', name)
      : l10n.t('Declare variable "{0}" (String)', name);
  return edits.length ? { title, edits } : undefined;
}

/** Sets `policy.secureInput` and/or `policy.secureOutput` of an activity to true (one edit, formatting kept). */
export function securePolicyFix(
  context: ValidationContext,
  activity: ActivityInfo,
  keys: readonly ('secureInput' | 'secureOutput')[],
): Fix | undefined {
  const base = getNodePath(activity.node);
  let text = context.text;
  for (const key of keys) {
    const edits = setValueEdits(text, [...base, 'policy', key], true);
    if (!edits.length) return undefined;
    text = applyTextEdits(text, edits);
  }
  const edit = singleEdit(context.text, text);
  return edit
    ? { title: l10n.t('Set {0} to true', keys.map((k) => `policy.${k}`).join(l10n.t(' and '))), edits: [edit] }
    : undefined;
}

/** Sets a typeProperties value of an activity (e.g. an Until loop's timeout). */
export function setTypePropertyFix(
  context: ValidationContext,
  activity: ActivityInfo,
  key: string,
  value: unknown,
  title: string,
): Fix | undefined {
  const edits = setValueEdits(context.text, [...getNodePath(activity.node), 'typeProperties', key], value);
  return edits.length ? { title, edits } : undefined;
}

/** Replaces a whole JSON string token with a new string value (JSON-escaped). */
export function replaceStringFix(node: Node, newValue: string, title: string): Fix {
  return {
    title,
    edits: [{ range: { start: node.offset, end: node.offset + node.length }, newText: JSON.stringify(newValue) }],
  };
}

function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.range.start - a.range.start)) {
    result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  }
  return result;
}

/** The one edit that turns `before` into `after` (common prefix and suffix left alone). */
function singleEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  return { range: { start: prefix, end: before.length - suffix }, newText: after.slice(prefix, after.length - suffix) };
}
