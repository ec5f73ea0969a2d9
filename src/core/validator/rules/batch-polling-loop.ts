// ADF706-ADF708 on the Until loop that polls a batch job: its exit condition, its status check's failure path,
// its timeout.
import * as l10n from '@vscode/l10n';
import { isCallOf, type ExpressionNode } from '../../expressions';
import { propertyNode, propertyValue, stringValue } from '../../json';
import { DEFAULT_LOOP_TIMEOUT, TERMINAL_JOB_STATUSES as TERMINAL } from '../../pipeline';
import { checkStatusFailurePath } from '../batch-status-check';
import type { AdfString, ValidationContext } from '../context';
import { fixedTexts } from '../dynamic-text';
import { replaceStringFix, setTypePropertyFix } from '../fixes';
import type { ActivityInfo, PipelineInfo } from '../pipeline-model';
import type { Fix } from '../types';

/** Until loops after the invoke that poll with a Web activity. */
export function pollingLoops(context: ValidationContext, pipeline: PipelineInfo, invoke: ActivityInfo): ActivityInfo[] {
  return pipeline.activities.filter(
    (loop) =>
      loop.typeLower === 'until' &&
      context.upstreamOf(loop).has(invoke) &&
      pipeline.activities.some(
        (inner) =>
          inner.typeLower === 'webactivity' &&
          isInside(inner, loop) &&
          /^get$/i.test(stringValue(propertyValue(inner.typeProperties, 'method')) ?? ''),
      ),
  );
}

export function checkLoop(context: ValidationContext, loop: ActivityInfo): void {
  const name = loop.name ?? l10n.t('the polling loop');
  const expressionNode = propertyValue(loop.typeProperties, 'expression');
  const s = context.valueString(loop, expressionNode);
  if (s) {
    const literals = fixedTexts(context, s).filter((t) => t.length < 40);
    const has = (status: string): boolean => literals.some((t) => t.toLowerCase() === status.toLowerCase());
    const usesStatuses = TERMINAL.some(has) || literals.some((t) => /^cancell?ed$/i.test(t));
    const missing = TERMINAL.filter((t) => !has(t) && t !== 'Completed');
    if (usesStatuses && missing.length) {
      const misspelt = literals.some((t) => /^cancelled$/i.test(t))
        ? l10n.t(' (the job status is spelled "Canceled")')
        : '';
      context.report(
        'ADF706',
        context.rangeOf(s.node),
        l10n.t(
          'The loop "{0}" does not stop on {1}{2}: a job that ends that way keeps the loop polling until its timeout.',
          name,
          missing.join(l10n.t(' or ')),
          misspelt,
        ),
        {
          fix: exitFix(context, s, missing),
        },
      );
    }
  }
  checkStatusFailurePath(context, loop);
  if (!propertyNode(loop.typeProperties, 'timeout')) {
    context.report(
      'ADF707',
      context.activityRange(loop),
      l10n.t('The loop "{0}" has no timeout, so a stuck job is polled for 7 days (ADF\'s default).', name),
      {
        fix: () =>
          setTypePropertyFix(
            context,
            loop,
            'timeout',
            DEFAULT_LOOP_TIMEOUT,
            l10n.t('Add a 12-hour timeout ({0})', DEFAULT_LOOP_TIMEOUT),
          ),
      },
    );
  }
}

/** Rewrites `@<condition>` to `@or(<condition>, ...)` also stopping on the missing statuses. */
function exitFix(context: ValidationContext, s: AdfString, missing: string[]): Fix | undefined {
  const parsed = context.parsed(s);
  const segment = parsed.segments[0];
  if (parsed.kind !== 'expression' || parsed.errors.length || segment?.kind !== 'expression' || !segment.node)
    return undefined;
  const status = statusOperand(segment.node, s.value);
  if (!status) return undefined;
  const body = s.value.slice(segment.bodySpan.start, segment.bodySpan.end);
  const extra =
    missing.length === 1
      ? `equals(${status}, '${missing[0]}')`
      : `contains(createArray(${missing.map((m) => `'${m}'`).join(', ')}), ${status})`;
  return replaceStringFix(s.node, `@or(${body}, ${extra})`, l10n.t('Also stop on {0}', missing.join(l10n.t(' and '))));
}

/** The text of X in equals(X, 'Completed') / equals('Completed', X) / contains(createArray(...), X). */
function statusOperand(root: ExpressionNode, text: string): string | undefined {
  let found: string | undefined;
  const visit = (node: ExpressionNode): void => {
    if (found || node.kind !== 'call') return;
    if (isCallOf(node, 'equals') && node.args.length === 2) {
      const [a, b] = node.args;
      const isStatus = (n: ExpressionNode): boolean =>
        n.kind === 'string' && TERMINAL.some((t) => t.toLowerCase() === n.value.toLowerCase());
      if (isStatus(b) && !isStatus(a)) found = text.slice(a.span.start, a.span.end);
      else if (isStatus(a) && !isStatus(b)) found = text.slice(b.span.start, b.span.end);
    } else if (isCallOf(node, 'contains') && node.args.length === 2 && isCallOf(node.args[0], 'createArray')) {
      found = text.slice(node.args[1].span.start, node.args[1].span.end);
    }
    for (const arg of node.args) visit(arg);
  };
  visit(root);
  return found;
}

export function isInside(target: ActivityInfo, container: ActivityInfo): boolean {
  for (let c = target.container; c; c = c.container) if (c === container) return true;
  return false;
}
