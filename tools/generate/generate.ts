// `npm run generate`: rebuilds src/core/adf-model/activity-types.ts from the Data Factory SDK installed in
// node_modules (the JSON schema comes from the same SDK at build time, tools/generate/build-schema.mjs).
// test/unit/architecture/generated-files.test.ts fails when the file on disk differs from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Mappers from '@azure/arm-datafactory/dist-esm/src/models/mappers.js';
import { activityTypesSource, buildActivityModel } from './activity-model';
import { readModelDocs } from './model-docs';

export const ACTIVITY_TYPES_PATH = join('src', 'core', 'adf-model', 'activity-types.ts');

/** The text activity-types.ts should have, from the SDK in `root`/node_modules. */
export function generatedActivityTypes(root = process.cwd()): string {
  const sdkFolder = join(root, 'node_modules', '@azure', 'arm-datafactory');
  const declarations = readFileSync(join(sdkFolder, 'types', 'arm-datafactory.d.ts'), 'utf8');
  const { version } = JSON.parse(readFileSync(join(sdkFolder, 'package.json'), 'utf8')) as { version: string };
  const model = buildActivityModel({
    mappers: Mappers as unknown as Record<string, unknown>,
    docs: readModelDocs(declarations),
  });
  return activityTypesSource(model, version);
}

if (require.main === module) {
  const text = generatedActivityTypes();
  writeFileSync(ACTIVITY_TYPES_PATH, text);
  console.log(`wrote ${ACTIVITY_TYPES_PATH} (${text.split('\n').length} lines)`);
}
