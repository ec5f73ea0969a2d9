// `npm run bench:validate`: how fast the validator is, next to jsonc-parser's bare parse (the floor) and
// vscode-json-languageservice validating against the ADF ARM schema (what VS Code's JSON support would do).
// Prints figures; targets are reported, never asserted.
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parse, parseTree } from 'jsonc-parser';
import { TextDocument, getLanguageService, type LanguageService } from 'vscode-json-languageservice';
import { parsePipelineDocument, validate, type PipelineDocument } from '../../src/core/validator';
import { corpusAvailable, loadCorpus, type CorpusFile } from '../unit/validator/corpus-files';

const SCHEMA_DIR = resolve('..', 'shared', 'reference', 'arm-schema');
const ADF_SCHEMA_URI = 'https://schema.management.azure.com/schemas/2018-06-01/Microsoft.DataFactory.json';
const COMMON_SCHEMA_URI = 'https://schema.management.azure.com/schemas/common/definitions.json';
const WRAPPER_URI = 'adf-batch://bench/pipeline-file.json';

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function cpuNow(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median wall-clock and CPU milliseconds of `fn` over `runs` calls (after one warm-up call). On a shared
 * machine the wall clock includes time spent waiting for a core; the process CPU time does not (it does
 * include garbage collection on helper threads), so both are reported.
 */
interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

function timeSync(fn: () => unknown, runs: number, before?: () => void): Timing {
  before?.();
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const c = cpuNow();
    const start = now();
    fn();
    wall.push(now() - start);
    cpu.push(cpuNow() - c);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

async function timeAsync(fn: () => PromiseLike<unknown>, runs: number): Promise<Timing> {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = cpuNow();
    const start = now();
    await fn();
    wall.push(now() - start);
    cpu.push(cpuNow() - c);
  }
  return { wall: median(wall), cpu: median(cpu) };
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
  service.configure({
    validate: true,
    allowComments: false,
    schemas: [{ uri: WRAPPER_URI, fileMatch: ['*.json'], schema: wrapper }],
  });
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
          ? {
              method: 'GET',
              url: { value: `@concat(pipeline().parameters.baseUrl, '/items/', string(${i}))`, type: 'Expression' },
              headers: { Accept: 'application/json' },
            }
          : {
              variableName: 'status',
              value: {
                value: previous ? `@concat(string(activity('${previous}').output), '-${i}')` : '@utcNow()',
                type: 'Expression',
              },
            },
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
        typeProperties: {
          variableName: 'status',
          value: { value: `@concat(item().name, '-${j}', pipeline().parameters.suffix)`, type: 'Expression' },
        },
      });
      last = name;
    }
    const name = `Loop ${loop}`;
    activities.push({
      name,
      type: 'ForEach',
      dependsOn: [{ activity: previous, dependencyConditions: ['Succeeded'] }],
      userProperties: [],
      typeProperties: {
        items: { value: '@createArray(json(\'{"name": "a"}\'), json(\'{"name": "b"}\'))', type: 'Expression' },
        isSequential: true,
        activities: inner,
      },
    });
    previous = name;
  }
  return JSON.stringify(
    {
      name: 'Big pipeline',
      properties: {
        activities,
        parameters: {
          baseUrl: { type: 'String', defaultValue: 'https://example.com' },
          suffix: { type: 'String', defaultValue: 'x' },
        },
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
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(`Node ${process.version}, ${cpus().length} cores, load average ${load}`);

  const perFile = {
    parse: [] as Timing[],
    parseTree: [] as Timing[],
    validate: [] as Timing[],
    schema: [] as Timing[],
  };
  for (const file of files) {
    perFile.parse.push(timeSync(() => parse(file.text), runs));
    perFile.parseTree.push(timeSync(() => parseTree(file.text), runs));
    // Cold: validating a text keeps nothing (no parsed expressions, no tree), as for a file never seen before.
    perFile.validate.push(timeSync(() => validate(file.text), runs));
    if (service) {
      const document = TextDocument.create(`file:///corpus/${encodeURIComponent(file.path)}`, 'json', 1, file.text);
      // What VS Code does per change: parse the document, then validate it against the schema.
      perFile.schema.push(
        await timeAsync(
          () => service.doValidation(document, service.parseJSONDocument(document)),
          Math.max(3, Math.ceil(runs / 3)),
        ),
      );
    }
  }

  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
  if (files.length) {
    const mb = totalBytes / (1024 * 1024);
    console.log(
      `\nCorpus: ${files.length} files, ${mb.toFixed(2)} MB; per file the median of ${runs} runs (schema path: ${Math.max(3, Math.ceil(runs / 3))}), summed over the corpus.`,
    );
    console.log('Figures: CPU time (wall-clock time in parentheses).\n');
    console.log(
      'method                                   | median per file ms | corpus ms        | ms per MB      | x bare parse',
    );
    console.log(
      '-----------------------------------------|--------------------|------------------|----------------|-------------',
    );
    const floor = sum(perFile.parse.map((t) => t.cpu));
    const row = (label: string, timings: Timing[]): void => {
      if (!timings.length) return;
      const cpu = timings.map((t) => t.cpu);
      const wall = timings.map((t) => t.wall);
      const both = (a: number, b: number): string => `${fmt(a)} (${fmt(b)})`;
      console.log(
        `${label.padEnd(41)}| ${both(median(cpu), median(wall)).padStart(18)} | ${both(sum(cpu), sum(wall)).padStart(16)} | ${both(sum(cpu) / mb, sum(wall) / mb).padStart(14)} | ${(sum(cpu) / floor).toFixed(2).padStart(5)} (${(sum(wall) / sum(perFile.parse.map((t) => t.wall))).toFixed(2)})`,
      );
    };
    row('jsonc-parser parse (bare parse, floor)', perFile.parse);
    row('jsonc-parser parseTree (with offsets)', perFile.parseTree);
    row('adf-batch validate (all rules, cold)', perFile.validate);
    row('json-languageservice + ADF ARM schema', perFile.schema);
    const ratio = (a: Timing[], b: Timing[], key: keyof Timing): number =>
      sum(a.map((t) => t[key])) / sum(b.map((t) => t[key]));
    const cpuRatio = ratio(perFile.validate, perFile.parse, 'cpu');
    console.log(
      `\nTarget: full validation within 3x the bare parse: ${cpuRatio.toFixed(2)}x CPU (${ratio(perFile.validate, perFile.parse, 'wall').toFixed(2)}x wall; ${ratio(perFile.validate, perFile.parseTree, 'cpu').toFixed(2)}x parseTree CPU) -> ${cpuRatio <= 3 ? 'met' : 'MISSED'}`,
    );
    if (perFile.schema.length) {
      const faster = ratio(perFile.schema, perFile.validate, 'cpu');
      console.log(
        `Target: faster than the schema path: ${faster.toFixed(1)}x faster CPU (${ratio(perFile.schema, perFile.validate, 'wall').toFixed(1)}x wall) -> ${faster > 1 ? 'met' : 'MISSED'}`,
      );
    }
  }

  // Re-validating a 120-activity pipeline after a one-character edit (what the editor does on each keystroke: each
  // version is parsed from the previous one, reusing its tree and parsed expressions).
  const big = bigPipeline();
  const editPoints = [...big.matchAll(/Step \d+|'-\d+'|"retry": 1/g)].map((m) => (m.index ?? 0) + m[0].length - 1);
  const bigProblems = validate(big);
  // Each edit changes one character of the previous text, as typing does (a digit inside a name, an
  // expression or a number, cycling through the places).
  let edit = 0;
  let current = big;
  const edited = (): string => {
    const at = editPoints[edit % editPoints.length];
    current = current.slice(0, at) + String((edit % 9) + 1) + current.slice(at + 1);
    edit++;
    return current;
  };
  const editRuns = 300;
  let next = edited();
  let document: PipelineDocument = parsePipelineDocument(current);
  const warm = timeSync(
    () => validate((document = parsePipelineDocument(next, { previous: document }))),
    editRuns,
    () => (next = edited()),
  );
  const cold = timeSync(
    () => validate(next),
    Math.ceil(editRuns / 3),
    () => (next = edited()),
  );
  console.log(
    `\n120-activity pipeline (${(big.length / 1024).toFixed(0)} KB, ${bigProblems.length} problem: ${bigProblems.map((p) => p.code).join(', ')}), re-validated after a one-character edit:`,
  );
  console.log(
    `  median ${fmt(warm.cpu)} ms CPU (${fmt(warm.wall)} ms wall) over ${editRuns} edits -> target < 5 ms ${warm.cpu < 5 ? 'met' : 'MISSED'}`,
  );
  console.log(
    `  cold (no cached expressions, no reused tree): median ${fmt(cold.cpu)} ms CPU (${fmt(cold.wall)} ms wall)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
