// The one error type the evaluator throws, with a stable code and, where known, the span of the culprit.
import type { Span } from './ast';

export type EvaluationErrorCode =
  | 'syntax-error'
  | 'unknown-function'
  | 'unsupported-function'
  | 'argument-count'
  | 'invalid-argument'
  | 'missing-property'
  | 'index-out-of-range'
  | 'undefined-variable'
  | 'unknown-activity'
  | 'item-outside-foreach'
  | 'missing-context'
  /** Over one of the engine's limits (steps, value size, nesting): see docs/engine.md. */
  | 'budget-exceeded';

export class EvaluationError extends Error {
  override readonly name = 'EvaluationError';

  /**
   * @param reason what went wrong, e.g. "The function 'xpath' is not supported by the local evaluator"
   * @param span where, in the value's coordinates
   * @param functionName the function being called (as written), when the error comes from a call
   * @param expression the whole value being evaluated; when given, the message quotes it
   */
  constructor(
    readonly code: EvaluationErrorCode,
    readonly reason: string,
    readonly span?: Span,
    readonly functionName?: string,
    readonly expression?: string,
  ) {
    super(
      expression === undefined ? reason : `The expression '${abbreviate(expression)}' cannot be evaluated: ${reason}`,
    );
  }

  /** The same error located at `span` (kept when it already has one). */
  at(span: Span, functionName?: string): EvaluationError {
    if (this.span) return this;
    return new EvaluationError(this.code, this.reason, span, this.functionName ?? functionName, this.expression);
  }

  /** The same error quoting the value it came from (kept when it already quotes one). */
  in(expression: string): EvaluationError {
    if (this.expression !== undefined) return this;
    return new EvaluationError(this.code, this.reason, this.span, this.functionName, expression);
  }
}

/** Shorthand for argument problems inside function implementations. */
export function invalidArgument(reason: string): EvaluationError {
  return new EvaluationError('invalid-argument', reason);
}

function abbreviate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
