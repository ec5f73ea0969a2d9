// Until: runs its activities, then evaluates the expression; repeats until it is true (a do-while loop).
// The timeout (`d.hh:mm:ss`, default 7 days, pipeline time) cancels the running iteration and fails the activity.
// "If an inner activity fails, the Until activity doesn't stop." (ADF docs, Until activity:
// https://learn.microsoft.com/azure/data-factory/control-flow-until-activity): a failed iteration is followed by
// the expression and the next iteration like any other. The docs are silent on the Until's own status; ours is
// the last iteration's (docs/engine.md): it fails with that iteration's inner failure, or with the timeout.
import type { ActivityHandler } from '../activity-context';
import { limitExceeded, MAX_ACTIVITY_DURATION_MS } from '../budgets';
import { abortError, setLongTimeout } from '../clock';
import { ActivityFailure, ErrorCodes } from '../errors';
import { formatTimespan, parseTimespan } from '../../pipeline';
import {
  activityList,
  evaluateBoolean,
  evaluateString,
  innerActivityFailure,
  requireProperty,
  typeProperties,
} from './values';

const DEFAULT_TIMEOUT = '7.00:00:00';

export const untilActivity: ActivityHandler = async (context) => {
  const expression = requireProperty(context, 'expression');
  const body = activityList(context, 'activities');
  const rawTimeout = typeProperties(context).timeout;
  const timeoutText =
    rawTimeout === undefined || rawTimeout === null ? DEFAULT_TIMEOUT : evaluateString(context, rawTimeout, 'timeout');
  const timeoutMs = parseTimespan(timeoutText);
  if (timeoutMs === undefined) {
    throw new ActivityFailure(
      `Activity '${context.activity.name}': timeout '${timeoutText}' is not a timespan like 0.00:10:00 (d.hh:mm:ss).`,
      ErrorCodes.badActivity,
    );
  }
  if (timeoutMs > MAX_ACTIVITY_DURATION_MS) {
    throw new ActivityFailure(
      `Activity '${context.activity.name}': timeout '${timeoutText}' is longer than ADF's maximum of 7 days (7.00:00:00).`,
      ErrorCodes.badActivity,
    );
  }
  context.setInput({ timeout: timeoutText });

  const { clock, budgets } = context.run.services;
  const deadline = new AbortController();
  const cancelTimer = setLongTimeout(() => deadline.abort(new Error('Until timeout')), clock.toRealMs(timeoutMs));
  const signal = AbortSignal.any([context.signal, deadline.signal]);
  const timedOut = (): ActivityFailure =>
    new ActivityFailure(
      `Activity '${context.activity.name}' timed out after ${formatTimespan(timeoutMs)} (${iterations} iteration${iterations === 1 ? '' : 's'}) before its expression became true.`,
      ErrorCodes.timedOut,
    );
  let iterations = 0;
  try {
    for (;;) {
      const result = await context.runActivities(body, { signal });
      if (context.signal.aborted) throw abortError(context.signal);
      if (result.status === 'Succeeded' || result.status === 'Failed') iterations++;
      if (deadline.signal.aborted) throw timedOut();
      if (result.status === 'Cancelled') throw abortError(context.signal);
      // A spent activity-run budget fails every later iteration the same way: stop here.
      if (context.run.activityRuns.exceeded) throw context.run.activityRuns.exceeded;
      // The expression sees this iteration's inner activities (the usual `activity('Check').output...`).
      if (evaluateBoolean(context, expression, 'expression', result.frame)) {
        if (result.status === 'Failed') throw innerActivityFailure(result);
        return undefined;
      }
      if (deadline.signal.aborted) throw timedOut();
      if (iterations >= budgets.untilIterations) {
        throw limitExceeded(
          `Activity '${context.activity.name}' ran ${iterations.toLocaleString('en-US')} iterations, the engine's limit for one Until, before its expression became true.`,
        );
      }
      // An empty or instant body must not starve the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    cancelTimer();
  }
};
