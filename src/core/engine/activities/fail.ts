// Fail: ends the activity (and so its scope) with the given message and error code.
import type { ActivityHandler } from '../activity-context';
import { ActivityFailure } from '../errors';
import { evaluateString, requireProperty } from './values';

export const failActivity: ActivityHandler = async (context) => {
  const message = evaluateString(context, requireProperty(context, 'message'), 'message');
  const errorCode = evaluateString(context, requireProperty(context, 'errorCode'), 'errorCode');
  context.setInput({ message, errorCode });
  throw new ActivityFailure(message, errorCode, 'UserError');
};
