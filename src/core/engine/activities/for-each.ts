// ForEach: runs its activities once per item (item() = the item), sequentially or up to batchCount at a time
// (default 20, at most 50). Every iteration runs even when one fails; the ForEach then fails.
import type { ActivityHandler, ScopeResult } from '../activity-context';
import { abortError } from '../clock';
import { ActivityFailure, ErrorCodes } from '../errors';
import { activityList, evaluateArray, innerActivityFailure, requireProperty, typeProperties } from './values';

const DEFAULT_BATCH_COUNT = 20;
const MAX_BATCH_COUNT = 50;

export const forEachActivity: ActivityHandler = async (context) => {
  const items = evaluateArray(context, requireProperty(context, 'items'), 'items');
  const properties = typeProperties(context);
  const body = activityList(context, 'activities');
  const sequential = properties.isSequential === true;
  const batchCount = sequential ? 1 : batchCountOf(properties.batchCount, context.activity.name);
  context.setInput({ items, isSequential: sequential, ...(sequential ? {} : { batchCount }) });

  const results: ScopeResult[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !context.signal.aborted) {
      const index = next++;
      results[index] = await context.runActivities(body, { item: { value: items[index] } });
    }
  };
  await Promise.all(Array.from({ length: Math.min(batchCount, items.length) }, worker));
  if (context.signal.aborted || results.some((r) => r?.status === 'Cancelled')) throw abortError(context.signal);
  const failed = results.find((r) => r.status === 'Failed');
  if (failed) throw innerActivityFailure(failed);
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
