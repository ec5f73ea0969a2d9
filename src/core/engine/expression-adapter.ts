// Connects the engine to the expression evaluator of src/core/expressions: the engine's scope becomes the
// evaluator's EvaluationContext (pipeline(), variables(), activity(), item()).
import { type ActivityRunView, type EvaluationContext, evaluateValue, ExpressionMemo } from '../expressions';
import type { ActivityResultView, EvaluationScope, ExpressionEvaluator } from './expression-port';

/** An evaluator for one engine: it keeps its own parses (a loop evaluates the same strings on every iteration). */
export function defaultExpressionEvaluator(): ExpressionEvaluator {
  const memo = new ExpressionMemo(5_000);
  return { evaluateValue: (value, scope) => evaluateValue(value, evaluationContext(scope), memo) };
}

export function evaluationContext(scope: EvaluationScope): EvaluationContext {
  return {
    pipeline: scope.pipeline,
    variables: (name) => {
      if (Object.prototype.hasOwnProperty.call(scope.variables, name)) return scope.variables[name];
      const key = Object.keys(scope.variables).find((k) => k.toLowerCase() === name.toLowerCase());
      return key === undefined ? undefined : scope.variables[key];
    },
    activity: (name) => {
      const result = scope.activity(name);
      return result && activityView(result);
    },
    ...(scope.item ? { item: () => (scope.item as { value: unknown }).value } : {}),
  };
}

/** What `activity('X')` shows: output, status and error, plus the run facts ADF exposes. */
function activityView(result: ActivityResultView): ActivityRunView {
  return {
    output: result.output,
    status: result.status,
    ...(result.error ? { error: result.error } : {}),
    ActivityRunId: result.activityRunId,
    PipelineRunId: result.pipelineRunId,
    ...(result.executionStartTime ? { ExecutionStartTime: result.executionStartTime } : {}),
    ...(result.executionEndTime ? { ExecutionEndTime: result.executionEndTime } : {}),
    ...(result.durationInMs !== undefined ? { Duration: result.durationInMs } : {}),
  };
}
