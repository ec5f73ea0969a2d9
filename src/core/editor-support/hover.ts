// Hover inside expressions, as plain data: a function's signature and one-line description; for
// pipeline().parameters.X, variables('x') and activity('X'), what the pipeline declares (type, default, activity type).
import type { OffsetRange, PipelineDocument } from '../validator';
import {
  activityHoverMarkdown,
  declarationHoverMarkdown,
  functionHoverMarkdown,
  undeclaredHoverMarkdown,
} from './expression-help';
import { expressionTargetAt, type ExpressionTarget } from './expression-target';
import { pipelineScopeAt } from './pipeline-scope';
import { stringAtOffset } from './string-at-offset';

export interface HoverInfo {
  /** Markdown. */
  readonly contents: string;
  /** The name hovered, as offsets into the document's text. */
  readonly range: OffsetRange;
}

/** What to show for the expression name at `offset`, or undefined when there is nothing to say. */
export function hoverAt(document: PipelineDocument, offset: number): HoverInfo | undefined {
  const root = document.json.root;
  const s = stringAtOffset(document.text, root, offset);
  if (!s) return undefined;
  const target = expressionTargetAt(s.value, s.toValueIndex(offset), (value) => document.expressions.parse(value));
  if (!target) return undefined;
  const contents = hoverMarkdown(document, target, offset);
  if (contents === undefined) return undefined;
  return { contents, range: { start: s.toFileOffset(target.span.start), end: s.toFileOffset(target.span.end) } };
}

function hoverMarkdown(document: PipelineDocument, target: ExpressionTarget, offset: number): string | undefined {
  switch (target.kind) {
    case 'function':
      return functionHoverMarkdown(target.info);
    case 'unknownFunction':
      return `Unknown function \`${target.name}\`: ADF has no function of that name.`;
    case 'globalParameter':
      return undeclaredHoverMarkdown('globalParameter', target.name);
    default: {
      const scope = pipelineScopeAt(document.json.root, offset);
      if (!scope) return undefined;
      const lower = target.name.toLowerCase();
      if (target.kind === 'activity') {
        const activity = scope.allActivities.find((a) => a.name.toLowerCase() === lower);
        if (!activity) return undeclaredHoverMarkdown('activity', target.name);
        return activityHoverMarkdown(
          activity,
          scope.readableActivities.some((a) => a.node === activity.node),
        );
      }
      const declarations = target.kind === 'parameter' ? scope.parameters : scope.variables;
      const declaration = declarations.find((d) => d.name.toLowerCase() === lower);
      return declaration
        ? declarationHoverMarkdown(target.kind, declaration)
        : undeclaredHoverMarkdown(target.kind, target.name);
    }
  }
}
