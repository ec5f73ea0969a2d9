// The difference between the pipeline in the factory (or a file) and the one the wizard generated, as unified
// diff hunks over canonical JSON: keys sorted, so the order ARM happens to return them in is no difference.
import { structuredPatch } from 'diff';

export interface DiffLine {
  kind: 'context' | 'added' | 'removed';
  text: string;
}

export interface DiffHunk {
  /** `@@ -a,b +c,d @@` */
  header: string;
  lines: DiffLine[];
}

export interface PipelineDiff {
  identical: boolean;
  added: number;
  removed: number;
  hunks: DiffHunk[];
  /** The two canonical texts (the left and right of a diff editor). */
  before: string;
  after: string;
}

/** JSON with every object's keys sorted, 2-space indented, newline at the end. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/** `{name, properties}` of both sides, compared canonically. */
export function diffPipelines(
  before: { name: string; properties: unknown } | undefined,
  after: { name: string; properties: unknown },
  context = 3,
): PipelineDiff {
  const left = before === undefined ? '' : canonicalJson({ name: before.name, properties: before.properties });
  const right = canonicalJson({ name: after.name, properties: after.properties });
  return diffTexts(left, right, context);
}

export function diffTexts(before: string, after: string, context = 3): PipelineDiff {
  const patch = structuredPatch('before', 'after', before, after, undefined, undefined, { context });
  let added = 0;
  let removed = 0;
  const hunks = patch.hunks.map((hunk) => ({
    header: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
    lines: hunk.lines
      .filter((line) => !line.startsWith('\\'))
      .map((line): DiffLine => {
        const kind = line[0] === '+' ? 'added' : line[0] === '-' ? 'removed' : 'context';
        if (kind === 'added') added += 1;
        if (kind === 'removed') removed += 1;
        return { kind, text: line.slice(1) };
      }),
  }));
  return { identical: before === after, added, removed, hunks, before, after };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value as Record<string, unknown>)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
