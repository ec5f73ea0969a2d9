// Failures an activity handler raises; the executor turns them into the activity run's `error`.

export const ErrorCodes = {
  /** ADF's code for an expression that cannot be evaluated. */
  invalidTemplate: 'InvalidTemplate',
  /** ADF's code for a container whose inner activity failed. */
  innerActivityFailed: 'ActionFailed',
  /** ADF's code for a Web activity whose call failed (non-2xx status, network error). */
  webCallFailed: '2108',
  /** The engine does not implement this activity type (engine-specific). */
  notSupported: 'ActivityTypeNotSupportedByEngine',
  /** An Until loop or an activity's policy.timeout ran out. */
  timedOut: 'ActivityTimedOut',
  /** Bad or missing settings in the activity's JSON. */
  badActivity: 'BadRequest',
  /** Authentication could not be resolved (token or Key Vault secret). */
  authentication: 'AuthenticationFailed',
  /** An Execute Pipeline activity's child run failed. */
  childPipelineFailed: 'ChildPipelineFailed',
  /** An engine budget ran out (src/core/engine/budgets.ts): activity runs, loop iterations, nesting. */
  limitExceeded: 'LimitExceeded',
} as const;

export class ActivityFailure extends Error {
  constructor(
    message: string,
    readonly errorCode: string,
    readonly failureType: 'UserError' | 'SystemError' = 'UserError',
    /** Output to record even though the activity failed (e.g. a Web activity's error response). */
    readonly output?: unknown,
  ) {
    super(message);
    this.name = 'ActivityFailure';
  }
}

/** Turns anything thrown while evaluating an expression into an InvalidTemplate failure. */
export function expressionFailure(error: unknown, where: string): ActivityFailure {
  if (error instanceof ActivityFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ActivityFailure(`${where}: ${message}`, ErrorCodes.invalidTemplate);
}
