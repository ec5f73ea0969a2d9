// Wait: sleeps waitTimeInSeconds of pipeline time (the engine's clock scales it for tests).
import type { ActivityHandler } from '../activity-context';
import { MAX_ACTIVITY_DURATION_MS } from '../budgets';
import { ActivityFailure, ErrorCodes } from '../errors';
import { evaluateNumber, requireProperty } from './values';

export const waitActivity: ActivityHandler = async (context) => {
  const seconds = evaluateNumber(context, requireProperty(context, 'waitTimeInSeconds'), 'waitTimeInSeconds');
  if (seconds < 0)
    throw new ActivityFailure(
      `Activity '${context.activity.name}': waitTimeInSeconds must not be negative, got ${seconds}.`,
      ErrorCodes.badActivity,
    );
  // No activity run may last longer than 7 days in ADF (its limit on activity run timeouts).
  if (seconds * 1000 > MAX_ACTIVITY_DURATION_MS)
    throw new ActivityFailure(
      `Activity '${context.activity.name}': waitTimeInSeconds ${seconds} is longer than ADF's maximum of 7 days (${MAX_ACTIVITY_DURATION_MS / 1000} seconds).`,
      ErrorCodes.badActivity,
    );
  context.setInput({ waitTimeInSeconds: seconds });
  await context.run.services.clock.sleep(seconds * 1000, context.signal);
  return undefined;
};
