// Builds the review: the generated pipeline, its git JSON, the validator's problems and the diagram.
import {
  BatchPipelineOptionsError,
  generateBatchPipeline,
  toGitJson,
  type BatchPipelineOptions,
  type PipelineDocument,
} from '../core/pipeline';
import { diffPipelines, diffTexts, type PipelineDiff } from '../core/publish';
import { LineIndex, validate } from '../core/validator';
import type { DiffView, ProblemView, ReviewView } from './protocol';
import { diagramOf } from './diagram';

export interface GeneratedReview {
  view: ReviewView;
  document: PipelineDocument | undefined;
}

export function buildReview(options: BatchPipelineOptions, destination: string): GeneratedReview {
  let document: PipelineDocument;
  try {
    document = generateBatchPipeline(options);
  } catch (error) {
    const problems =
      error instanceof BatchPipelineOptionsError
        ? [...error.problems]
        : [error instanceof Error ? error.message : String(error)];
    return {
      document: undefined,
      view: {
        destination,
        json: '',
        diagram: [],
        problems: [],
        errors: 0,
        warnings: 0,
        exists: false,
        optionProblems: problems,
      },
    };
  }
  const json = toGitJson(document);
  const index = new LineIndex(json);
  const problems: ProblemView[] = validate(json).map((p) => {
    const at = index.positionAt(p.range.start);
    return { severity: p.severity, code: p.code, message: p.message, line: at.line + 1, column: at.character + 1 };
  });
  return {
    document,
    view: {
      destination,
      json,
      diagram: diagramOf(document.properties.activities),
      problems,
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
      exists: false,
      optionProblems: [],
    },
  };
}

export function toDiffView(title: string, diff: PipelineDiff): DiffView {
  return { title, identical: diff.identical, added: diff.added, removed: diff.removed, hunks: diff.hunks };
}

/** The diff of an existing file against the generated one: as pipelines when the file parses, else as text. */
export function fileDiff(existingText: string, document: PipelineDocument, generatedText: string): PipelineDiff {
  try {
    const parsed = JSON.parse(existingText) as { name?: unknown; properties?: unknown };
    if (typeof parsed === 'object' && parsed !== null && 'properties' in parsed) {
      return diffPipelines(
        { name: typeof parsed.name === 'string' ? parsed.name : document.name, properties: parsed.properties },
        document,
      );
    }
  } catch {
    // Not JSON: compare the text.
  }
  return diffTexts(existingText, generatedText);
}
