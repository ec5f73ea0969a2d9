import * as assert from 'node:assert/strict';
import { ACTIVITY } from '../../../src/core/pipeline';
import {
  adfStudioPipelineUrl,
  mlStudioJobUrl,
  monitorRun,
  snapshotRun,
  type ActivityRunFacts,
  type PipelineRunFacts,
  type RunStore,
} from '../../../src/core/publish';
import { getCloud } from '../../../src/core/clouds';

const FACTORY = { subscriptionId: 's', resourceGroup: 'rg', name: 'adf' };
const WS = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';
const at = (s: number): string => new Date(Date.UTC(2024, 0, 1, 0, 0, s)).toISOString();

const invoke: ActivityRunFacts = {
  activityName: ACTIVITY.invoke,
  activityType: 'WebActivity',
  status: 'Succeeded',
  activityRunStart: at(1),
  output: { name: 'job-42', id: '/x/jobs/job-42', properties: { status: 'NotStarted' } },
};
const check = (s: number, status: string): ActivityRunFacts => ({
  activityName: ACTIVITY.checkStatus,
  activityType: 'WebActivity',
  status: 'Succeeded',
  activityRunStart: at(s),
  output: { properties: { status } },
});

describe('publish: run snapshots and monitoring', () => {
  it('folds loop iterations into one row per activity and reads the job status from the latest check', () => {
    const snapshot = snapshotRun(
      { runId: 'r1', status: 'InProgress' },
      [check(20, 'Running'), invoke, check(10, 'Queued')],
      { mlStudioUrl: 'https://ml.azure.com', workspaceId: WS, tenantId: 't1' },
    );
    assert.equal(snapshot.done, false);
    assert.deepEqual(
      snapshot.activities.map((a) => [a.name, a.runs]),
      [
        [ACTIVITY.invoke, 1],
        [ACTIVITY.checkStatus, 2],
      ],
    );
    assert.deepEqual(snapshot.job, {
      name: 'job-42',
      status: 'Running',
      studioUrl: `https://ml.azure.com/runs/job-42?wsid=${encodeURIComponent(WS)}&tid=t1`,
    });
  });

  it('takes the status from the invoke before any check, reports errors, and marks terminal runs done', () => {
    const failed = snapshotRun(
      { runId: 'r1', status: 'Failed', message: 'Batch job job-42 ended with status Failed' },
      [
        invoke,
        {
          activityName: ACTIVITY.fail,
          activityType: 'Fail',
          status: 'Failed',
          activityRunStart: at(30),
          error: { message: 'Batch job job-42 ended with status Failed' },
        },
      ],
    );
    assert.equal(failed.done, true);
    assert.equal(failed.job?.status, 'NotStarted');
    assert.equal(failed.job?.studioUrl, undefined);
    assert.equal(failed.activities[1].error, 'Batch job job-42 ended with status Failed');
    assert.equal(snapshotRun({ runId: 'r', status: 'Cancelled' }, []).done, true);
    assert.equal(snapshotRun({ runId: 'r', status: 'Canceling' }, []).done, false);
  });

  it('polls until the run ends, one snapshot per poll', async () => {
    const statuses = ['Queued', 'InProgress', 'Succeeded'];
    const store: RunStore = {
      createRun: async () => 'r1',
      getRun: async (): Promise<PipelineRunFacts> => ({
        runId: 'r1',
        status: statuses.shift() ?? 'Succeeded',
        runStart: at(0),
      }),
      queryActivityRuns: async () => [invoke],
      cancelRun: async () => undefined,
    };
    const seen: string[] = [];
    const sleeps: number[] = [];
    const last = await monitorRun(store, FACTORY, 'r1', {
      intervalMs: 5,
      onSnapshot: (s) => seen.push(s.status),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    assert.deepEqual(seen, ['Queued', 'InProgress', 'Succeeded']);
    assert.deepEqual(sleeps, [5, 5]);
    assert.equal(last.job?.name, 'job-42');
  });

  it('stops following when the signal aborts', async () => {
    const controller = new AbortController();
    const store: RunStore = {
      createRun: async () => 'r1',
      getRun: async () => ({ runId: 'r1', status: 'InProgress' }),
      queryActivityRuns: async () => [],
      cancelRun: async () => undefined,
    };
    let polls = 0;
    const last = await monitorRun(store, FACTORY, 'r1', {
      intervalMs: 1,
      signal: controller.signal,
      onSnapshot: () => {
        polls += 1;
        if (polls === 2) controller.abort();
      },
    });
    assert.equal(polls, 2);
    assert.equal(last.done, false);
  });

  it('links to ADF Studio for known clouds only and to the job in ML Studio', () => {
    const factoryId = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataFactory/factories/adf';
    assert.equal(
      adfStudioPipelineUrl(getCloud('AzureCloud'), factoryId, 'Run BatchEndpoint'),
      `https://adf.azure.com/en/authoring/pipeline/Run%20BatchEndpoint?factory=${encodeURIComponent(factoryId)}`,
    );
    assert.match(adfStudioPipelineUrl(getCloud('AzureChinaCloud'), factoryId, 'p')!, /^https:\/\/adf\.azure\.cn\//);
    assert.equal(adfStudioPipelineUrl({ ...getCloud('AzureCloud'), name: 'Custom' }, factoryId, 'p'), undefined);
    assert.equal(
      mlStudioJobUrl('https://ml.azure.com/', 'j', WS.slice(1)),
      `https://ml.azure.com/runs/j?wsid=${encodeURIComponent(WS)}`,
    );
  });
});
