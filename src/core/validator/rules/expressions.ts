import * as l10n from '@vscode/l10n';
import {
  FUNCTIONS,
  describeArity,
  lookupFunction,
  walkParsedValue,
  type ExpressionNode,
  type ExpressionReference,
  type FunctionInfo,
  type ParsedValue,
} from '../../expressions';
import { booleanValue, propertyValue, stringValue } from '../../json';
import type { AdfString, ValidationContext } from '../context';
import { declareFix } from '../fixes';
import { containersOf, type ActivityInfo, type PipelineInfo } from '../pipeline-model';
import { closestName } from '../suggest';
import type { Fix } from '../types';
import type { ValidationRule } from './rule';

/** Variables ADF provides without a declaration (SetVariable with setSystemVariable). */
const SYSTEM_VARIABLES = new Set(['pipelinereturnvalue']);
const FUNCTION_NAMES = FUNCTIONS.map((f) => f.name);

/**
 * ADF501-ADF509: syntax, functions and arity, and what expressions refer to (parameters, variables,
 * activities, item()), in every string of every activity that is dynamic content.
 */
export const expressionsRule: ValidationRule = {
  family: 'expressions',
  run(context: ValidationContext): void {
    for (const pipeline of context.pipelines) {
      for (const activity of pipeline.activities) {
        checkVariableTargets(context, pipeline, activity);
        for (const s of context.activityStrings(activity)) {
          const parsed = context.parsed(s);
          if (parsed.kind === 'literal') continue;
          checkSyntax(context, s, parsed);
          checkFunctions(context, s, parsed);
          for (const reference of context.references(parsed)) checkReference(context, pipeline, activity, s, reference);
        }
      }
    }
  },
};

function checkSyntax(context: ValidationContext, s: AdfString, parsed: ParsedValue): void {
  for (const error of parsed.errors) {
    const range = context.rangeInString(s, error.span.start, Math.max(error.span.end, error.span.start + 1));
    let fix: Fix | undefined;
    if (error.fix) {
      const fixRange = context.rangeInString(s, error.fix.span.start, error.fix.span.end);
      fix = { title: error.fix.title, edits: [{ range: fixRange, newText: jsonEscape(error.fix.replacement) }] };
    }
    context.report('ADF501', range, error.message, { fix });
  }
}

type CallNode = Extract<ExpressionNode, { kind: 'call' }>;
interface FunctionIssue {
  readonly node: CallNode;
  readonly info?: FunctionInfo;
}

/** Calls of unknown functions or with a wrong argument count; per parse result, computed once. */
const issuesByParse = new WeakMap<ParsedValue, FunctionIssue[]>();

function functionIssues(parsed: ParsedValue): FunctionIssue[] {
  let issues = issuesByParse.get(parsed);
  if (issues) return issues;
  issues = [];
  const found = issues;
  walkParsedValue(parsed, (node) => {
    if (node.kind !== 'call') return;
    const info = lookupFunction(node.name);
    const count = node.args.length;
    if (!info || count < info.minArgs || (info.maxArgs !== undefined && count > info.maxArgs))
      found.push({ node, info });
  });
  issuesByParse.set(parsed, issues);
  return issues;
}

function checkFunctions(context: ValidationContext, s: AdfString, parsed: ParsedValue): void {
  for (const { node, info } of functionIssues(parsed)) {
    const range = context.rangeInString(s, node.nameSpan.start, node.nameSpan.end);
    const count = node.args.length;
    if (!info) {
      const suggestion = closestName(node.name, FUNCTION_NAMES);
      context.report(
        'ADF502',
        range,
        l10n.t('Unknown function "{0}"{1}', node.name, suggestion ? l10n.t('; did you mean "{0}"?', suggestion) : '.'),
        {
          fix: suggestion
            ? { title: l10n.t('Change to "{0}"', suggestion), edits: [{ range, newText: suggestion }] }
            : undefined,
        },
      );
    } else if (count < info.minArgs) {
      context.report(
        'ADF503',
        range,
        l10n.t(
          '{0}() is documented with {1} argument{2} but gets {3}: {4}.',
          info.name,
          describeArity(info),
          info.minArgs === 1 && info.maxArgs === 1 ? '' : 's',
          count,
          info.signature,
        ),
      );
    } else {
      context.report(
        'ADF504',
        range,
        l10n.t(
          '{0}() takes {1} argument{2} but gets {3}: {4}.',
          info.name,
          describeArity(info),
          info.maxArgs === 1 ? '' : 's',
          count,
          info.signature,
        ),
      );
    }
  }
}

