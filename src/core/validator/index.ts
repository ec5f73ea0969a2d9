import * as l10n from '@vscode/l10n';
import { MAX_JSON_DEPTH, LineIndex } from '../json';
import { ValidationContext } from './context';
import { parsePipelineDocument, PipelineDocument } from './pipeline-document';
import { ALL_RULES } from './rules';
import { batchInvokesOf, type BatchInvokeInfo } from './rules/batch-endpoint';
import { reportSyntaxErrors } from './rules/json-syntax';
import type { OffsetRange, Problem, ValidateOptions } from './types';

export type { Fix, OffsetRange, Problem, RelatedLocation, Severity, TextEdit, ValidateOptions } from './types';
export { DEFAULT_LIMITS } from './types';
export type { BatchInvokeInfo } from './rules/batch-endpoint';
export { RULES, ruleDescriptor, type RuleDescriptor } from './codes';
export { LineIndex, type LineCharacter } from '../json';
export { parsePipelineDocument, PipelineDocument, type ParseReuse } from './pipeline-document';
export type { ActivityInfo, DeclarationInfo, PipelineInfo } from './pipeline-model';

/**
 * Validates an ADF pipeline file (git-integration JSON, an ARM template holding pipelines, or a bare pipeline
 * body): its text, or the document parsePipelineDocument() made of it (an editor parses each version once and
 * shares it with hover and completion). Synchronous, and the result depends only on the text and the options
 * (what a document keeps, its tree and parsed expressions, only saves time on the next version). Never throws: a
 * rule that fails on odd input is reported as ADF009 and the other rules still run.
 */
export function validate(input: string | PipelineDocument, options: ValidateOptions = {}): Problem[] {
  try {
    return validateUnguarded(input, options);
  } catch (error) {
    return [internalError('validate', error)];
  }
}

function validateUnguarded(input: string | PipelineDocument, options: ValidateOptions): Problem[] {
  let context: ValidationContext;
  try {
    const document = input instanceof PipelineDocument ? input : parsePipelineDocument(input);
    const tooDeep = document.tooDeepAt;
    if (tooDeep !== undefined) {
      const message = l10n.t(
        'The JSON is nested more than {0} levels deep here; the file was not checked further (no ADF document is this deep).',
        MAX_JSON_DEPTH,
      );
      return [{ range: { start: tooDeep, end: tooDeep + 1 }, severity: 'error', code: 'ADF004', message }];
    }
    context = new ValidationContext(document, options);
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
      l10n.t(
        'No ADF pipeline found: expected {"name", "properties": {"activities": [...]}} or an ARM template with Microsoft.DataFactory/factories/pipelines resources.',
      ),
    );
  }
  for (const rule of ALL_RULES) {
    try {
      rule.run(context);
    } catch (error) {
      context.problems.push(internalError(rule?.family ?? l10n.t('a rule'), error));
    }
  }
  return sortProblems(context.problems);
}

/**
 * The Web activities of a pipeline text that invoke an Azure ML batch endpoint (the batch rules' test), with
 * the URL each calls when it is known before a run. Never throws: unreadable text has no invokes.
 */
export function findBatchInvokes(text: string): BatchInvokeInfo[] {
  try {
    return batchInvokesOf(new ValidationContext(parsePipelineDocument(text), {}));
  } catch {
    return [];
  }
}

/** True when the text holds at least one ADF pipeline (used to pick files when scanning folders). */
export function containsPipeline(input: string | PipelineDocument): boolean {
  try {
    return (input instanceof PipelineDocument ? input : parsePipelineDocument(input)).pipelines.length > 0;
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
    message: l10n.t('Internal validator error in {0}: {1}', where, message),
  };
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}
