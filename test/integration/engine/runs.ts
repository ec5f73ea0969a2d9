// Publishing a pipeline to the emulated factory and running it through @azure/arm-datafactory.
import type { ActivityRun, PipelineResource, PipelineRun } from '@azure/arm-datafactory';
import { FACTORY, RG, type EngineFixture } from './fixture';

export interface FinishedRun {
  run: PipelineRun;
  activities: ActivityRun[];
  /** Activity runs of one activity name, in start order. */
  named(name: string): ActivityRun[];
}

const TERMINAL = ['Succeeded', 'Failed', 'Cancelled'];

export async function publish(fx: EngineFixture, name: string, body: PipelineResource): Promise<void> {
  await fx.adf.pipelines.createOrUpdate(RG, FACTORY, name, body);
}

export async function startRun(
  fx: EngineFixture,
  name: string,
  parameters: Record<string, unknown> = {},
): Promise<string> {
  const { runId } = await fx.adf.pipelines.createRun(RG, FACTORY, name, { parameters });
  return runId;
}

export async function waitForRun(fx: EngineFixture, runId: string, timeoutMs = 30_000): Promise<PipelineRun> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await fx.adf.pipelineRuns.get(RG, FACTORY, runId);
    if (TERMINAL.includes(run.status ?? '')) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function activityRuns(fx: EngineFixture, runId: string): Promise<ActivityRun[]> {
  const all: ActivityRun[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await fx.adf.activityRuns.queryByPipelineRun(RG, FACTORY, runId, {
      lastUpdatedAfter: new Date(Date.now() - 3_600_000),
      lastUpdatedBefore: new Date(Date.now() + 3_600_000),
      ...(continuationToken ? { continuationToken } : {}),
    });
    all.push(...page.value);
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return all;
}

export async function publishAndRun(
  fx: EngineFixture,
  name: string,
  body: PipelineResource,
  parameters: Record<string, unknown> = {},
): Promise<FinishedRun> {
  await publish(fx, name, body);
  const runId = await startRun(fx, name, parameters);
  const run = await waitForRun(fx, runId);
  const activities = await activityRuns(fx, runId);
  return { run, activities, named: (activityName) => activities.filter((a) => a.activityName === activityName) };
}
