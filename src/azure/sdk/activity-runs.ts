// One conversion of the SDK's activity runs (activityRuns.queryByPipelineRun) for the wizard's run monitor and the
// sidebar's run rows.
import type { ActivityRun } from '@azure/arm-datafactory';
import type { ActivityRunFacts } from '../../core/publish';

export function activityRunFacts(run: ActivityRun): ActivityRunFacts {
  const error = run.error as { message?: string; errorCode?: string } | undefined;
  return {
    activityName: run.activityName ?? '',
    activityType: run.activityType ?? '',
    status: run.status ?? 'Unknown',
    ...(run.activityRunStart ? { activityRunStart: isoText(run.activityRunStart) } : {}),
    ...(run.activityRunEnd ? { activityRunEnd: isoText(run.activityRunEnd) } : {}),
    ...(typeof run.durationInMs === 'number' ? { durationInMs: run.durationInMs } : {}),
    output: run.output as unknown,
    ...(error && (error.message || error.errorCode) ? { error } : {}),
  };
}

/** The SDK gives dates as Date objects (or strings where its model has none): ISO text either way. */
export function isoText(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : String(value);
}
