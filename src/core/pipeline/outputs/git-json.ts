// ADF git-integration file text: `{name, properties}` with 4-space indentation, as ADF Studio commits it.
import { PipelineDocument } from '../model';

/** Keys keep the generator's order, so the same options always give the same bytes. */
export function toGitJson(pipeline: PipelineDocument): string {
  return JSON.stringify({ name: pipeline.name, properties: pipeline.properties }, null, 4);
}

/** The file name ADF Studio uses for the pipeline in a git repository: `pipeline/<name>.json`. */
export function gitJsonPath(pipeline: PipelineDocument): string {
  return `pipeline/${pipeline.name}.json`;
}
