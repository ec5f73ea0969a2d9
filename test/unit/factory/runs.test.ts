import * as assert from 'node:assert/strict';
import { getCloud } from '../../../src/core/clouds';
import {
  addTrackedRun,
  adfStudioRunUrl,
  formatDuration,
  isActiveRunStatus,
  MAX_TRACKED_RUNS,
  nextPollDelayMs,
  readTrackedRuns,
  runDurationMs,
  statusIcon,
  studioJobUrl,
  toStoredRuns,
  type TrackedRun,
} from '../../../src/core/factory';

const run = (runId: string, extra: Partial<TrackedRun> = {}): TrackedRun => ({
  runId,
  factoryId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataFactory/factories/f',
  pipelineName: 'p',
  source: 'tree',
  startedAt: '2026-01-01T00:00:00Z',
  ...extra,
});

describe('core/factory: runs', () => {
  it('formats durations and statuses', () => {
    assert.equal(formatDuration(850), '850 ms');
    assert.equal(formatDuration(42_000), '42 s');
    assert.equal(formatDuration(185_000), '3 min 5 s');
    assert.equal(formatDuration(2 * 3600_000 + 4 * 60_000), '2 h 4 min');
    assert.equal(formatDuration(undefined), '');
    assert.equal(runDurationMs({ runStart: '2026-01-01T00:00:00Z', runEnd: '2026-01-01T00:01:00Z' }), 60_000);
    assert.equal(runDurationMs({ durationInMs: 5 }), 5);
    assert.equal(statusIcon('Failed'), 'error');
    assert.equal(statusIcon('Succeeded'), 'pass');
    assert.equal(statusIcon('InProgress'), 'sync~spin');
    assert.equal(isActiveRunStatus('InProgress'), true);
    assert.equal(isActiveRunStatus('Failed'), false);
  });

  it('backs off polling from 2 s to a 30 s cap', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 40].map((n) => nextPollDelayMs(n)),
      [2000, 4000, 8000, 16000, 30000, 30000, 30000],
    );
  });

  it('keeps only ids and names when storing, and reads back defensively', () => {
    const withSecret = { ...run('a'), parameters: { client_secret: 's3cret' }, token: 'x' } as unknown as TrackedRun;
    const stored = toStoredRuns([withSecret]);
    assert.doesNotMatch(JSON.stringify(stored), /s3cret|token/);
    assert.equal(stored[0].runId, 'a');
    assert.deepEqual(readTrackedRuns('garbage'), []);
    assert.deepEqual(readTrackedRuns([null, 3, { runId: 1 }]), []);
    let list: TrackedRun[] = [];
    for (let i = 0; i < MAX_TRACKED_RUNS + 5; i++) list = addTrackedRun(list, run(`r${i}`));
    assert.equal(list.length, MAX_TRACKED_RUNS);
    assert.equal(list[0].runId, `r${MAX_TRACKED_RUNS + 4}`);
    assert.equal(addTrackedRun(list, run('R0'.toLowerCase())).filter((r) => r.runId === 'r0').length, 1);
  });

  it('links to ADF Studio only for known clouds, and to a job in ML Studio', () => {
    const factoryId = run('a').factoryId;
    assert.equal(
      adfStudioRunUrl(getCloud('AzureCloud'), factoryId, 'r1'),
      `https://adf.azure.com/en/monitoring/pipelineruns/r1?factory=${encodeURIComponent(factoryId)}`,
    );
    assert.match(adfStudioRunUrl(getCloud('AzureUSGovernment'), factoryId, 'r1') ?? '', /^https:\/\/adf\.azure\.us\//);
    const custom = { ...getCloud('AzureCloud'), name: 'Custom' as const, mlStudioUrl: 'https://127.0.0.1:1/studio' };
    assert.equal(adfStudioRunUrl(custom, factoryId, 'r1'), undefined);
    assert.equal(
      studioJobUrl(custom, { id: '/ws', tenantId: 't' }, 'batchjob-1'),
      'https://127.0.0.1:1/studio/runs/batchjob-1?wsid=%2Fws&tid=t',
    );
  });
});
