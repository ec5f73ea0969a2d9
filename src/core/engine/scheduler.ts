// Runs one scope's activities (the pipeline's, or a container's body) as ADF does: each activity starts as soon
// as its dependencies are met, unrelated activities run in parallel, unmet dependencies mean Skipped.
import { randomUUID } from 'node:crypto';
import type { ActivityContext, RunState, ScopeFrame, ScopeResult } from './activity-context';
import { MAX_ACTIVITY_DURATION_MS } from './budgets';
import { abortError, isAbortError, setLongTimeout } from './clock';
import { checkDependencies, dependencyProblems, scopeOutcome, type FinalStatus } from './dependencies';
import { isEntraRefusal } from './entra-errors';
import { ActivityFailure, ErrorCodes, expressionFailure } from './errors';
import type { ActivityResultView, EvaluationScope } from './expression-port';
import { unwrapExpressionObjects } from './expression-values';
import { parseTimespan } from '../pipeline';
import type { ActivityDefinition, ActivityRunError, ActivityRunRecord, ActivityRunStatus } from './types';
import { unsupportedActivity } from './activities/unsupported';

export async function runScope(
  run: RunState,
  frame: ScopeFrame,
  activities: ActivityDefinition[],
  signal: AbortSignal,
): Promise<ScopeResult> {
  const problems = dependencyProblems(activities);
  if (problems.length) throw new ActivityFailure(problems.join(' '), ErrorCodes.badActivity);
  const finals = new Map<string, FinalStatus>();
  const pending = new Set(activities);
  const running = new Map<ActivityDefinition, Promise<void>>();
  const errors = new Map<string, ActivityRunError>();

  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const activity of [...pending]) {
        if (signal.aborted) break;
        const check = checkDependencies(activity, finals);
        if (check === 'waiting') continue;
        pending.delete(activity);
        changed = true;
        const reused = frame.parent === undefined ? run.reused?.get(activity.name.toLowerCase()) : undefined;
        if (reused) {
          // Recovery run: done in the referenced run; its output is still what activity('name') reads.
          frame.results.set(activity.name.toLowerCase(), {
            output: reused.output ?? {},
            status: 'Succeeded',
            pipelineRunId: run.runId,
            activityRunId: '',
          });
          finals.set(activity.name.toLowerCase(), 'Succeeded');
          continue;
        }
        if (check === 'unmet') {
          recordSkipped(run, frame, activity);
          finals.set(activity.name.toLowerCase(), 'Skipped');
          continue;
        }
        const task = runActivity(run, frame, activity, signal).then((ended) => {
          finals.set(activity.name.toLowerCase(), ended.status);
          if (ended.error) errors.set(activity.name.toLowerCase(), ended.error);
          running.delete(activity);
        });
        running.set(activity, task);
      }
    }
    if (running.size === 0) break;
    await Promise.race(running.values());
  }

  if (signal.aborted) return { status: 'Cancelled', frame };
  const outcome = scopeOutcome(activities, finals as Map<string, ActivityRunStatus>);
  if (outcome.status !== 'Failed') return { status: outcome.status, frame };
  const first = outcome.failedActivities[0];
  const error = errors.get(first.toLowerCase());
  return {
    status: 'Failed',
    frame,
    failure: {
      activityName: first,
      message: error?.message ?? 'The activity failed.',
      errorCode: error?.errorCode ?? ErrorCodes.innerActivityFailed,
    },
  };
}

interface Ended {
  status: 'Succeeded' | 'Failed' | 'Cancelled' | 'Skipped';
  error?: ActivityRunError;
}

async function runActivity(
  run: RunState,
  frame: ScopeFrame,
  activity: ActivityDefinition,
  runSignal: AbortSignal,
): Promise<Ended> {
  if (String(activity.state ?? '').toLowerCase() === 'inactive') return recordInactive(run, frame, activity);
  const retries = nonNegativeInteger(activity.policy?.retry);
  const retryIntervalMs = (nonNegativeInteger(activity.policy?.retryIntervalInSeconds) ?? 30) * 1000;
  for (let attempt = 0; ; attempt++) {
    const overBudget = run.activityRuns.take();
    if (overBudget) {
      const error = { ...activityRunError(overBudget), target: activity.name };
      recordWithoutRunning(run, frame, activity, 'Failed', error);
      return { status: 'Failed', error };
    }
    const ended = await runAttempt(run, frame, activity, runSignal);
    if (ended.status !== 'Failed' || attempt >= (retries ?? 0) || runSignal.aborted) return ended;
    if (ended.error && !isRetryable(ended.error)) return ended;
    try {
      await run.services.clock.sleep(retryIntervalMs, runSignal);
    } catch {
      return ended;
    }
  }
}

