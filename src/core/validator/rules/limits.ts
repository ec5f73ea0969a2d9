import * as l10n from '@vscode/l10n';
import { getNodeValue } from 'jsonc-parser';
import { keyOf, propertyNode, propertyValue, stringValue } from '../../json';
import { MAX_ACTIVITY_DURATION_MS, parseTimespan } from '../../pipeline';
import type { ValidationContext } from '../context';
import type { ActivityInfo, PipelineInfo } from '../pipeline-model';
import type { OffsetRange } from '../types';
import type { ValidationRule } from './rule';

const BRANCHES = new Set(['ifcondition', 'switch']);
const LOOPS = new Set(['foreach', 'until']);

/** ADF401-ADF408: activity, parameter, expression, size and duration limits; nesting rules as ADF applies them. */
export const limitsRule: ValidationRule = {
  family: 'limits',
  run(context: ValidationContext): void {
    for (const pipeline of context.pipelines) {
      checkCounts(context, pipeline);
      checkSize(context, pipeline);
      for (const activity of pipeline.activities) {
        checkNesting(context, activity);
        checkExpressionLengths(context, activity);
        checkDurations(context, activity);
      }
    }
  },
};

function pipelineLabel(pipeline: PipelineInfo): string {
  return pipeline.name !== undefined ? l10n.t('Pipeline "{0}"', pipeline.name) : l10n.t('The pipeline');
}

function pipelineHead(context: ValidationContext, pipeline: PipelineInfo): OffsetRange {
  return pipeline.nameNode
    ? context.rangeOf(pipeline.nameNode)
    : { start: pipeline.node.offset, end: pipeline.node.offset + 1 };
}

function checkCounts(context: ValidationContext, pipeline: PipelineInfo): void {
  const { maxActivities, maxParameters } = context.options;
  const count = pipeline.activities.length;
  if (count > maxActivities) {
    const key = propertyNode(pipeline.properties, 'activities')?.children?.[0];
    context.report(
      'ADF401',
      key ? context.rangeOf(key) : pipelineHead(context, pipeline),
      l10n.t(
        '{0} has {1} activities counting nested ones; the limit is {2}. Move some into a child pipeline (Execute Pipeline).',
        pipelineLabel(pipeline),
        count,
        maxActivities,
      ),
    );
  }
  if (pipeline.parameters && pipeline.parameters.size > maxParameters && pipeline.parametersNode) {
    const key = keyOf(pipeline.parametersNode);
    context.report(
      'ADF402',
      context.rangeOf(key ?? pipeline.parametersNode),
      l10n.t(
        '{0} declares {1} parameters; the limit is {2}. Pass an Object parameter instead.',
        pipelineLabel(pipeline),
        pipeline.parameters.size,
        maxParameters,
      ),
    );
  }
}

function checkSize(context: ValidationContext, pipeline: PipelineInfo): void {
  const limit = context.options.maxPipelineBytes;
  // Cheap upper bounds first (3 bytes per UTF-16 unit at most; the minified JSON is never longer than the
  // written text); serialize only a pipeline that may really be too large.
  const node = pipeline.node;
  if (node.length * 3 <= limit) return;
  if (Buffer.byteLength(context.text.slice(node.offset, node.offset + node.length), 'utf8') <= limit) return;
  const bytes = Buffer.byteLength(JSON.stringify(getNodeValue(node)), 'utf8');
  if (bytes > limit) {
    context.report(
      'ADF407',
      pipelineHead(context, pipeline),
      l10n.t(
        '{0} is {1} KB serialized; ADF accepts at most {2} KB per pipeline.',
        pipelineLabel(pipeline),
        Math.round(bytes / 1024),
        Math.round(limit / 1024),
      ),
    );
  }
}

