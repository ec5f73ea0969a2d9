// What the engine needs from the expression language: deep evaluation of JSON values in a run's scope.
// The evaluator of src/core/expressions implements it (see expression-adapter.ts); tests may pass their own.

/** What `activity('X')` returns for an activity that has run in this pipeline run. */
export interface ActivityResultView {
  output: unknown;
  status: string;
  error?: { errorCode: string; message: string; failureType: string; target: string };
  activityRunId: string;
  pipelineRunId: string;
  executionStartTime?: string;
  executionEndTime?: string;
  durationInMs?: number;
}

/** The names an expression can see at one point of a run. */
export interface EvaluationScope {
  /** `pipeline()`: DataFactory, Pipeline, RunId, TriggerTime, TriggerType, TriggerId, TriggerName, GroupId, parameters, globalParameters, ... */
  pipeline: Record<string, unknown>;
  /** `variables('x')`: current values, shared by the whole pipeline run. */
  variables: Record<string, unknown>;
  /** `activity('X')`: undefined when X has not run (yet) where this expression is evaluated. */
  activity(name: string): ActivityResultView | undefined;
  /** `item()`: present only inside a ForEach iteration or a Filter condition. */
  item?: { value: unknown };
}

export interface ExpressionEvaluator {
  /**
   * Deep-evaluates a JSON value: a string that is an expression (`@...`) or holds interpolations (`@{...}`)
   * becomes its value; objects and arrays are evaluated member by member; anything else is returned as is.
   * Throws an Error with a clear message when an expression is invalid or fails.
   */
  evaluateValue(value: unknown, scope: EvaluationScope): unknown;
}
