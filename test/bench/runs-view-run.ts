// The timed part of the runs-view bench, in a child process trusting the emulator through NODE_EXTRA_CA_CERTS: the
// Pipeline Runs view's poller (src/factory-actions/runs-view/run-poller.ts, the code the view runs) on a virtual
// clock, each poll reading the run's status from the emulator through the official SDK client as the view does.
// Ten virtual minutes per scenario; the requests are counted in the emulator's log. Prints one JSON line.
import { isActiveRunStatus } from '../../src/core/factory';
import { benchClientPool } from './bench-client-pool';
import { RunPoller } from '../../src/factory-actions/runs-view/run-poller';
import { EmulatorControlClient } from '../../tools/emulator/control-client';
import type { BenchEmulatorInfo } from './emulator-process';
import {
  RUNS_VIEW_FACTORY,
  RUNS_VIEW_PIPELINE,
  USED_BY_SP,
  USED_BY_TENANT,
  usedBySubscriptionId,
} from './used-by-seed';

export const VIRTUAL_MINUTES = 10;

export interface RunsViewRow {
  scenario: string;
  /** Status reads the emulator logged during the 10 virtual minutes, and in the first of them. */
  requests: number;
  firstMinute: number;
  /** Reads per minute after the first (the back-off's steady state). */
  steadyPerMinute: number;
}

/** setTimeout on a clock the bench moves: minutes of polling take milliseconds, the requests are real. */
class VirtualClock {
  now = 0;
  private timers: Array<{ at: number; run: () => void }> = [];

  readonly setTimer = (run: () => void, ms: number): unknown => {
    const timer = { at: this.now + ms, run };
    this.timers.push(timer);
    return timer;
  };

  readonly clearTimer = (timer: unknown): void => {
    this.timers = this.timers.filter((t) => t !== timer);
  };

  /** Fires due timers in order up to `end`, letting each poll finish (`settle`) before the next. */
  async advanceTo(end: number, settle: () => Promise<void>): Promise<void> {
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.now = next.at;
      next.run();
      await settle();
    }
    this.now = end;
  }
}

async function run(input: BenchEmulatorInfo): Promise<RunsViewRow[]> {
  const control = new EmulatorControlClient(input.url);
  const { pool } = benchClientPool(input, { tenantId: USED_BY_TENANT, ...USED_BY_SP });
  const client = pool.dataFactory(USED_BY_TENANT, usedBySubscriptionId(0));
  const { resourceGroup, name } = RUNS_VIEW_FACTORY;
  // A run that stays InProgress (a one-hour Wait) for the whole bench.
  const { runId: activeRun } = await client.pipelines.createRun(resourceGroup, name, RUNS_VIEW_PIPELINE);

  const scenario = async (label: string, visible: boolean, runIds: string[]): Promise<RunsViewRow> => {
    const clock = new VirtualClock();
    const statuses = new Map<string, string | undefined>();
    const pollTimes: number[] = [];
    const inFlight: Array<Promise<unknown>> = [];
    const poller = new RunPoller(
      {
        activeRunIds: () => runIds.filter((id) => isActiveRunStatus(statuses.get(id))),
        refresh: (id) => {
          pollTimes.push(clock.now);
          const read = client.pipelineRuns.get(resourceGroup, name, id).then((r) => {
            const changed = r.status !== statuses.get(id);
            statuses.set(id, r.status);
            return changed;
          });
          inFlight.push(read);
          return read;
        },
      },
      { isVisible: () => visible, setTimer: clock.setTimer, clearTimer: clock.clearTimer },
    );
    // What the view knows before the bench: the last status stored (a finished run is never read again).
    for (const id of runIds) statuses.set(id, (await client.pipelineRuns.get(resourceGroup, name, id)).status);
    const since = (await control.requests()).at(-1)?.seq ?? 0;
    const settle = async (): Promise<void> => {
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.all(inFlight.splice(0));
      await new Promise((resolve) => setImmediate(resolve));
    };
    poller.kick();
    await clock.advanceTo(VIRTUAL_MINUTES * 60_000, settle);
    poller.stop();
    const logged = (await control.requests(since)).filter((r) => r.routeId === 'adf.pipelineRuns.get').length;
    if (logged !== pollTimes.length) throw new Error(`${label}: ${pollTimes.length} polls but ${logged} requests`);
    const firstMinute = pollTimes.filter((t) => t < 60_000).length;
    return {
      scenario: label,
      requests: logged,
      firstMinute,
      steadyPerMinute: (logged - firstMinute) / (VIRTUAL_MINUTES - 1),
    };
  };

  const rows = [
    await scenario('one active run, view visible', true, [activeRun]),
    await scenario('one active run, view hidden', false, [activeRun]),
  ];
  await client.pipelineRuns.cancel(resourceGroup, name, activeRun);
  for (let i = 0; i < 100; i++) {
    const status = (await client.pipelineRuns.get(resourceGroup, name, activeRun)).status;
    if (!isActiveRunStatus(status)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  rows.push(await scenario('no active run (it was cancelled), view visible', true, [activeRun]));
  return rows;
}

if (require.main === module) {
  run(JSON.parse(process.argv[2]) as BenchEmulatorInfo).then(
    (rows) => process.stdout.write(`${JSON.stringify(rows)}\n`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