async function runAttempt(
  run: RunState,
  frame: ScopeFrame,
  activity: ActivityDefinition,
  runSignal: AbortSignal,
): Promise<Ended> {
  const { clock, store, handlers } = run.services;
  const started = clock.now();
  const record: ActivityRunRecord = {
    pipelineName: run.pipeline.name,
    pipelineRunId: run.runId,
    activityName: activity.name,
    activityType: activity.type,
    activityRunId: randomUUID(),
    status: 'InProgress',
    activityRunStart: started.toISOString(),
    ...(frame.containerRunIds.length ? { parentActivityRunIds: frame.containerRunIds } : {}),
  };
  const secureInput = activity.policy?.secureInput === true;
  const secureOutput = activity.policy?.secureOutput === true;
  store.putActivityRun(record);

  // policy.timeout bounds a single attempt. Real time, not scaled: it guards real work (HTTP calls), and a
  // scaled 10-minute timeout would cut off a slow but healthy call in a fast test.
  const timeoutMs = typeof activity.policy?.timeout === 'string' ? parseTimespan(activity.policy.timeout) : undefined;
  const timeoutController = new AbortController();
  const cancelTimer =
    timeoutMs !== undefined
      ? setLongTimeout(() => timeoutController.abort(new Error('policy timeout')), timeoutMs)
      : undefined;
  // AbortSignal.any costs a listener on the run's signal per attempt: only when there is a timeout to combine.
  const signal = cancelTimer ? AbortSignal.any([runSignal, timeoutController.signal]) : runSignal;

  const context: ActivityContext = {
    activity,
    activityRunId: record.activityRunId,
    run,
    frame,
    signal,
    scope: () => evaluationScope(run, frame),
    evaluate: (value, where, inner) => {
      try {
        return run.services.evaluator.evaluateValue(
          unwrapExpressionObjects(value),
          evaluationScope(run, inner ?? frame),
        );
      } catch (error) {
        throw expressionFailure(error, `Activity '${activity.name}', ${where}`);
      }
    },
    setInput: (input) => {
      if (secureInput) return;
      record.input = run.redactor.redact(input);
      store.putActivityRun(record);
    },
    runActivities: (activities, options) => {
      const child: ScopeFrame = {
        parent: frame,
        results: new Map(),
        item: options?.item ?? frame.item,
        containerRunIds: [...frame.containerRunIds, record.activityRunId],
      };
      return runScope(run, child, activities, options?.signal ?? signal);
    },
  };

  let output: unknown;
  let error: ActivityRunError | undefined;
  let status: 'Succeeded' | 'Failed' | 'Cancelled';
  try {
    if (timeoutMs !== undefined && timeoutMs > MAX_ACTIVITY_DURATION_MS)
      throw new ActivityFailure(
        `Activity '${activity.name}': policy.timeout ${String(activity.policy?.timeout)} is longer than ADF's maximum of 7 days (7.00:00:00).`,
        ErrorCodes.badActivity,
      );
    const handler = handlers.get(activity.type.toLowerCase()) ?? unsupportedActivity;
    output = await handler(context);
    if (signal.aborted && !timeoutController.signal.aborted) throw abortError(signal);
    status = 'Succeeded';
  } catch (thrown) {
    if (timeoutController.signal.aborted && !runSignal.aborted) {
      status = 'Failed';
      error = {
        errorCode: ErrorCodes.timedOut,
        message: `Activity timed out after ${String(activity.policy?.timeout)} (policy timeout).`,
        failureType: 'UserError',
        target: activity.name,
      };
    } else if (runSignal.aborted && (isAbortError(thrown) || !(thrown instanceof ActivityFailure))) {
      status = 'Cancelled';
    } else if (thrown instanceof ActivityFailure) {
      status = 'Failed';
      output = thrown.output;
      error = {
        errorCode: thrown.errorCode,
        message: thrown.message,
        failureType: thrown.failureType,
        target: activity.name,
      };
    } else {
      status = 'Failed';
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      error = {
        errorCode: 'EngineError',
        message: `The engine failed while running this activity: ${message}`,
        failureType: 'SystemError',
        target: activity.name,
      };
    }
  } finally {
    cancelTimer?.();
  }
  const ended = clock.now();
  record.status = status;
  record.activityRunEnd = ended.toISOString();
  record.durationInMs = ended.getTime() - started.getTime();
  if (output !== undefined && !secureOutput) record.output = run.redactor.redact(output);
  if (error) record.error = run.redactor.redact(error);
  store.putActivityRun(record);

  frame.results.set(activity.name.toLowerCase(), {
    output: output ?? {},
    status,
    ...(error ? { error } : {}),
    activityRunId: record.activityRunId,
    pipelineRunId: run.runId,
    executionStartTime: record.activityRunStart,
    executionEndTime: record.activityRunEnd,
    durationInMs: record.durationInMs,
  });
  return { status, ...(error ? { error } : {}) };
}

