// Fail: ends the activity (and so its scope) with the given message and error code.
// Both "can be dynamic content that's evaluated to a non empty/blank string at runtime" (REST model). When one is
// not, ADF does not fail differently: it uses its fallbacks (ADF docs, Fail activity,
// https://learn.microsoft.com/azure/data-factory/control-flow-fail-activity): the message becomes
// "Failed to interpret Stop fail message or error code", the error code `ErrorCodeNotString`.
import type { ActivityHandler } from '../activity-context';
import { ActivityFailure } from '../errors';
import { requireProperty } from './values';

export const FAIL_MESSAGE_FALLBACK = 'Failed to interpret Stop fail message or error code';
export const FAIL_ERROR_CODE_FALLBACK = 'ErrorCodeNotString';

export const failActivity: ActivityHandler = async (context) => {
  const message =
    nonBlankString(context.evaluate(requireProperty(context, 'message'), 'message')) ?? FAIL_MESSAGE_FALLBACK;
  const errorCode =
    nonBlankString(context.evaluate(requireProperty(context, 'errorCode'), 'errorCode')) ?? FAIL_ERROR_CODE_FALLBACK;
  context.setInput({ message, errorCode });
  throw new ActivityFailure(message, errorCode, 'UserError');
};

/** The value when it is a string with something in it (a number or an object is not: hence ErrorCodeNotString). */
function nonBlankString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
