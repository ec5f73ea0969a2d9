// Pipelines on disk, in ADF's git-integration layout (pipeline/<name>.json, linkedService/<name>.json):
// loading the pipeline to run, and finding what it refers to (Execute Pipeline children, Key Vault linked services).
import { readdir, readFile } from 'node:fs/promises';
import { DEFAULT_MAX_FILE_BYTES, findExcessiveNesting, MAX_JSON_DEPTH, readJsonTextFile } from '../json';
import { basename, dirname, join } from 'node:path';
import type { PipelineResolver } from './activity-context';
import type { LinkedServiceLookup } from './identity-providers';
import type { PipelineDefinition } from './types';

/**
 * Reads a pipeline file (regular files only, at most `maxBytes`, UTF-8 or UTF-16 as `validate` reads them);
 * throws an Error with a clear message when it cannot be read or is not a pipeline.
 */
export async function loadPipelineFile(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<PipelineDefinition> {
  return pipelineFromJsonText(await readJsonTextFile(path, path, maxBytes), path);
}

/** A pipeline from the text of a git-integration file (`{name, properties}`); `source` names it in messages. */
export function pipelineFromJsonText(text: string, source: string): PipelineDefinition {
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== undefined)
    throw new Error(
      `${source} is nested more than ${MAX_JSON_DEPTH} levels deep (at offset ${tooDeep}); it is not an ADF pipeline.`,
    );
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  return pipelineFromJson(json, basename(source).replace(/\.json$/i, ''), source);
}

export function pipelineFromJson(json: unknown, fallbackName: string, source = 'The pipeline'): PipelineDefinition {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error(`${source} is not a JSON object.`);
  const record = json as Record<string, unknown>;
  if (Array.isArray(record.resources)) {
    throw new Error(
      `${source} is an ARM template; run the pipeline's git-integration JSON ({ "name", "properties" }) instead.`,
    );
  }
  const properties =
    record.properties && typeof record.properties === 'object'
      ? record.properties
      : Array.isArray(record.activities)
        ? record
        : undefined;
  // A dataset, linked service or trigger file also has "properties": only "activities" make a pipeline.
  if (!properties || !Array.isArray((properties as Record<string, unknown>).activities)) {
    throw new Error(`${source} is not an ADF pipeline: it has no "properties" with "activities".`);
  }
  const name = typeof record.name === 'string' && record.name ? record.name : fallbackName;
  return { name, properties: properties as PipelineDefinition['properties'] };
}

/** Finds pipelines by name among the JSON files of a folder (a git-integration `pipeline/` folder). */
export function folderPipelineResolver(folder: string): PipelineResolver {
  return {
    async getPipeline(name: string): Promise<PipelineDefinition | undefined> {
      const direct = await tryLoad(join(folder, `${name}.json`));
      if (direct && direct.name.toLowerCase() === name.toLowerCase()) return direct;
      let files: string[] = [];
      try {
        files = (await readdir(folder)).filter((f) => f.toLowerCase().endsWith('.json'));
      } catch {
        return undefined;
      }
      for (const file of files) {
        const pipeline = await tryLoad(join(folder, file));
        if (pipeline && pipeline.name.toLowerCase() === name.toLowerCase()) return pipeline;
      }
      return undefined;
    },
  };
}

/** Linked services next to a pipeline folder: `<folder>/../linkedService/<name>.json`. */
export function folderLinkedServiceLookup(pipelineFolder: string): LinkedServiceLookup {
  const candidates = [join(dirname(pipelineFolder), 'linkedService'), join(pipelineFolder, 'linkedService')];
  return async (name: string) => {
    for (const folder of candidates) {
      try {
        const json = JSON.parse((await readFile(join(folder, `${name}.json`), 'utf8')).replace(/^\uFEFF/, '')) as {
          properties?: unknown;
        };
        if (json.properties && typeof json.properties === 'object') return json.properties as Record<string, unknown>;
      } catch {
        // try the next place
      }
    }
    return undefined;
  };
}

async function tryLoad(path: string): Promise<PipelineDefinition | undefined> {
  try {
    return await loadPipelineFile(path);
  } catch {
    return undefined;
  }
}