function checkReference(
  context: ValidationContext,
  pipeline: PipelineInfo,
  activity: ActivityInfo,
  s: AdfString,
  reference: ExpressionReference,
): void {
  const rangeOf = (): { start: number; end: number } =>
    context.rangeInString(s, reference.nameSpan.start, reference.nameSpan.end);
  switch (reference.kind) {
    case 'parameter': {
      if (!pipeline.parameters || pipeline.parameters.has(reference.name.toLowerCase())) return;
      context.report(
        'ADF505',
        rangeOf(),
        l10n.t('Parameter "{0}" is not declared in the pipeline\'s parameters.', reference.name),
        {
          fix: () => declareFix(context, pipeline, 'parameters', reference.name),
        },
      );
      return;
    }
    case 'variable': {
      if (!pipeline.variables || pipeline.variables.has(reference.name.toLowerCase())) return;
      context.report(
        'ADF506',
        rangeOf(),
        l10n.t('Variable "{0}" is not declared in the pipeline\'s variables.', reference.name),
        {
          fix: () => declareFix(context, pipeline, 'variables', reference.name),
        },
      );
      return;
    }
    case 'activity':
      checkActivityReference(context, pipeline, activity, reference, rangeOf);
      return;
    case 'item':
      if (!hasForEachAround(activity) && !isFilterCondition(activity, s)) {
        context.report(
          'ADF509',
          rangeOf(),
          l10n.t('item() is only defined inside a ForEach (or in a Filter condition).'),
        );
      }
      return;
    default:
      return;
  }
}

function checkActivityReference(
  context: ValidationContext,
  pipeline: PipelineInfo,
  activity: ActivityInfo,
  reference: ExpressionReference,
  rangeOf: () => { start: number; end: number },
): void {
  const targets = pipeline.allByName.get(reference.name.toLowerCase());
  const upstream = context.upstreamOf(activity);
  if (targets?.some((t) => upstream.has(t) || (activity.typeLower === 'until' && isInside(t, activity)))) return;
  const range = rangeOf();
  if (!targets) {
    const suggestion = closestName(
      reference.name,
      pipeline.activities.filter((a) => a !== activity && a.name !== undefined).map((a) => a.name as string),
    );
    context.report(
      'ADF507',
      range,
      l10n.t(
        'No activity named "{0}" in this pipeline{1}',
        reference.name,
        suggestion ? l10n.t('; did you mean "{0}"?', suggestion) : '.',
      ),
      {
        fix: suggestion
          ? {
              title: l10n.t('Change to "{0}"', suggestion),
              edits: [{ range, newText: jsonEscape(suggestion.replace(/'/g, "''")) }],
            }
          : undefined,
      },
    );
    return;
  }
  // An activity inside a container that ran before: ADF exposes its last run; for a ForEach, which one is undefined.
  for (const t of targets) {
    const outer = containersOf(t).find((c) => upstream.has(c));
    if (!outer) continue;
    const between = containersOf(t);
    const loop = between.slice(0, between.indexOf(outer) + 1).find((c) => c.typeLower === 'foreach');
    if (loop) {
      context.report(
        'ADF508',
        range,
        l10n.t(
          "activity('{0}') runs once per item of ForEach \"{1}\": which iteration's output this reads is undefined.",
          reference.name,
          String(loop.name),
        ),
        {
          severity: 'warning',
          related: [{ range: context.activityRange(t), message: l10n.t('"{0}" is defined here', String(t.name)) }],
        },
      );
    }
    return;
  }
  const target = targets[0];
  const why =
    target === activity
      ? l10n.t('an activity cannot read its own output')
      : l10n.t(
          '"{0}" does not run before "{1}" (add it to dependsOn, directly or through other activities)',
          String(target.name),
          activity.name ?? l10n.t('this activity'),
        );
  context.report('ADF508', range, l10n.t("activity('{0}') is not available here: {1}.", reference.name, why), {
    related: [{ range: context.activityRange(target), message: l10n.t('"{0}" is defined here', String(target.name)) }],
  });
}

function isInside(target: ActivityInfo, container: ActivityInfo): boolean {
  for (let c = target.container; c; c = c.container) if (c === container) return true;
  return false;
}

function hasForEachAround(activity: ActivityInfo): boolean {
  for (let c = activity.container; c; c = c.container) if (c.typeLower === 'foreach') return true;
  return false;
}

function isFilterCondition(activity: ActivityInfo, s: AdfString): boolean {
  if (activity.typeLower !== 'filter') return false;
  const condition = propertyValue(activity.typeProperties, 'condition');
  if (!condition) return false;
  return s.node.offset >= condition.offset && s.node.offset < condition.offset + condition.length;
}

/** SetVariable / AppendVariable must name a declared variable. */
function checkVariableTargets(context: ValidationContext, pipeline: PipelineInfo, activity: ActivityInfo): void {
  if (activity.typeLower !== 'setvariable' && activity.typeLower !== 'appendvariable') return;
  if (!pipeline.variables) return;
  const node = propertyValue(activity.typeProperties, 'variableName');
  const name = stringValue(node);
  if (!node || name === undefined || name.startsWith('@') || (pipeline.inArmTemplate && name.startsWith('['))) return;
  const lower = name.toLowerCase();
  if (pipeline.variables.has(lower)) return;
  const system = booleanValue(propertyValue(activity.typeProperties, 'setSystemVariable')) === true;
  if (system && SYSTEM_VARIABLES.has(lower)) return;
  context.report(
    'ADF506',
    context.rangeOf(node),
    l10n.t('Variable "{0}" is not declared in the pipeline\'s variables.', name),
    {
      fix: () => declareFix(context, pipeline, 'variables', name),
    },
  );
}

/** Text to put inside a JSON string literal. */
function jsonEscape(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
