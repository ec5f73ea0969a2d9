// What an activity handler gets: its definition, evaluation in the current scope, and the run's services.
import type { ActivityRunCounter, EngineBudgets } from './budgets';
import type { EngineClock } from './clock';
import type { ActivityResultView, EvaluationScope, ExpressionEvaluator } from './expression-port';
import type { HttpClient } from './http-client';
import type { IdentityResolver } from './identity';
import type { SecretRedactor } from './redaction';
import type { RunStore } from './run-store';
import type { ActivityDefinition, PipelineDefinition, PipelineRunInvokedBy, PipelineRunRecord } from './types';

/** Finds the pipelines an Execute Pipeline activity names (the factory's published pipelines, or files). */
export interface PipelineResolver {
  getPipeline(name: string): Promise<PipelineDefinition | undefined>;
}

/** A handler runs one activity. It returns the activity's output, or throws an ActivityFailure. */
export type ActivityHandler = (context: ActivityContext) => Promise<unknown>;

export interface ChildRunRequest {
  pipeline: PipelineDefinition;
  parameters: Record<string, unknown>;
  invokedBy: PipelineRunInvokedBy;
  /** When the child run should stop with its parent (waitOnCompletion). */
  signal?: AbortSignal;
}

export interface ChildRun {
  runId: string;
  completion: Promise<PipelineRunRecord>;
  /** The child's pipelineReturnValue, once it has ended. */
  returnValue(): Record<string, unknown> | undefined;
}

/** Shared by every activity of one pipeline run. */
export interface RunServices {
  evaluator: ExpressionEvaluator;
  http: HttpClient;
  identity: IdentityResolver;
  pipelines: PipelineResolver;
  clock: EngineClock;
  store: RunStore;
  handlers: ReadonlyMap<string, ActivityHandler>;
  /** Real ms between polls of a Web activity's asynchronous (202 + Location) pattern. */
  webAsyncPollMs: number;
  budgets: EngineBudgets;
  startChildRun(request: ChildRunRequest): ChildRun;
}

/** One pipeline run in progress. */
export interface RunState {
  services: RunServices;
  runId: string;
  pipeline: PipelineDefinition;
  /** The `pipeline()` object. */
  pipelineContext: Record<string, unknown>;
  variables: Record<string, unknown>;
  redactor: SecretRedactor;
  /** Pipeline names from the run that was started down to this one (Execute Pipeline chain), this one last. */
  lineage: string[];
  /** Shared by a run and its child runs: the activity-run budget of the whole tree. */
  activityRuns: ActivityRunCounter;
  /** Set by SetVariable pipelineReturnValue: what Execute Pipeline reports to the parent. */
  returnValue?: Record<string, unknown>;
  /**
   * Recovery run (ADF "rerun from failed activity"): top-level activities (lower-cased names) that succeeded in
   * the referenced run. They are not run nor recorded again; their outputs stay visible to activity('...').
   */
  reused?: ReadonlyMap<string, { output: unknown }>;
}

/** The activities visible from one point of a run: a scope's own results, then its enclosing scopes'. */
export interface ScopeFrame {
  parent?: ScopeFrame;
  results: Map<string, ActivityResultView>;
  item?: { value: unknown };
  /** Activity run ids of the enclosing containers, outermost first. */
  containerRunIds: string[];
}

export interface ScopeResult {
  status: 'Succeeded' | 'Failed' | 'Cancelled';
  /** The scope's frame: a container evaluates its own expressions (Until) with the body's results visible. */
  frame?: ScopeFrame;
  /** The first failed activity that decided the outcome, with its error message. */
  failure?: { activityName: string; message: string; errorCode: string };
}

export interface ActivityContext {
  readonly activity: ActivityDefinition;
  readonly activityRunId: string;
  readonly run: RunState;
  readonly frame: ScopeFrame;
  /** Fires when the run is cancelled, or an enclosing Until times out. */
  readonly signal: AbortSignal;
  /**
   * Deep-evaluates a value of this activity's JSON; `where` names it in error messages. Throws InvalidTemplate.
   * `frame` evaluates inside a body that has run (e.g. an Until expression reading its inner activities).
   */
  evaluate(value: unknown, where: string, frame?: ScopeFrame): unknown;
  scope(): EvaluationScope;
  /** Records the activity's input (shown while it runs); hidden when policy.secureInput is set. */
  setInput(input: unknown): void;
  /** Runs a nested list of activities (a container's body) in a child scope. */
  runActivities(
    activities: ActivityDefinition[],
    options?: { item?: { value: unknown }; signal?: AbortSignal },
  ): Promise<ScopeResult>;
}
