import type { LineIndex, Problem } from '../../core/validator';

/** The problems of one validated file, with what the formatters need to locate them. */
export interface FileResult {
  /** The path as printed: relative to the working directory when inside it, forward slashes. */
  readonly file: string;
  readonly lines: LineIndex;
  readonly problems: readonly Problem[];
}
