// createRun's recovery parameters, as ADF documents them (REST createRun, api-version 2018-06-01):
//   isRecovery: "the specified referenced pipeline run and the new run will be grouped under the same groupId";
//   startActivityName: "the rerun will start from this activity. If not specified, all activities will run";
//   startFromFailure: "the rerun will start from failed activities. The property will be used only if
//   startActivityName is not specified."
// The activities a recovery run does not run again are the top-level ones that succeeded in the referenced run
// and are not the start activities nor downstream of them; their outputs stay visible to activity('...').
import { failArm } from './errors';
import { isObject } from './http';
import type { RecoveryPlan, ReusedActivity } from './pipeline-runs';
import type { FactoryEntity, FactoryState, PipelineRunState } from './world-types';

export interface RecoveryQuery {
  referencePipelineRunId: string | null;
  isRecovery: boolean;
  startActivityName: string | null;
  startFromFailure: boolean;
}

export function readRecoveryQuery(query: URLSearchParams): RecoveryQuery {
  const flag = (name: string): boolean => (query.get(name) ?? '').toLowerCase() === 'true';
  return {
    referencePipelineRunId: query.get('referencePipelineRunId'),
    isRecovery: flag('isRecovery'),
    startActivityName: query.get('startActivityName'),
    startFromFailure: flag('startFromFailure'),
  };
}

/** The recovery plan, or undefined for an ordinary run; answers 400/404 for inconsistent parameters. */
export function recoveryPlan(
  factory: FactoryState,
  pipeline: FactoryEntity,
  q: RecoveryQuery,
): RecoveryPlan | undefined {
  if (!q.isRecovery) {
    if (q.startActivityName || q.startFromFailure)
      failArm(
        400,
        'BadRequest',
        'startActivityName and startFromFailure apply only in recovery mode (isRecovery=true).',
      );
    return undefined;
  }
  if (!q.referencePipelineRunId)
    failArm(400, 'BadRequest', 'Recovery mode (isRecovery=true) needs referencePipelineRunId.');
  const reference = factory.runs.get(q.referencePipelineRunId.toLowerCase());
  if (!reference)
    failArm(
      404,
      'PipelineRunNotFound',
      `The referenced pipeline run '${q.referencePipelineRunId}' was not found in factory '${factory.name}'.`,
    );
  if (reference.pipelineName.toLowerCase() !== pipeline.name.toLowerCase()) {
    failArm(
      400,
      'BadRequest',
      `The referenced pipeline run '${reference.runId}' is a run of pipeline '${reference.pipelineName}', not '${pipeline.name}'.`,
    );
  }
  const top = topLevelActivities(pipeline);
  let starts: string[] = [];
  if (q.startActivityName) {
    const start = top.find((a) => a.name.toLowerCase() === q.startActivityName!.toLowerCase());
    if (!start)
      failArm(400, 'BadRequest', `Pipeline '${pipeline.name}' has no top-level activity '${q.startActivityName}'.`);
    starts = [start.name];
  } else if (q.startFromFailure) {
    if (reference.status !== 'Failed')
      failArm(
        400,
        'BadRequest',
        `The referenced pipeline run '${reference.runId}' did not fail (${reference.status}); rerun from failure needs a failed run.`,
      );
    starts = top.filter((a) => latestStatus(reference, a.name) === 'Failed').map((a) => a.name);
  }
  const reuse: ReusedActivity[] = [];
  if (starts.length) {
    const rerun = downstreamClosure(top, starts);
    for (const activity of top) {
      if (rerun.has(activity.name.toLowerCase())) continue;
      const record = latestRecord(reference, activity.name);
      if (record?.status === 'Succeeded')
        reuse.push({ activityName: activity.name, output: structuredClone(record.output) });
    }
  }
  return { referenceRunId: reference.runId, runGroupId: reference.runGroupId, reuse };
}

interface TopActivity {
  name: string;
  dependsOn: string[];
}

function topLevelActivities(pipeline: FactoryEntity): TopActivity[] {
  const list = Array.isArray(pipeline.properties.activities) ? pipeline.properties.activities : [];
  return list
    .filter(isObject)
    .filter((a) => typeof a.name === 'string')
    .map((a) => ({
      name: a.name as string,
      dependsOn: (Array.isArray(a.dependsOn) ? a.dependsOn : []).filter(isObject).map((d) => String(d.activity ?? '')),
    }));
}

/** Lower-cased names of the start activities and everything that depends on them, transitively. */
function downstreamClosure(top: TopActivity[], starts: string[]): Set<string> {
  const result = new Set(starts.map((s) => s.toLowerCase()));
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of top) {
      const key = a.name.toLowerCase();
      if (!result.has(key) && a.dependsOn.some((d) => result.has(d.toLowerCase()))) {
        result.add(key);
        grew = true;
      }
    }
  }
  return result;
}

function latestRecord(
  run: PipelineRunState,
  activityName: string,
): PipelineRunState['activityRuns'][number] | undefined {
  const records = run.activityRuns.filter((r) => r.activityName.toLowerCase() === activityName.toLowerCase());
  return records[records.length - 1];
}

function latestStatus(run: PipelineRunState, activityName: string): string | undefined {
  return latestRecord(run, activityName)?.status;
}
