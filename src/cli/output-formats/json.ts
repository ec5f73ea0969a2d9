import { problemLocation, type Severity } from '../../core/validator';
import type { FileResult } from './types';

export interface JsonProblem {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

/** A JSON array of problems with 1-based lines and columns. */
export function toJsonProblems(results: readonly FileResult[]): JsonProblem[] {
  return results.flatMap((result) =>
    result.problems.map((problem) => ({
      file: result.file,
      ...problemLocation(result.lines, problem.range),
      severity: problem.severity,
      code: problem.code,
      message: problem.message,
    })),
  );
}

export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(toJsonProblems(results), null, 2)}\n`;
}
