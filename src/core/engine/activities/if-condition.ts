// IfCondition: runs ifTrueActivities or ifFalseActivities; fails when the chosen branch fails.
import type { ActivityHandler } from '../activity-context';
import { abortError } from '../clock';
import { activityList, evaluateBoolean, innerActivityFailure, requireProperty } from './values';

export const ifConditionActivity: ActivityHandler = async (context) => {
  const condition = evaluateBoolean(context, requireProperty(context, 'expression'), 'expression');
  context.setInput({ expression: condition });
  const branch = activityList(context, condition ? 'ifTrueActivities' : 'ifFalseActivities');
  const result = await context.runActivities(branch);
  if (result.status === 'Cancelled') throw abortError(context.signal);
  if (result.status === 'Failed') throw innerActivityFailure(result);
  return undefined;
};
