// Build step: writes dist/schemas/adf-pipeline.schema.json from the official Data Factory model in
// node_modules/@azure/arm-datafactory (its serialization mappers and the docs in its type declarations).
// Run by esbuild.mjs through tools/generate/build-schema.mjs; also `node out/tools/generate/generate-pipeline-schema.js [out]`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as Mappers from '@azure/arm-datafactory/dist-esm/src/models/mappers.js';
import { ACTIVITY_TYPE_MODELS, type PropertyModel } from '../../src/core/adf-model';
import { readModelDocs } from './model-docs';
import { buildPipelineSchema, type JsonSchema } from './pipeline-schema';

export const PIPELINE_SCHEMA_PATH = join('dist', 'schemas', 'adf-pipeline.schema.json');

interface LooseMapper {
  serializedName?: string;
  type: { className?: string; modelProperties?: Record<string, LooseMapper> };
}

/**
 * Enum properties our validator checks (ADF103-ADF104, ADF305): the activity type and state, dependency
 * conditions, parameter and variable types, and the typeProperties enums of its activity model (two levels).
 */
export function enumsValidatedElsewhere(mappers: Readonly<Record<string, unknown>>): Set<string> {
  const covered = new Set([
    'Activity.type',
    'Activity.state',
    'Activity.onInactiveMarkAs',
    'ActivityDependency.dependencyConditions',
    'ParameterSpecification.type',
    'VariableSpecification.type',
  ]);
  const discriminators = Object.values((mappers.discriminators ?? {}) as Record<string, LooseMapper>);
  for (const model of Object.values(ACTIVITY_TYPE_MODELS)) {
    const subtype = discriminators.find((m) => m.serializedName?.toLowerCase() === model.type.toLowerCase());
    const className = subtype?.type.className;
    if (!className || !subtype.type.modelProperties) continue;
    for (const [key, property] of Object.entries(model.typeProperties)) {
      if (property.enum) covered.add(`${className}.typeProperties.${key}`);
      const nestedClass = Object.values(subtype.type.modelProperties).find(
        (m) => m.serializedName === `typeProperties.${key}`,
      )?.type.className;
      for (const [inner, innerModel] of Object.entries(property.properties ?? {}) as [string, PropertyModel][]) {
        if (innerModel.enum && nestedClass) covered.add(`${nestedClass}.${inner}`);
      }
    }
  }
  return covered;
}

/** The schema, from the installed SDK. */
export function generatePipelineSchema(
  sdkFolder = join(process.cwd(), 'node_modules', '@azure', 'arm-datafactory'),
): JsonSchema {
  const declarations = readFileSync(join(sdkFolder, 'types', 'arm-datafactory.d.ts'), 'utf8');
  const mappers = Mappers as unknown as Record<string, unknown>;
  return buildPipelineSchema({
    mappers,
    docs: readModelDocs(declarations),
    validatedElsewhere: enumsValidatedElsewhere(mappers),
  });
}

export function writePipelineSchema(outFile = PIPELINE_SCHEMA_PATH): {
  path: string;
  bytes: number;
  definitions: number;
} {
  const schema = generatePipelineSchema();
  const text = `${JSON.stringify(schema)}\n`;
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, text);
  return {
    path: outFile,
    bytes: Buffer.byteLength(text),
    definitions: Object.keys(schema.definitions as object).length,
  };
}

if (require.main === module) {
  const result = writePipelineSchema(process.argv[2]);
  console.log(`wrote ${result.path}: ${result.definitions} definitions, ${(result.bytes / 1024).toFixed(0)} KB`);
}
