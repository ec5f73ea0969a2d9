// Hover inside expressions: a function's signature and one-line description; for pipeline().parameters.X,
// variables('x') and activity('X'), what the pipeline declares (type, default value, activity type).
import * as vscode from 'vscode';
import {
  activityHoverMarkdown,
  declarationHoverMarkdown,
  functionHoverMarkdown,
  undeclaredHoverMarkdown,
  expressionTargetAt,
  pipelineScopeAt,
  stringAtOffset,
} from '../core/editor-support';
import { JSON_DOCUMENTS, type PipelineDocumentSelector } from './document-selector';
import { documentTree } from './document-tree';

export class ExpressionHoverProvider implements vscode.HoverProvider {
  constructor(private readonly selector: PipelineDocumentSelector) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!(await this.selector.isPipelineDocument(document))) return undefined;
    const offset = document.offsetAt(position);
    const root = documentTree(document);
    const text = document.getText();
    const s = stringAtOffset(text, root, offset);
    if (!s) return undefined;
    const target = expressionTargetAt(s.value, s.toValueIndex(offset));
    if (!target) return undefined;
    const range = new vscode.Range(
      document.positionAt(s.toFileOffset(target.span.start)),
      document.positionAt(s.toFileOffset(target.span.end)),
    );
    const markdown = this.markdown(target, root, offset);
    return markdown === undefined ? undefined : new vscode.Hover(new vscode.MarkdownString(markdown), range);
  }

  private markdown(
    target: NonNullable<ReturnType<typeof expressionTargetAt>>,
    root: ReturnType<typeof documentTree>,
    offset: number,
  ): string | undefined {
    switch (target.kind) {
      case 'function':
        return functionHoverMarkdown(target.info);
      case 'unknownFunction':
        return `Unknown function \`${target.name}\`: ADF has no function of that name.`;
      case 'globalParameter':
        return undeclaredHoverMarkdown('globalParameter', target.name);
      default: {
        const scope = pipelineScopeAt(root, offset);
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
}

export function registerExpressionHover(selector: PipelineDocumentSelector): vscode.Disposable {
  return vscode.languages.registerHoverProvider(JSON_DOCUMENTS, new ExpressionHoverProvider(selector));
}
