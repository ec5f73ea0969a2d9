// The wizard's reads in flight, one per kind: a newer read of the same kind aborts the older one, and closing the
// panel or leaving the step that needs a read aborts it, down to the SDK request (its limiter slot and socket are
// freed; a hung request does not wait for the request timeout). An aborted read shows no error.

/** What the wizard reads from Azure in the background. */
export type WizardLoad = 'deployments' | 'factories' | 'factoryFacts' | 'datastores' | 'access' | 'review' | 'keyVault';

export class LoadAborts {
  private readonly controllers = new Map<WizardLoad, AbortController>();

  /** A signal for a new read of `load`; the read of the same kind still in flight is aborted. */
  start(load: WizardLoad): AbortSignal {
    this.abort(load);
    const controller = new AbortController();
    this.controllers.set(load, controller);
    return controller.signal;
  }

  /** Aborts the read of `load` in flight, if any. */
  abort(load: WizardLoad): void {
    this.controllers.get(load)?.abort();
    this.controllers.delete(load);
  }

  abortAll(): void {
    for (const controller of this.controllers.values()) controller.abort();
    this.controllers.clear();
  }

  /** Whether a read of `load` is in flight (started and neither aborted nor ended). */
  inFlight(load: WizardLoad): boolean {
    return this.controllers.has(load);
  }

  /** Forgets the controller of a read that ended (only if it is still the current one). */
  ended(load: WizardLoad, signal: AbortSignal): void {
    if (this.controllers.get(load)?.signal === signal) this.controllers.delete(load);
  }
}
