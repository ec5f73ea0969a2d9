// What a wizard flow gets from the coordinator (controller.ts). Flows change the state and report changes; they
// never call the coordinator back: a form change or a step to enter comes back as their return value (FlowOutcome),
// and a failure of Azure work comes back from `guard` (the coordinator decides what follows, such as reloading the
// factories when one is gone).
import type { WizardOperation } from '../../core/publish';
import type { ErrorView, FormPatch, WizardStep } from '../protocol';
import type { WizardEnvironment } from '../services';
import type { WizardState } from '../state';
import type { WizardLoad } from '../load-aborts';

export interface FlowContext {
  readonly state: WizardState;
  readonly env: WizardEnvironment;
  /** Publishes a new view state. */
  changed(): void;
  /** Background work whose end whenIdle() waits for. */
  track(work: Promise<unknown>): void;
  /** Runs Azure work; a failure becomes the error banner with `retry` behind its Retry button. */
  guard(work: GuardedWork): Promise<void>;
  /** Shows the error banner, with `retry` behind its Retry button. */
  showError(error: ErrorView, retry: () => Promise<void>): void;
  /** The panel was closed: late results are dropped. */
  isDisposed(): boolean;
}

export interface GuardedWork {
  step: WizardStep;
  operation: WizardOperation;
  /** The work; `signal` is the load's (see `load`) or the user's Cancel (see `signal`). */
  run: (signal: AbortSignal | undefined) => Promise<void>;
  retry: () => Promise<void>;
  factoryName?: string;
  principalId?: string;
  /** The user's Cancel: a failure after it is no error to show (the flow says what was cancelled). */
  signal?: AbortSignal;
  /** A background read: a newer read of the same kind, closing the panel or leaving its step aborts it. */
  load?: WizardLoad;
}

/** What a flow asks the coordinator to do next. */
export interface FlowOutcome {
  /** Values the extension sets in the form (the webview takes them over). */
  patch?: FormPatch;
  /** The step to open afterwards. */
  enter?: WizardStep;
  notice?: string;
}
