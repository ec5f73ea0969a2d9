import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRunCommand } from '../../../src/cli/run-command';
import { REDACTED } from '../../../src/core/engine/redaction';
import { writeRunPipelines } from '../../fixtures/run-pipelines';
import { CANARY_SECRET, revealedCanaryForms } from '../../fixtures/secret-canary';
import { runCli, type CliRun } from '../../support/cli-io';

describe('adf-batch run', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'adf-batch-run-'));
    writeRunPipelines(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[], signal?: AbortSignal): Promise<CliRun> =>
    runCli(runRunCommand, args, dir, { env: {}, ...(signal ? { signal } : {}) });

  it('exits 0 for a succeeded run and prints each activity run and the result', async () => {
    const { code, stdout } = await run([
      'pipeline/Greets.json',
      '--param',
      'who=world',
      '--param',
      'times=2',
      '--time-scale',
      '1000',
      '--show-io',
    ]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^Running pipeline Greets \(run [0-9a-f-]{36}\)$/m);
    assert.match(stdout, /^OK {8}Greet \(SetVariable\) {2}\d+ ms$/m);
    assert.match(stdout, /output: \{"name":"greeting","value":"hello world"\}/);
    assert.match(stdout, /^OK {8}Pause \(Wait\)/m);
    assert.match(stdout, /^Pipeline Greets run [0-9a-f-]{36}: Succeeded in /m);
  });

  it('exits 1 for a failed run, printing the error', async () => {
    const { code, stdout } = await run(['pipeline/Fails.json']);
    assert.equal(code, 1);
    assert.match(stdout, /^FAILED {4}Stop \(Fail\)/m);
    assert.match(stdout, /E7: stopped on purpose/);
    assert.match(stdout, /: Failed in .*\n {2}Operation on target Stop failed: stopped on purpose/);
  });

  it('prints the pipeline run and its activity runs as JSON with --format json', async () => {
    const { code, stdout } = await run([
      'pipeline/Greets.json',
      '--param',
      'who=json',
      '--format',
      'json',
      '--time-scale',
      '1000',
    ]);
    assert.equal(code, 0);
    const result = JSON.parse(stdout) as {
      pipelineRun: { status: string; parameters: Record<string, string> };
      activityRuns: Array<{ activityName: string; status: string }>;
    };
    assert.equal(result.pipelineRun.status, 'Succeeded');
    assert.deepEqual(result.pipelineRun.parameters, { who: 'json', times: '1' });
    assert.deepEqual(
      result.activityRuns.map((a) => [a.activityName, a.status]),
      [
        ['Greet', 'Succeeded'],
        ['Pause', 'Succeeded'],
      ],
    );
  });

  it('runs Execute Pipeline children found next to the pipeline file', async () => {
    const { code, stdout } = await run(['pipeline/Parent.json', '--time-scale', '1000']);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^OK {8}Call child \(ExecutePipeline\)/m);
  });

  it('shows the canary SecureString in none of its encodings, in --format json or --show-io', async () => {
    for (const args of [['--format', 'json'], ['--show-io']]) {
      const { code, stdout, stderr } = await run([
        'pipeline/Canary.json',
        '--param',
        `secret=${CANARY_SECRET}`,
        ...args,
      ]);
      assert.equal(code, 0, stdout + stderr);
      assert.deepEqual(revealedCanaryForms(stdout + stderr), [], `${args.join(' ')} output:\n${stdout}`);
      // The transformed values are there, masked (the run did produce them).
      const masked = stdout.split(REDACTED).length - 1;
      assert.equal(masked, args[0] === '--format' ? 15 : 14, `masked values in ${args.join(' ')}:\n${stdout}`);
    }
  });

  it('exits 1 when cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const { code, stdout } = await run(['pipeline/Slow.json'], controller.signal);
    assert.equal(code, 1);
    assert.match(stdout, /^CANCELLED Long wait \(Wait\)/m);
    assert.match(stdout, /: Cancelled in /);
  });

  it('exits 2 with a clear message for bad usage', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /the pipeline file is missing/],
      [['a.json', 'b.json'], /expected one pipeline file, got 2/],
      [['pipeline/Greets.json', '--param', 'novalue'], /--param must look like name=value, not "novalue"/],
      [['pipeline/Greets.json'], /Missing value for required parameter 'who'/],
      [
        ['pipeline/Greets.json', '--param', 'who=x', '--param', 'times=soon'],
        /Parameter 'times': expected an integer, got 'soon'/,
      ],
      [['pipeline/Missing.json'], /no such file or folder: .*Missing\.json/],
      [['not-json.json'], /is not valid JSON/],
      [['pipeline/Greets.json', '--format', 'xml'], /--format must be text or json/],
      [['pipeline/Greets.json', '--time-scale', '0'], /--time-scale must be a positive number/],
      [['pipeline/Greets.json', '--azure', 'nowhere.json'], /--azure: cannot read settings file/],
      [['pipeline/Greets.json', '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await run(args);
      assert.equal(code, 2, `exit code for ${args.join(' ')}`);
      assert.match(stderr, message);
      assert.match(stderr, /Usage: adf-batch run/);
    }
  });
});
