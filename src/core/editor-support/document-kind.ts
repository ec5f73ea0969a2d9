// Which JSON files are ADF pipeline files, decided from their path and their content (no editor API here).
import { minimatch } from 'minimatch';
import { parseTree, type Node } from 'jsonc-parser';
import { propertyValue } from '../json';

/** Entries of an ADF git-integration root folder; one beside a `pipeline/` folder marks it as a factory. */
export const FACTORY_FOLDER_MARKERS: readonly string[] = ['dataset', 'linkedService', 'factory', 'publish_config.json'];

/** Why a file counts as a pipeline file (undefined: it does not). */
export type PipelineFileReason = 'factory-folder' | 'content' | 'include';

/** Forward slashes, so globs and folder names compare the same on every platform. */
export function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}

/**
 * The folder that would be an ADF git-integration root if `filePath` is `<root>/pipeline/<name>.json`;
 * undefined for any other path. Folder names compare ignoring letter case (Windows checkouts).
 */
export function factoryRootOf(filePath: string): string | undefined {
  const parts = toSlashes(filePath).split('/');
  if (parts.length < 3) return undefined;
  const file = parts[parts.length - 1];
  const folder = parts[parts.length - 2];
  if (folder.toLowerCase() !== 'pipeline' || !file.toLowerCase().endsWith('.json')) return undefined;
  return parts.slice(0, -2).join('/') || '/';
}

/** True when a folder listing holds one of the entries an ADF git-integration root has besides `pipeline/`. */
export function isFactoryRootListing(entries: readonly string[]): boolean {
  const wanted = new Set(FACTORY_FOLDER_MARKERS.map((m) => m.toLowerCase()));
  return entries.some((entry) => wanted.has(entry.toLowerCase()));
}

/**
 * True when the JSON text holds a pipeline: a root with `properties.activities` (git integration, or the body
 * ADF Studio shows) or an ARM template whose resources include `Microsoft.DataFactory/factories/pipelines`
 * (or Synapse `workspaces/pipelines`), nested resources included. Tolerates syntax errors (a file being typed).
 */
export function hasPipelineContent(text: string, tree?: () => Node | undefined): boolean {
  // Cheap pre-check: most JSON files in a workspace never mention either word.
  if (!text.includes('activities') && !/pipelines/i.test(text)) return false;
  let root: Node | undefined;
  try {
    root = tree
      ? tree()
      : parseTree(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text, [], { allowTrailingComma: true });
  } catch {
    return false;
  }
  if (!root || root.type !== 'object') return false;
  const properties = propertyValue(root, 'properties');
  if (properties?.type === 'object' && propertyValue(properties, 'activities')) return true;
  const resources = propertyValue(root, 'resources');
  return resources?.type === 'array' && holdsPipelineResource(resources, false);
}

function holdsPipelineResource(resources: Node, parentIsFactory: boolean): boolean {
  for (const resource of resources.children ?? []) {
    if (resource.type !== 'object') continue;
    const type = propertyValue(resource, 'type');
    const typeText = type?.type === 'string' ? String(type.value) : '';
    if (/\/pipelines$/i.test(typeText) || (parentIsFactory && /^pipelines$/i.test(typeText))) return true;
    const nested = propertyValue(resource, 'resources');
    if (nested?.type === 'array' && holdsPipelineResource(nested, /\/(factories|workspaces)$/i.test(typeText)))
      return true;
  }
  return false;
}

/**
 * True when a path matches one of the user's glob patterns (VS Code glob syntax: `**`, `*`, `?`, `{a,b}`,
 * `[...]`). Patterns are tried against the workspace-relative path (when known) and the absolute path.
 */
export function matchesAnyGlob(
  absolutePath: string,
  relativePath: string | undefined,
  globs: readonly string[],
): boolean {
  const absolute = toSlashes(absolutePath);
  const relative = relativePath === undefined ? undefined : toSlashes(relativePath);
  return globs.some((glob) => {
    const pattern = toSlashes(glob.trim());
    if (!pattern) return false;
    const options = { dot: true, nocase: process.platform === 'win32' };
    return minimatch(absolute, pattern, options) || (relative !== undefined && minimatch(relative, pattern, options));
  });
}

export interface PipelineFileFacts {
  readonly absolutePath: string;
  readonly relativePath?: string;
  /** Whether `<root>` of `<root>/pipeline/x.json` has dataset/, linkedService/, factory/ or publish_config.json. */
  readonly inFactoryFolder: boolean;
  /** The text, when it is needed (not for files that match by path). */
  readonly text: () => string;
  /** The text's JSON tree when the caller has parsed it already (an open document); else it is parsed here. */
  readonly tree?: () => Node | undefined;
  readonly includeGlobs: readonly string[];
}

/** Why a file is a pipeline file, cheapest test first; undefined when it is not one. */
export function classifyPipelineFile(facts: PipelineFileFacts): PipelineFileReason | undefined {
  if (!facts.absolutePath.toLowerCase().endsWith('.json') && !facts.absolutePath.toLowerCase().endsWith('.jsonc')) {
    // Untitled buffers and other names can still hold a pipeline; only the content can tell.
    return matchesAnyGlob(facts.absolutePath, facts.relativePath, facts.includeGlobs)
      ? 'include'
      : hasPipelineContent(facts.text(), facts.tree)
        ? 'content'
        : undefined;
  }
  if (facts.inFactoryFolder) return 'factory-folder';
  if (matchesAnyGlob(facts.absolutePath, facts.relativePath, facts.includeGlobs)) return 'include';
  return hasPipelineContent(facts.text(), facts.tree) ? 'content' : undefined;
}
