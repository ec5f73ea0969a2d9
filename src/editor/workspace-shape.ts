// Whether a workspace is worth scanning for pipeline files: it has an ADF-shaped file (a git-integration
// `pipeline/` folder, an ARM template exported from a factory, a Fabric `pipeline-content.json`) or the user
// configured include globs. Elsewhere nothing scans the workspace; pipeline files opened there are still validated.
import * as vscode from 'vscode';

/** Validation settings section (validation-settings.ts reads the rest; it imports the validator). */
export const VALIDATION_SECTION = 'adfBatchEndpoints.validation';

/** Files that mark a workspace as holding ADF pipelines. */
export const ADF_SHAPED_FILES = [
  '**/pipeline/*.json',
  '**/pipeline-content.json',
  '**/ARMTemplateForFactory.json',
  '**/ARMTemplateParametersForFactory.json',
];
const EXCLUDED = '**/{node_modules,.git}/**';

/** Include globs in any folder's settings (they are resource-scoped: each folder of a workspace may have its own). */
export function hasIncludeGlobs(): boolean {
  const scopes = vscode.workspace.workspaceFolders?.map((folder) => folder.uri) ?? [null];
  return scopes.some((scope) => {
    const include = vscode.workspace.getConfiguration(VALIDATION_SECTION, scope).get<unknown>('include');
    return Array.isArray(include) && include.some((g) => typeof g === 'string' && g.trim() !== '');
  });
}

/** Looks for one ADF-shaped file (a search stopped at the first hit) unless include globs decide it already. */
export async function isAdfShapedWorkspace(): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) return false;
  if (hasIncludeGlobs()) return true;
  for (const pattern of ADF_SHAPED_FILES) {
    if ((await vscode.workspace.findFiles(pattern, EXCLUDED, 1)).length) return true;
  }
  return false;
}

/**
 * A cheap test that a JSON document may be a pipeline file, a superset of the validator's own classification
 * (core/editor-support/document-kind): a `pipeline/` folder, include globs, or text that mentions activities or
 * pipelines. Documents that fail it never load the validator.
 */
export function mayBePipelineText(path: string, text: string): boolean {
  return (
    /\/pipeline\/[^/]+\.json$/i.test(path) ||
    hasIncludeGlobs() ||
    text.includes('activities') ||
    /pipelines/i.test(text)
  );
}
