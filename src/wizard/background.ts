// Background work of one wizard: tracked so that tests (and closing) can wait for it, and so that an unexpected
// failure is logged instead of becoming an unhandled rejection.
import type { WizardLog } from './services';

export class BackgroundWork {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly log: WizardLog) {}

  track(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: unknown) => {
        this.log.error(
          `Unexpected wizard failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      })
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  /** Resolves once nothing tracked is running (work started meanwhile included). */
  async whenIdle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
