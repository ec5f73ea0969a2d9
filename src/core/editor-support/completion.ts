// Completion inside expressions, as plain data: functions, pipeline() properties, pipeline().parameters.*, declared
// variables for variables('...') and the activities that run before this one for activity('...').
import type { PipelineDocument } from '../validator';
import { expressionCursorAt } from './expression-cursor';
import { expressionFunctions, functionSnippet, PIPELINE_PROPERTIES, quoteForExpression } from './expression-help';
import { pipelineScopeAt } from './pipeline-scope';
import { stringAtOffset } from './string-at-offset';

export const EXPRESSION_TRIGGER_CHARACTERS: readonly string[] = ['@', '.', '(', "'", '{', ','];

/** One suggestion; `insertText` is already escaped for the JSON string it goes into. */
export type CompletionEntry =
  | {
      readonly kind: 'function';
      readonly label: string;
      readonly category: string;
      readonly signature: string;
      /** Markdown. */
      readonly documentation: string;
      /** A snippet (`${1:arg}` placeholders). */
      readonly insertText: string;
      readonly sortText: string;
      /** True when the function takes arguments (the editor then suggests them). */
      readonly takesArguments: boolean;
    }
  | { readonly kind: 'pipelineProperty'; readonly label: string; readonly documentation: string }
  | {
      readonly kind: 'parameter';
      readonly label: string;
      readonly type?: string;
      /** The default value, when the parameter declares one. */
      readonly defaultValue?: { readonly value: unknown };
      readonly insertText: string;
    }
  | {
      readonly kind: 'variable' | 'activity';
      readonly label: string;
      readonly type?: string;
      readonly insertText: string;
    };

export interface Completions {
  /** Offset in the document's text where the name being typed starts (the completion replaces up to the cursor). */
  readonly start: number;
  readonly entries: readonly CompletionEntry[];
}

/** The suggestions for the expression being typed at `offset`, or undefined outside an expression. */
export function completionsAt(document: PipelineDocument, offset: number): Completions | undefined {
  const root = document.json.root;
  const s = stringAtOffset(document.text, root, offset);
  if (!s) return undefined;
  const cursor = expressionCursorAt(s.value, s.toValueIndex(offset));
  if (!cursor) return undefined;
  const start = s.toFileOffset(cursor.start);
  const scope =
    cursor.kind === 'function' || cursor.kind === 'pipelineProperty' ? undefined : pipelineScopeAt(root, offset);
  switch (cursor.kind) {
    case 'function':
      return {
        start,
        entries: expressionFunctions().map((info, index) => ({
          kind: 'function',
          label: info.name,
          category: info.category,
          signature: info.signature,
          documentation: info.description,
          insertText: jsonEscape(functionSnippet(info)),
          // System functions first: pipeline(), activity(), variables() start most expressions.
          sortText: `${info.category === 'system' ? '0' : '1'}${String(index).padStart(3, '0')}`,
          takesArguments: info.maxArgs !== 0,
        })),
      };
    case 'pipelineProperty':
      return {
        start,
        entries: PIPELINE_PROPERTIES.map((p) => ({
          kind: 'pipelineProperty',
          label: p.name,
          documentation: p.description,
        })),
      };
    case 'parameter':
      return {
        start,
        entries: (scope?.parameters ?? []).map((p) => ({
          kind: 'parameter',
          label: p.name,
          ...(p.type !== undefined ? { type: p.type } : {}),
          ...(p.hasDefault ? { defaultValue: { value: p.defaultValue } } : {}),
          insertText: jsonEscape(p.name),
        })),
      };
    case 'variable':
      return {
        start,
        entries: (scope?.variables ?? []).map((v) => ({
          kind: 'variable',
          label: v.name,
          ...(v.type !== undefined ? { type: v.type } : {}),
          insertText: jsonEscape(quoteForExpression(v.name)),
        })),
      };
    case 'activity':
      return {
        start,
        entries: (scope?.readableActivities ?? []).map((a) => ({
          kind: 'activity',
          label: a.name,
          ...(a.type !== undefined ? { type: a.type } : {}),
          insertText: jsonEscape(quoteForExpression(a.name)),
        })),
      };
  }
}

/** Text as it must appear inside a JSON string (quotes and backslashes escaped). */
function jsonEscape(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
