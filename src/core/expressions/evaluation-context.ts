// What an expression can see while it is evaluated. Every member is optional: a missing one makes the
// matching function (item(), activity(), ...) fail with a clear message instead of guessing.
import type { EvaluationBudget } from './budget';

/** What `activity('X')` returns: the run record of an activity that ran upstream. */
export interface ActivityRunView {
  readonly output?: unknown;
  readonly status?: string;
  readonly error?: unknown;
  readonly [property: string]: unknown;
}

/** What `pipeline()` returns. */
export interface PipelineContext {
  readonly parameters?: Readonly<Record<string, unknown>>;
  readonly globalParameters?: Readonly<Record<string, unknown>>;
  readonly DataFactory?: string;
  readonly Pipeline?: string;
  readonly RunId?: string;
  readonly TriggerType?: string;
  readonly TriggerId?: string;
  readonly TriggerName?: string;
  readonly TriggerTime?: string;
  readonly GroupId?: string;
  readonly [property: string]: unknown;
}

export interface EvaluationContext {
  readonly pipeline?: PipelineContext;
  /** `variables('x')`: the current value; undefined when the pipeline has no such variable. */
  readonly variables?: (name: string) => unknown;
  /** `activity('X')`: undefined when X has not run upstream of the expression. */
  readonly activity?: (name: string) => ActivityRunView | undefined;
  /** `item()`: present only inside a ForEach iteration (or a Filter condition). */
  readonly item?: () => unknown;
  /** `dataset()`, `linkedService()`, `trigger()`: present only where ADF offers them. */
  readonly dataset?: () => unknown;
  readonly linkedService?: () => unknown;
  readonly trigger?: () => unknown;
  /** The clock of utcNow(), getFutureTime() and getPastTime(); the real clock by default. */
  readonly now?: () => Date;
  /** Random numbers in [0, 1) for rand(); Math.random by default. */
  readonly random?: () => number;
  /** New GUIDs (`xxxxxxxx-xxxx-...`, lowercase) for guid(); crypto.randomUUID by default. */
  readonly newGuid?: () => string;
  /** Limits on steps and value sizes; DEFAULT_EVALUATION_BUDGET for what is not given. */
  readonly budget?: Partial<EvaluationBudget>;
}
