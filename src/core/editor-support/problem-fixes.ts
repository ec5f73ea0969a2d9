// Picks the fixes for one diagnostic out of the validator's problems (matched by code and range, since the
// editor hands back copies of the diagnostics, not the objects it was given).
import type { OffsetRange, Problem, TextEdit } from '../validator';

export interface EditorFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The obvious repair (shown first, applied by "auto fix"). */
  readonly preferred: boolean;
}

/** Codes whose fix is the one clear repair: renames to the closest name and declarations. */
const PREFERRED = new Set(['ADF301', 'ADF502', 'ADF505', 'ADF506', 'ADF507', 'ADF606', 'ADF706', 'ADF707']);

export function problemFixes(
  problems: readonly Problem[],
  code: string,
  range: OffsetRange,
  message?: string,
): EditorFix[] {
  const matching = problems.filter(
    (p) => p.code === code && p.range.start === range.start && p.range.end === range.end && p.fix,
  );
  // Two problems of one code on one range (rare): the message tells them apart.
  const exact = message === undefined ? matching : matching.filter((p) => p.message === message);
  return (exact.length ? exact : matching).map((p) => ({
    title: p.fix?.title ?? '',
    edits: p.fix?.edits ?? [],
    preferred: PREFERRED.has(p.code),
  }));
}
