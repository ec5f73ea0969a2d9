// `npm run bench:validate`: how fast the validator is, next to jsonc-parser's bare parse (the floor) and
// vscode-json-languageservice validating against the ADF ARM schema (what VS Code's JSON support would do).
// Prints figures; targets are reported, never asserted.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, parseTree } from 'jsonc-parser';
import { TextDocument, getLanguageService, type LanguageService } from 'vscode-json-languageservice';
import { validate } from '../../src/core/validator';
import { corpusAvailable, loadCorpus, type CorpusFile } from '../unit/validator/corpus-files';

const SCHEMA_DIR = resolve('..', 'shared', 'reference', 'arm-schema');
const ADF_SCHEMA_URI = 'https://schema.management.azure.com/schemas/2018-06-01/Microsoft.DataFactory.json';
const COMMON_SCHEMA_URI = 'https://schema.management.azure.com/schemas/common/definitions.json';
const WRAPPER_URI = 'adf-batch://bench/pipeline-file.json';

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median milliseconds of `fn` over `runs` calls (after one warm-up call). */
function timeSync(fn: () => unknown, runs: number): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    fn();
    samples.push(now() - start);
  }
  return median(samples);
}

async function timeAsync(fn: () => PromiseLike<unknown>, runs: number): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    await fn();
    samples.push(now() - start);
  }
  return median(samples);
}

