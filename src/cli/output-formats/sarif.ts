import { RULES, problemLocation, type Problem, type Severity } from '../../core/validator';
import type { LineIndex, OffsetRange } from '../../core/validator';
import { loadRuleHelp, type RuleHelp } from '../rule-help';
import type { FileResult } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0 for code scanning: every rule with its default level, one result per problem. */
export function toSarif(
  results: readonly FileResult[],
  toolVersion: string,
  ruleHelp: ReadonlyMap<string, RuleHelp> = loadRuleHelp(),
): Record<string, unknown> {
  const ruleIndex = new Map(RULES.map((r, i) => [r.code, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'adf-batch',
            semanticVersion: toolVersion,
            rules: RULES.map((r) => ({
              id: r.code,
              name: r.name,
              shortDescription: { text: r.summary },
              help: ruleHelp.get(r.code) ?? { text: r.summary },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { family: r.family },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory adf-batch ran in.' } } },
        results: results.flatMap((result) => result.problems.map((problem) => sarifResult(result, problem, ruleIndex))),
      },
    ],
  };
}

function sarifResult(result: FileResult, problem: Problem, ruleIndex: Map<string, number>): Record<string, unknown> {
  const location = (range: OffsetRange): Record<string, unknown> => ({
    physicalLocation: {
      artifactLocation: { uri: encodeURI(result.file), uriBaseId: '%SRCROOT%' },
      region: region(result.lines, range),
    },
  });
  const out: Record<string, unknown> = {
    ruleId: problem.code,
    level: LEVEL[problem.severity],
    message: { text: problem.message },
    locations: [location(problem.range)],
  };
  const index = ruleIndex.get(problem.code);
  if (index !== undefined) out.ruleIndex = index;
  if (problem.related?.length) {
    out.relatedLocations = problem.related.map((r, id) => ({ id, ...location(r.range), message: { text: r.message } }));
  }
  const fix = problem.fix;
  if (fix) {
    out.fixes = [
      {
        description: { text: fix.title },
        artifactChanges: [
          {
            artifactLocation: { uri: encodeURI(result.file), uriBaseId: '%SRCROOT%' },
            replacements: fix.edits.map((e) => ({
              deletedRegion: region(result.lines, e.range),
              insertedContent: { text: e.newText },
            })),
          },
        ],
      },
    ];
  }
  return out;
}

function region(lines: LineIndex, range: OffsetRange): Record<string, number> {
  const l = problemLocation(lines, range);
  return { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn };
}

export function formatSarif(results: readonly FileResult[], toolVersion: string): string {
  return `${JSON.stringify(toSarif(results, toolVersion), null, 2)}\n`;
}
