// Polls the runs that can still change, only while someone looks (the view is visible): 2 s, doubling while nothing
// changes, capped at 30 s (nextPollDelayMs); a change starts over at 2 s. Nothing active or nothing visible: no timer,
// no request. stop() is the cancel path: a poll in flight finishes, its result is kept, and nothing is scheduled.
// No vscode import: the runs-view benchmark drives it against the emulator.
import { nextPollDelayMs } from '../../core/factory';

export interface PollTarget {
  /** Runs whose status can still change. */
  activeRunIds(): string[];
  /** Reads one run's status; true when it changed. Errors are the target's to show (the poll goes on). */
  refresh(runId: string, signal?: AbortSignal): Promise<boolean>;
}

export interface PollerOptions {
  isVisible(): boolean;
  firstMs?: number;
  maxMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export class RunPoller {
  private timer: unknown;
  private attempt = 0;
  private polling = false;
  private stopped = false;

  constructor(
    private readonly target: PollTarget,
    private readonly options: PollerOptions,
  ) {}

  /** (Re)starts polling at the first delay if anything is active and visible; otherwise stops. */
  kick(): void {
    this.attempt = 0;
    this.stopped = false;
    this.schedule();
  }

  /** Stops polling (view hidden, extension disposed). */
  stop(): void {
    this.stopped = true;
    this.clear();
  }

  /** Whether a poll is scheduled (for tests and the benchmark). */
  get scheduled(): boolean {
    return this.timer !== undefined;
  }

  /** Polls once now (all active runs in parallel); true when any changed. `signal` aborts the reads. */
  async pollNow(signal?: AbortSignal): Promise<boolean> {
    const results = await Promise.all(
      this.target.activeRunIds().map((id) => this.target.refresh(id, signal).catch(() => false)),
    );
    return results.some(Boolean);
  }

  private schedule(): void {
    this.clear();
    if (this.stopped || this.polling || !this.options.isVisible() || this.target.activeRunIds().length === 0) return;
    const delay = nextPollDelayMs(this.attempt, { firstMs: this.options.firstMs, maxMs: this.options.maxMs });
    const set = this.options.setTimer ?? ((run: () => void, ms: number): unknown => setTimeout(run, ms));
    this.timer = set(() => {
      this.timer = undefined;
      void this.tick();
    }, delay);
  }

  private async tick(): Promise<void> {
    if (this.stopped || !this.options.isVisible()) return;
    this.polling = true;
    let changed = false;
    try {
      changed = await this.pollNow();
    } finally {
      this.polling = false;
    }
    this.attempt = changed ? 0 : this.attempt + 1;
    this.schedule();
  }

  private clear(): void {
    if (this.timer === undefined) return;
    const clear = this.options.clearTimer ?? ((t: unknown): void => clearTimeout(t as ReturnType<typeof setTimeout>));
    clear(this.timer);
    this.timer = undefined;
  }
}
