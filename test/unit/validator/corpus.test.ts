// The real-world corpus: published, working pipelines must get no error; its known defects must be reported.
import * as assert from 'node:assert/strict';
import { validate, type Problem } from '../../../src/core/validator';
import { CORPUS_ROOT, corpusAvailable, loadCorpus, type CorpusFile } from './corpus-files';

interface ExpectedDefect {
  readonly matches: (path: string) => boolean;
  readonly why: string;
  /** code -> the text its range must cover (in the file). */
  readonly errors: Readonly<Record<string, string>>;
}

const EXPECTED_DEFECTS: readonly ExpectedDefect[] = [
  {
    matches: (p) => p === 'Azure-Player__azure.datafactory.tools/test/BigFactorySample2/pipeline/Multiple Waits.json',
    why: 'KNOWN-DEFECTS.md: Wait 4 depends on "If Condition1" (the activity is "If Condition")',
    errors: { ADF301: '"If Condition1"' },
  },
  {
    matches: (p) => p === 'Azure-Player__azure.datafactory.tools/test/BigFactorySample2/pipeline/PL_Wait5sec.json',
    why: "KNOWN-DEFECTS.md: @pipeline().globalParameters.GP-Int needs ['GP-Int']",
    errors: { ADF501: '-' },
  },
  {
    matches: (p) =>
      p.startsWith('Azure-Samples__modern-data-warehouse-dataops/') && p.endsWith('/P_Sample3_template.json'),
    why: 'KNOWN-DEFECTS.md: pipeline name <pipelinename>',
    errors: { ADF201: '"<pipelinename>"' },
  },
  {
    // Not in KNOWN-DEFECTS.md, but the same class as its first entry: ADF would refuse to run it.
    matches: (p) =>
      p === 'microsoft__data-factory-testing-framework/tests/functional/utf_16_encoding/pipeline-content.json',
    why: 'SetVersion depends on and reads activity "GetVersion", which the file does not contain, and sets the undeclared variable "version"',
    errors: { ADF301: '"GetVersion"', ADF507: 'GetVersion', ADF506: '"version"' },
  },
];

describe('validator: real-world corpus (../shared/corpus)', function () {
  let files: CorpusFile[] = [];
  const results = new Map<string, Problem[]>();

  before(function () {
    if (!corpusAvailable()) {
      if (process.env.CI) throw new Error(`The corpus is missing at ${CORPUS_ROOT}; CI must run the corpus tests.`);
      console.log(`    (skipped: no corpus at ${CORPUS_ROOT}; it is only present in the team workspace)`);
      this.skip();
    }
    files = loadCorpus();
    for (const file of files) results.set(file.path, validate(file.text));
  });

  it('finds the whole corpus (238 files) and a pipeline in each, decoding UTF-16 files', () => {
    assert.equal(files.length, 238);
    const noPipeline = files.filter((f) =>
      results.get(f.path)!.some((p) => p.code === 'ADF002' || p.code === 'ADF001'),
    );
    assert.deepEqual(
      noPipeline.map((f) => f.path),
      [],
    );
    const utf16 = files.filter((f) => f.utf16);
    assert.equal(utf16.length, 2, 'two Fabric files are UTF-16 with a byte-order mark');
    for (const f of utf16) assert.ok(f.text.startsWith('{') && f.text.includes('"activities"'), f.path);
  });

  it('never fails internally', () => {
    const internal = [...results].filter(([, problems]) => problems.some((p) => p.code === 'ADF009'));
    assert.deepEqual(
      internal.map(([path, problems]) => `${path}: ${problems.find((p) => p.code === 'ADF009')!.message}`),
      [],
    );
  });

  it('reports no error outside the known defects', () => {
    const unexpected: string[] = [];
    for (const [path, problems] of results) {
      if (EXPECTED_DEFECTS.some((d) => d.matches(path))) continue;
      for (const p of problems) if (p.severity === 'error') unexpected.push(`${path}: ${p.code} ${p.message}`);
    }
    assert.deepEqual(unexpected, []);
  });

  it('reports each known defect with the right code, on the right text, and nothing else as an error', () => {
    for (const defect of EXPECTED_DEFECTS) {
      const matching = files.filter((f) => defect.matches(f.path));
      assert.ok(matching.length > 0, `no corpus file for: ${defect.why}`);
      for (const file of matching) {
        const errors = results.get(file.path)!.filter((p) => p.severity === 'error');
        const covered = errors.map((p) => [p.code, file.text.slice(p.range.start, p.range.end)]);
        assert.deepEqual(covered.sort(), Object.entries(defect.errors).sort(), `${file.path} (${defect.why})`);
      }
    }
  });

  it('counts warnings and information per code (printed)', () => {
    const counts = new Map<string, number>();
    for (const problems of results.values()) {
      for (const p of problems)
        if (p.severity !== 'error')
          counts.set(`${p.severity} ${p.code}`, (counts.get(`${p.severity} ${p.code}`) ?? 0) + 1);
    }
    const lines = [...counts].sort().map(([key, n]) => `      ${key}: ${n}`);
    console.log(`    corpus: ${files.length} files, non-error problems per code:\n${lines.join('\n') || '      none'}`);
    // Warnings are allowed; this guards against a rule that suddenly floods real files.
    for (const [key, n] of counts) assert.ok(n < files.length, `${key} fires ${n} times on ${files.length} files`);
  });
});
