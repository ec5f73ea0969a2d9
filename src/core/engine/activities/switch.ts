// Switch: runs the activities of the case whose value equals `on` (as strings), else defaultActivities.
import type { ActivityHandler } from '../activity-context';
import { abortError } from '../clock';
import { ActivityFailure, ErrorCodes } from '../errors';
import type { ActivityDefinition } from '../types';
import { activityList, evaluateString, innerActivityFailure, requireProperty, typeProperties } from './values';

interface SwitchCase {
  value?: unknown;
  activities?: ActivityDefinition[];
}

export const switchActivity: ActivityHandler = async (context) => {
  const on = evaluateString(context, requireProperty(context, 'on'), 'on');
  const cases = typeProperties(context).cases ?? [];
  if (!Array.isArray(cases))
    throw new ActivityFailure(
      `Activity '${context.activity.name}': typeProperties.cases must be an array.`,
      ErrorCodes.badActivity,
    );
  const match = (cases as SwitchCase[]).find((c) => String(c?.value) === on);
  context.setInput({ on, case: match ? String(match.value) : 'default' });
  const body = match
    ? Array.isArray(match.activities)
      ? match.activities
      : []
    : activityList(context, 'defaultActivities');
  const result = await context.runActivities(body);
  if (result.status === 'Cancelled') throw abortError(context.signal);
  if (result.status === 'Failed') throw innerActivityFailure(result);
  return undefined;
};