/**
 * Failures that a retry cannot change are not retried, whatever policy.retry says: the same JSON and the same
 * values give the same InvalidTemplate or BadRequest, an unsupported activity type stays unsupported, a spent
 * budget stays spent, and Entra ID refusing the credentials (AADSTS) refuses them again.
 */
const NOT_RETRYABLE: ReadonlySet<string> = new Set([
  ErrorCodes.invalidTemplate,
  ErrorCodes.badActivity,
  ErrorCodes.notSupported,
  ErrorCodes.limitExceeded,
]);

function isRetryable(error: ActivityRunError): boolean {
  if (NOT_RETRYABLE.has(error.errorCode)) return false;
  const mayCarryRefusal = error.errorCode === ErrorCodes.authentication || error.errorCode === ErrorCodes.webCallFailed;
  return !(mayCarryRefusal && isEntraRefusal(error.message));
}

function activityRunError(failure: ActivityFailure): Omit<ActivityRunError, 'target'> {
  return { errorCode: failure.errorCode, message: failure.message, failureType: failure.failureType };
}

function recordSkipped(run: RunState, frame: ScopeFrame, activity: ActivityDefinition): void {
  recordWithoutRunning(run, frame, activity, 'Skipped');
}

/** An Inactive activity does not run; it ends with onInactiveMarkAs (Succeeded unless Failed or Skipped). */
function recordInactive(run: RunState, frame: ScopeFrame, activity: ActivityDefinition): Ended {
  const markAs = String(activity.onInactiveMarkAs ?? 'Succeeded').toLowerCase();
  const status: Ended['status'] = markAs === 'failed' ? 'Failed' : markAs === 'skipped' ? 'Skipped' : 'Succeeded';
  const error: ActivityRunError | undefined =
    status === 'Failed'
      ? {
          errorCode: 'Inactive',
          message: 'The activity is inactive and marked as Failed.',
          failureType: 'UserError',
          target: activity.name,
        }
      : undefined;
  recordWithoutRunning(run, frame, activity, status, error);
  return { status, ...(error ? { error } : {}) };
}

/** An activity run that ends as it starts (skipped or inactive): its record and its result in the scope. */
function recordWithoutRunning(
  run: RunState,
  frame: ScopeFrame,
  activity: ActivityDefinition,
  status: Ended['status'],
  error?: ActivityRunError,
): void {
  const now = run.services.clock.now().toISOString();
  const activityRunId = randomUUID();
  run.services.store.putActivityRun({
    pipelineName: run.pipeline.name,
    pipelineRunId: run.runId,
    activityName: activity.name,
    activityType: activity.type,
    activityRunId,
    status,
    activityRunStart: now,
    activityRunEnd: now,
    durationInMs: 0,
    ...(error ? { error } : {}),
    ...(frame.containerRunIds.length ? { parentActivityRunIds: frame.containerRunIds } : {}),
  });
  frame.results.set(activity.name.toLowerCase(), {
    output: {},
    status,
    ...(error ? { error } : {}),
    activityRunId,
    pipelineRunId: run.runId,
  });
}

export function evaluationScope(run: RunState, frame: ScopeFrame): EvaluationScope {
  return {
    pipeline: run.pipelineContext,
    variables: run.variables,
    activity: (name: string): ActivityResultView | undefined => {
      for (let f: ScopeFrame | undefined = frame; f; f = f.parent) {
        const result = f.results.get(name.toLowerCase());
        if (result) return result;
      }
      return undefined;
    },
    ...(frame.item ? { item: frame.item } : {}),
  };
}

function nonNegativeInteger(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}
