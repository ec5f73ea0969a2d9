// Called by esbuild.mjs before bundling: compiles the schema generator (TypeScript) with esbuild into the
// ignored .cache folder, then runs it to write dist/schemas/adf-pipeline.schema.json.
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** @param {typeof import('esbuild')} esbuild */
export async function buildPipelineSchema(esbuild) {
  const outfile = join('.cache', 'schema', 'generate-pipeline-schema.cjs');
  await esbuild.build({
    entryPoints: ['tools/generate/generate-pipeline-schema.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['typescript'],
    logLevel: 'warning',
  });
  const require = createRequire(import.meta.url);
  const { writePipelineSchema } = require(join(process.cwd(), outfile));
  return writePipelineSchema();
}
