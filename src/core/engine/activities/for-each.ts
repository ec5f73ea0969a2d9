// ForEach: runs its activities once per item (item() = the item), sequentially or up to batchCount at a time
// (default 20, at most 50). Every iteration runs even when one fails; the ForEach then fails.
import type { ActivityHandler, ScopeResult } from '../activity-context';
import { limitExceeded } from '../budgets';
import { abortError } from '../clock';
import { ActivityFailure, ErrorCodes } from '../errors';
import { activityList, evaluateArray, innerActivityFailure, requireProperty, typeProperties } from './values';

const DEFAULT_BATCH_COUNT = 20;
const MAX_BATCH_COUNT = 50;

export const forEachActivity: ActivityHandler = async (context) => {
  const items = evaluateArray(context, requireProperty(context, 'items'), 'items');
  const maxItems = context.run.services.budgets.forEachItems;
  if (items.length > maxItems) {
    throw limitExceeded(
      `Activity '${context.activity.name}': items has ${items.length.toLocaleString('en-US')} items, more than ADF's limit of ${maxItems.toLocaleString('en-US')} for a ForEach.`,
    );
  }
  const properties = typeProperties(context);
  const body = activityList(context, 'activities');
  const sequential = properties.isSequential === true;
  const batchCount = sequential ? 1 : batchCountOf(properties.batchCount, context.activity.name);
  context.setInput({ items, isSequential: sequential, ...(sequential ? {} : { batchCount }) });

  // Only the outcome of each iteration is kept (not its frame of inner results): 100,000 items stay small.
  let cancelled = false;
  let firstFailed: { index: number; result: ScopeResult } | undefined;
  let next = 0;
  const counter = context.run.activityRuns;
  const worker = async (): Promise<void> => {
    while (next < items.length && !context.signal.aborted && !counter.exceeded) {
      const index = next++;
      const result = await context.runActivities(body, { item: { value: items[index] } });
      if (result.status === 'Cancelled') cancelled = true;
      if (result.status === 'Failed' && (!firstFailed || index < firstFailed.index))
        firstFailed = {
          index,
          result: { status: result.status, ...(result.failure ? { failure: result.failure } : {}) },
        };
    }
  };
  await Promise.all(Array.from({ length: Math.min(batchCount, items.length) }, worker));
  if (context.signal.aborted || cancelled) throw abortError(context.signal);
  // A spent activity-run budget would fail every remaining item the same way: the ForEach stops with it.
  if (counter.exceeded && next < items.length) throw counter.exceeded;
  if (firstFailed) throw innerActivityFailure(firstFailed.result);
  return undefined;
};

function batchCountOf(value: unknown, activityName: string): number {
  if (value === undefined || value === null) return DEFAULT_BATCH_COUNT;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_BATCH_COUNT) {
    throw new ActivityFailure(
      `Activity '${activityName}': batchCount must be an integer from 1 to ${MAX_BATCH_COUNT}, got ${JSON.stringify(value)}.`,
      ErrorCodes.badActivity,
    );
  }
  return value;
}
