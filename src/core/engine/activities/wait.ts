// Wait: sleeps waitTimeInSeconds of pipeline time (the engine's clock scales it for tests).
import type { ActivityHandler } from '../activity-context';
import { ActivityFailure, ErrorCodes } from '../errors';
import { evaluateNumber, requireProperty } from './values';

export const waitActivity: ActivityHandler = async (context) => {
  const seconds = evaluateNumber(context, requireProperty(context, 'waitTimeInSeconds'), 'waitTimeInSeconds');
  if (seconds < 0)
    throw new ActivityFailure(
      `Activity '${context.activity.name}': waitTimeInSeconds must not be negative, got ${seconds}.`,
      ErrorCodes.badActivity,
    );
  context.setInput({ waitTimeInSeconds: seconds });
  await context.run.services.clock.sleep(seconds * 1000, context.signal);
  return undefined;
};