function checkNesting(context: ValidationContext, activity: ActivityInfo): void {
  const container = activity.container;
  if (!container) return;
  const range = activity.typeNode ? context.rangeOf(activity.typeNode) : context.activityRange(activity);
  const related = [
    { range: context.activityRange(container), message: l10n.t('Container "{0}"', String(container.name)) },
  ];
  if (BRANCHES.has(activity.typeLower) && BRANCHES.has(container.typeLower)) {
    context.report(
      'ADF404',
      range,
      l10n.t(
        '{0} "{1}" cannot be placed inside {2} "{3}": If Condition and Switch may only sit in a pipeline, ForEach or Until. Use Execute Pipeline.',
        String(activity.type),
        String(activity.name),
        String(container.type),
        String(container.name),
      ),
      { related },
    );
  }
  if (LOOPS.has(activity.typeLower)) {
    const loop = ancestors(activity).find((a) => LOOPS.has(a.typeLower));
    if (loop) {
      context.report(
        'ADF405',
        range,
        l10n.t(
          '{0} "{1}" cannot be placed inside {2} "{3}": ForEach and Until support a single level of nesting. Use Execute Pipeline.',
          String(activity.type),
          String(activity.name),
          String(loop.type),
          String(loop.name),
        ),
        {
          related: [{ range: context.activityRange(loop), message: l10n.t('Loop "{0}"', String(loop.name)) }],
        },
      );
    }
  }
  if (activity.typeLower === 'validation') {
    context.report(
      'ADF406',
      range,
      l10n.t(
        'Validation activity "{0}" cannot be placed inside a container activity ("{1}").',
        String(activity.name),
        String(container.name),
      ),
      { related },
    );
  }
}

function ancestors(activity: ActivityInfo): ActivityInfo[] {
  const out: ActivityInfo[] = [];
  for (let c = activity.container; c; c = c.container) out.push(c);
  return out;
}

function checkExpressionLengths(context: ValidationContext, activity: ActivityInfo): void {
  const limit = context.options.maxExpressionLength;
  for (const s of context.activityStrings(activity)) {
    if (s.value.length <= limit) continue;
    const isExpression = (s.value.startsWith('@') && !s.value.startsWith('@@')) || s.value.includes('@{');
    if (isExpression) {
      context.report(
        'ADF403',
        context.rangeOf(s.node),
        l10n.t('This expression is {0} characters long; ADF accepts at most {1}.', s.value.length, limit),
      );
    }
  }
}

/** The 7-day maximum the engine also fails on: literal values only (an expression is known at run time). */
function checkDurations(context: ValidationContext, activity: ActivityInfo): void {
  const over = (ms: number): boolean => ms > MAX_ACTIVITY_DURATION_MS;
  const label = l10n.t('{0} "{1}"', activity.type ?? l10n.t('Activity'), activity.name ?? '');
  const timeoutNode = propertyValue(propertyValue(activity.node, 'policy'), 'timeout');
  const timeout = stringValue(timeoutNode);
  const timeoutMs = timeout === undefined ? undefined : parseTimespan(timeout);
  if (timeoutNode && timeoutMs !== undefined && over(timeoutMs))
    context.report(
      'ADF408',
      context.rangeOf(timeoutNode),
      l10n.t("{0}: policy.timeout {1} is longer than ADF's maximum of 7 days (7.00:00:00).", label, String(timeout)),
    );
  if (activity.typeLower === 'until') {
    const node = propertyValue(activity.typeProperties, 'timeout');
    const text = stringValue(node);
    const ms = text === undefined ? undefined : parseTimespan(text);
    if (node && ms !== undefined && over(ms))
      context.report(
        'ADF408',
        context.rangeOf(node),
        l10n.t("{0}: the loop timeout {1} is longer than ADF's maximum of 7 days (7.00:00:00).", label, String(text)),
      );
  }
  if (activity.typeLower === 'wait') {
    const node = propertyValue(activity.typeProperties, 'waitTimeInSeconds');
    if (node?.type === 'number' && typeof node.value === 'number' && over(node.value * 1000))
      context.report(
        'ADF408',
        context.rangeOf(node),
        l10n.t(
          "{0} waits {1} seconds, longer than ADF's maximum of 7 days ({2} seconds).",
          label,
          node.value,
          MAX_ACTIVITY_DURATION_MS / 1000,
        ),
      );
  }
}