/** vscode-json-languageservice with the ADF ARM schema, its references read from the local copies. */
function schemaService(): LanguageService | undefined {
  if (!existsSync(SCHEMA_DIR)) return undefined;
  const local: Record<string, string> = {
    [ADF_SCHEMA_URI]: resolve(SCHEMA_DIR, 'Microsoft.DataFactory.2018-06-01.json'),
    [COMMON_SCHEMA_URI]: resolve(SCHEMA_DIR, 'common.definitions.json'),
  };
  const service = getLanguageService({
    schemaRequestService: async (uri) => {
      const path = local[uri.replace(/#.*$/, '')];
      if (!path) throw new Error(`no local copy of ${uri}`);
      return readFileSync(path, 'utf8');
    },
  });
  // Git files: `properties` is a Pipeline; ARM templates: each resource checked as a pipeline resource.
  const wrapper = {
    type: 'object',
    properties: {
      properties: { $ref: `${ADF_SCHEMA_URI}#/definitions/Pipeline` },
      resources: { type: 'array', items: { $ref: `${ADF_SCHEMA_URI}#/resourceDefinitions/factories_pipelines` } },
    },
  };
  service.configure({ validate: true, allowComments: false, schemas: [{ uri: WRAPPER_URI, fileMatch: ['*.json'], schema: wrapper }] });
  return service;
}

/** A 120-activity pipeline (40 top level, 10 ForEach loops of 8) with dependencies and expressions. */
function bigPipeline(): string {
  const activities: unknown[] = [];
  let previous: string | undefined;
  for (let i = 0; i < 30; i++) {
    const name = `Step ${i}`;
    activities.push({
      name,
      type: i % 3 === 0 ? 'WebActivity' : 'SetVariable',
      dependsOn: previous ? [{ activity: previous, dependencyConditions: ['Succeeded'] }] : [],
      policy: { timeout: '0.00:10:00', retry: 1, retryIntervalInSeconds: 30, secureOutput: false, secureInput: false },
      userProperties: [],
      typeProperties:
        i % 3 === 0
          ? { method: 'GET', url: { value: `@concat(pipeline().parameters.baseUrl, '/items/', string(${i}))`, type: 'Expression' }, headers: { Accept: 'application/json' } }
          : { variableName: 'status', value: { value: previous ? `@concat(string(activity('${previous}').output), '-${i}')` : "@utcNow()", type: 'Expression' } },
    });
    previous = name;
  }
  for (let loop = 0; loop < 10; loop++) {
    const inner: unknown[] = [];
    let last: string | undefined;
    for (let j = 0; j < 8; j++) {
      const name = `Loop ${loop} item ${j}`;
      inner.push({
        name,
        type: 'SetVariable',
        dependsOn: last ? [{ activity: last, dependencyConditions: ['Succeeded'] }] : [],
        userProperties: [],
        typeProperties: { variableName: 'status', value: { value: `@concat(item().name, '-${j}', pipeline().parameters.suffix)`, type: 'Expression' } },
      });
      last = name;
    }
    const name = `Loop ${loop}`;
    activities.push({
      name,
      type: 'ForEach',
      dependsOn: [{ activity: previous, dependencyConditions: ['Succeeded'] }],
      userProperties: [],
      typeProperties: { items: { value: "@createArray(json('{\"name\": \"a\"}'), json('{\"name\": \"b\"}'))", type: 'Expression' }, isSequential: true, activities: inner },
    });
    previous = name;
  }
  return JSON.stringify(
    {
      name: 'Big pipeline',
      properties: {
        activities,
        parameters: { baseUrl: { type: 'String', defaultValue: 'https://example.com' }, suffix: { type: 'String', defaultValue: 'x' } },
        variables: { status: { type: 'String' } },
        annotations: [],
      },
    },
    null,
    4,
  );
}

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
}

async function main(): Promise<void> {
  const files: CorpusFile[] = corpusAvailable() ? loadCorpus() : [];
  if (!files.length) console.log('No corpus at ../shared/corpus: corpus figures are skipped.');
  const totalBytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
  const runs = Number(process.env.BENCH_RUNS ?? 15);
  const service = schemaService();
  if (!service) console.log('No ARM schema at ../shared/reference/arm-schema: the schema path is skipped.');

  const perFile = { parse: [] as number[], parseTree: [] as number[], validate: [] as number[], schema: [] as number[] };
  for (const file of files) {
    perFile.parse.push(timeSync(() => parse(file.text), runs));
    perFile.parseTree.push(timeSync(() => parseTree(file.text), runs));
    perFile.validate.push(timeSync(() => validate(file.text), runs));
    if (service) {
      const document = TextDocument.create(`file:///corpus/${encodeURIComponent(file.path)}`, 'json', 1, file.text);
      // What VS Code does per change: parse the document, then validate it against the schema.
      perFile.schema.push(await timeAsync(() => service.doValidation(document, service.parseJSONDocument(document)), Math.max(3, Math.ceil(runs / 3))));
    }
  }

  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
  if (files.length) {
    const mb = totalBytes / (1024 * 1024);
    console.log(`\nCorpus: ${files.length} files, ${mb.toFixed(2)} MB; medians of ${runs} runs per file\n`);
    console.log('method                                   | median/file ms | corpus ms | ms per MB | x bare parse');
    console.log('-----------------------------------------|----------------|-----------|-----------|-------------');
    const floor = sum(perFile.parse);
    const row = (label: string, values: number[]): void => {
      if (!values.length) return;
      const total = sum(values);
      console.log(`${label.padEnd(41)}| ${fmt(median(values)).padStart(14)} | ${fmt(total).padStart(9)} | ${fmt(total / mb).padStart(9)} | ${(total / floor).toFixed(2).padStart(11)}`);
    };
    row('jsonc-parser parse (bare parse, floor)', perFile.parse);
    row('jsonc-parser parseTree (with offsets)', perFile.parseTree);
    row('adf-batch validate (all rules)', perFile.validate);
    row('json-languageservice + ADF ARM schema', perFile.schema);
    const ratio = sum(perFile.validate) / floor;
    const treeRatio = sum(perFile.validate) / sum(perFile.parseTree);
    console.log(`\nTarget: validate within 3x bare parse: ${ratio.toFixed(2)}x parse, ${treeRatio.toFixed(2)}x parseTree -> ${ratio <= 3 ? 'met' : 'MISSED'}`);
    if (perFile.schema.length) {
      const faster = sum(perFile.schema) / sum(perFile.validate);
      console.log(`Target: faster than the schema path: ${faster.toFixed(1)}x faster -> ${faster > 1 ? 'met' : 'MISSED'}`);
    }
  }

  // Re-validating a 120-activity pipeline after a one-character edit (what the editor does on each keystroke).
  const big = bigPipeline();
  const editPoints = [...big.matchAll(/Step \d+|'-\d+'|"retry": 1/g)].map((m) => (m.index ?? 0) + m[0].length - 1);
  const bigProblems = validate(big);
  const samples: number[] = [];
  for (let i = 0; i < 300; i++) {
    const at = editPoints[i % editPoints.length];
    const edited = big.slice(0, at) + String((i % 9) + 1) + big.slice(at + 1);
    const start = now();
    validate(edited);
    samples.push(now() - start);
  }
  const editMedian = median(samples.slice(20));
  console.log(`\n120-activity pipeline (${(big.length / 1024).toFixed(0)} KB, ${bigProblems.length} problems): re-validation after a one-character edit, median ${fmt(editMedian)} ms over ${samples.length - 20} edits -> target < 5 ms ${editMedian < 5 ? 'met' : 'MISSED'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
