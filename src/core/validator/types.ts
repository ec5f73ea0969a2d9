import type { TextEdit } from '../json';

export type { TextEdit } from '../json';

export type Severity = 'error' | 'warning' | 'info';

/** Offsets into the validated text: `start` inclusive, `end` exclusive. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export interface RelatedLocation {
  readonly range: OffsetRange;
  readonly message: string;
}

/** A complete set of text edits (offsets into the validated text) that repairs the problem. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface Problem {
  readonly range: OffsetRange;
  readonly severity: Severity;
  /** Stable code, e.g. `ADF301`; see docs/rules.md. */
  readonly code: string;
  readonly message: string;
  readonly related?: readonly RelatedLocation[];
  readonly fix?: Fix;
}

export interface ValidateOptions {
  /** Activities per pipeline, counting nested ones (ADF's default today is 80; older validators used 40). */
  readonly maxActivities?: number;
  /** Parameters per pipeline (ADF: 50). */
  readonly maxParameters?: number;
  /** Characters per expression (ADF: 8,192). */
  readonly maxExpressionLength?: number;
  /** Bytes of a pipeline object (ADF: 200 KB). */
  readonly maxPipelineBytes?: number;
  /** Per-code severity overrides; 'off' drops the code. */
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  /** Also run the pipeline rules when the JSON has syntax errors (default false: only syntax errors). */
  readonly checkDespiteSyntaxErrors?: boolean;
}

export const DEFAULT_LIMITS = {
  maxActivities: 80,
  maxParameters: 50,
  maxExpressionLength: 8192,
  maxPipelineBytes: 200 * 1024,
} as const;
