// Texts for expression hover and completion: function signatures, declarations, pipeline() properties.
import { describeArity, FUNCTIONS, type FunctionInfo } from '../expressions';
import type { ScopeActivity, ScopeDeclaration } from './pipeline-scope';

/** Markdown for a function: its signature as code, then its one-line description. */
export function functionHoverMarkdown(info: FunctionInfo): string {
  return [
    '```',
    info.signature,
    '```',
    '',
    info.description,
    '',
    `_${info.category} function, ${describeArity(info)} argument${info.maxArgs === 1 && info.minArgs === 1 ? '' : 's'}_`,
  ].join('\n');
}

/** Markdown for a declared parameter or variable: kind, name, type and default value. */
export function declarationHoverMarkdown(kind: 'parameter' | 'variable', declaration: ScopeDeclaration): string {
  const type = declaration.type ?? 'no type';
  const lines = [`**${kind}** \`${declaration.name}\`: ${type}`];
  lines.push(declaration.hasDefault ? `default: \`${preview(declaration.defaultValue)}\`` : 'no default value');
  return lines.join('\n\n');
}

/** Markdown for a reference to something the pipeline does not declare or hold. */
export function undeclaredHoverMarkdown(
  kind: 'parameter' | 'variable' | 'activity' | 'globalParameter',
  name: string,
): string {
  if (kind === 'globalParameter')
    return `**global parameter** \`${name}\` (declared in the factory, not in this pipeline)`;
  const what = kind === 'activity' ? 'No activity' : `No ${kind}`;
  return `${what} named \`${name}\` in this pipeline.`;
}

export function activityHoverMarkdown(activity: ScopeActivity, readable: boolean): string {
  const lines = [`**activity** \`${activity.name}\`${activity.type ? `: ${activity.type}` : ''}`];
  if (!readable)
    lines.push('It does not run before this expression: add it to dependsOn (directly or through other activities).');
  return lines.join('\n\n');
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Properties of `pipeline()` (ADF system variables), with what they hold. */
export const PIPELINE_PROPERTIES: readonly { readonly name: string; readonly description: string }[] = [
  { name: 'parameters', description: 'The parameters of this pipeline: pipeline().parameters.<name>' },
  { name: 'globalParameters', description: 'The global parameters of the factory: pipeline().globalParameters.<name>' },
  { name: 'DataFactory', description: 'Name of the data factory the pipeline run is running in.' },
  { name: 'Pipeline', description: 'Name of the pipeline.' },
  { name: 'RunId', description: 'ID of this pipeline run.' },
  { name: 'TriggerType', description: 'Type of the trigger that invoked the pipeline (Manual, Scheduler, ...).' },
  { name: 'TriggerId', description: 'ID of the trigger that invoked the pipeline.' },
  { name: 'TriggerName', description: 'Name of the trigger that invoked the pipeline.' },
  { name: 'TriggerTime', description: 'Time of the trigger run that invoked the pipeline.' },
  { name: 'GroupId', description: 'ID of the group the pipeline run belongs to.' },
  {
    name: 'TriggeredByPipelineName',
    description: 'Name of the pipeline that triggered this run (Execute Pipeline activity).',
  },
  {
    name: 'TriggeredByPipelineRunId',
    description: 'Run ID of the pipeline that triggered this run (Execute Pipeline activity).',
  },
];

/** Every function, for completion. */
export function expressionFunctions(): readonly FunctionInfo[] {
  return FUNCTIONS;
}

/** Snippet text that inserts a call: `name()` for functions without arguments, `name($1)` otherwise. */
export function functionSnippet(info: FunctionInfo): string {
  return info.maxArgs === 0 ? `${info.name}()` : `${info.name}($1)`;
}

/** A name as it must be written inside a single-quoted expression string (`'` doubled). */
export function quoteForExpression(name: string): string {
  return name.replace(/'/g, "''");
}

/** True when a name can follow `.` in an expression; otherwise it needs `['...']`. */
export function isPlainIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
