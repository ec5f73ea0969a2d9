import {
  findExcessiveNesting,
  MAX_JSON_DEPTH,
  forgetLastParse,
  parseJsonDocumentReusing,
  LineIndex,
  parseJsonDocument,
} from '../json';
import { clearParseCache } from './parse-cache';
import { ValidationContext } from './context';
import { findPipelines } from './pipeline-model';
import { ALL_RULES } from './rules';
import { batchInvokesOf, type BatchInvokeInfo } from './rules/batch-endpoint';
import { reportSyntaxErrors } from './rules/json-syntax';
import type { OffsetRange, Problem, ValidateOptions } from './types';

export type { Fix, OffsetRange, Problem, RelatedLocation, Severity, TextEdit, ValidateOptions } from './types';
export { DEFAULT_LIMITS } from './types';
export type { BatchInvokeInfo } from './rules/batch-endpoint';
export { RULES, ruleDescriptor, type RuleDescriptor } from './codes';
export { LineIndex, type LineCharacter } from '../json';

/**
 * Validates the text of an ADF pipeline file (git-integration JSON, an ARM template holding pipelines, or a
 * bare pipeline body). Synchronous, and the result depends only on the text and the options (what is kept
 * between calls, parsed expressions and the last tree, only saves time on the next keystroke). Never
 * throws: a rule that fails on odd input is reported as ADF009 and the other rules still run.
 */
export function validate(text: string, options: ValidateOptions = {}): Problem[] {
  try {
    return validateUnguarded(text, options);
  } catch (error) {
    return [internalError('validate', error)];
  }
}

function validateUnguarded(text: string, options: ValidateOptions): Problem[] {
  const tooDeep = typeof text === 'string' ? findExcessiveNesting(text) : undefined;
  if (tooDeep !== undefined) {
    const message = `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep here; the file was not checked further (no ADF document is this deep).`;
    return [{ range: { start: tooDeep, end: tooDeep + 1 }, severity: 'error', code: 'ADF004', message }];
  }
  let context: ValidationContext;
  try {
    const document = parseJsonDocumentReusing(typeof text === 'string' ? text : String(text));
    context = new ValidationContext(document, findPipelines(document.root), options);
  } catch (error) {
    return [internalError('parsing', error)];
  }
  reportSyntaxErrors(context);
  if (context.document.errors.length && !context.options.checkDespiteSyntaxErrors)
    return sortProblems(context.problems);
  if (context.pipelines.length === 0 && context.document.root) {
    const root = context.document.root;
    context.report(
      'ADF002',
      { start: root.offset, end: root.offset + 1 },
      'No ADF pipeline found: expected {"name", "properties": {"activities": [...]}} or an ARM template with Microsoft.DataFactory/factories/pipelines resources.',
    );
  }
  for (const rule of ALL_RULES) {
    try {
      rule.run(context);
    } catch (error) {
      context.problems.push(internalError(rule?.family ?? 'a rule', error));
    }
  }
  return sortProblems(context.problems);
}

/**
 * Forgets what validate() keeps between calls to answer the next keystroke faster: parsed expressions and
 * the last document's tree. Benchmarks use it to time cold validations.
 */
export function clearValidatorCaches(): void {
  clearParseCache();
  forgetLastParse();
}

/**
 * The Web activities of a pipeline text that invoke an Azure ML batch endpoint (the batch rules' test), with
 * the URL each calls when it is known before a run. Never throws: unreadable text has no invokes.
 */
export function findBatchInvokes(text: string): BatchInvokeInfo[] {
  try {
    const document = parseJsonDocument(text);
    return batchInvokesOf(new ValidationContext(document, findPipelines(document.root), {}));
  } catch {
    return [];
  }
}

/** True when the text holds at least one ADF pipeline (used to pick files when scanning folders). */
export function containsPipeline(text: string): boolean {
  try {
    return findPipelines(parseJsonDocument(text).root).length > 0;
  } catch {
    return false;
  }
}

/** 1-based line/column of a problem's range, as command-line tools print them. */
export interface ProblemLocation {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function problemLocation(index: LineIndex, range: OffsetRange): ProblemLocation {
  const start = index.positionAt(range.start);
  const end = index.positionAt(range.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

function internalError(where: string, error: unknown): Problem {
  const message = error instanceof Error ? error.message : String(error);
  return {
    range: { start: 0, end: 0 },
    severity: 'info',
    code: 'ADF009',
    message: `Internal validator error in ${where}: ${message}`,
  };
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}
