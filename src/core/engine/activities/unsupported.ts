// Activity types the engine does not implement fail loudly: a dry run must never pretend they ran.
import type { ActivityHandler } from '../activity-context';
import { ActivityFailure, ErrorCodes } from '../errors';
import { SUPPORTED_ACTIVITY_TYPES } from './supported-types';

export const unsupportedActivity: ActivityHandler = async (context) => {
  throw new ActivityFailure(
    `Activity type '${context.activity.type}' is not supported by the local engine, so '${context.activity.name}' could not run. ` +
      `Supported types: ${SUPPORTED_ACTIVITY_TYPES.join(', ')}.`,
    ErrorCodes.notSupported,
  );
};
