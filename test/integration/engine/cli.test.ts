// `adf-batch run` against the emulator: the generated pipeline runs locally, its Web activities call the
// emulator over HTTPS (trusting its CA), tokens come from the emulator's Entra ID.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRunCommand } from '../../../src/cli/run-command';
import { generateBatchPipeline, toGitJson, type AuthOptions } from '../../../src/core/pipeline';
import { IDS, JOB_ERROR, useEngineEmulator } from './fixture';
import { runCli, type CliRun } from '../../support/cli-io';

describe('adf-batch run against the emulator', function () {
  this.timeout(60_000);
  const fx = useEngineEmulator(200);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'adf-batch-run-emulator-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function writePipeline(name: string, endpointName: string, auth: AuthOptions): string {
    const document = generateBatchPipeline({
      name,
      endpointUri: fx.scoringUri(endpointName),
      inputUri: 'azureml://datastores/workspaceblobstore/paths/in/',
      pollIntervalSeconds: 1,
      cloud: fx.cloud,
      auth,
    });
    const path = join(dir, `${name}.json`);
    writeFileSync(path, toGitJson(document));
    return path;
  }

  const run = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> =>
    runCli(runRunCommand, args, dir, { env });

  it('runs the managed identity variant with a service principal standing in for the factory identity (exit 0)', async () => {
    const path = writePipeline('Cli-mi', 'score-complete', { kind: 'mi' });
    const { code, stdout, stderr } = await run(
      [
        path,
        '--azure',
        fx.emulator.url,
        '--ca',
        fx.emulator.caCertPath,
        '--tenant-id',
        IDS.tenant,
        '--client-id',
        IDS.sp.clientId,
        '--time-scale',
        '200',
      ],
      { ADF_BATCH_SP_SECRET: IDS.sp.secret },
    );
    assert.equal(code, 0, `${stdout}\n${stderr}`);
    assert.match(
      stdout,
      new RegExp(
        `note: The factory's managed identity is not available outside Data Factory: service principal ${IDS.sp.clientId} is used instead`,
      ),
    );
    assert.equal(
      (stdout.match(/^ {2}OK {8}Check status \(WebActivity\)/gm) ?? []).length,
      3,
      'three polls, nested under the loop',
    );
    assert.match(stdout, /: Succeeded in /);
  });

  it("runs the Authorize variant with the secret as a parameter, and exits 1 with the job's error when the job fails", async () => {
    const path = writePipeline('Cli-sp', 'score-fail', {
      kind: 'sp-secret',
      tenantId: IDS.tenant,
      clientId: IDS.sp.clientId,
    });
    const { code, stdout } = await run([
      path,
      '--azure',
      fx.emulator.url,
      '--ca',
      fx.emulator.caCertPath,
      '--param',
      `client_secret=${IDS.sp.secret}`,
      '--time-scale',
      '200',
    ]);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /^OK {8}Authorize \(WebActivity\)/m);
    assert.ok(stdout.includes(JOB_ERROR), 'the job error is printed');
    assert.ok(!stdout.includes(IDS.sp.secret), 'the secret is never printed');
  });

  it('fails the managed identity call clearly when nobody can stand in for the factory identity', async () => {
    const path = writePipeline('Cli-noid', 'score-complete', { kind: 'mi' });
    const { code, stdout } = await run([path, '--azure', fx.emulator.url, '--ca', fx.emulator.caCertPath]);
    assert.equal(code, 1);
    assert.match(
      stdout,
      /AuthenticationFailed: .*The factory's managed identity is only available inside Azure Data Factory/,
    );
  });

  it("fails the Authorize step after one request with Entra ID's refusal as text when the secret is wrong", async () => {
    const path = writePipeline('Cli-wrong-secret', 'score-complete', {
      kind: 'sp-secret',
      tenantId: IDS.tenant,
      clientId: IDS.sp.clientId,
    });
    const { code, stdout } = await run([
      path,
      '--azure',
      fx.emulator.url,
      '--ca',
      fx.emulator.caCertPath,
      '--param',
      'client_secret=not-the-secret',
    ]);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /Entra ID refused the request: AADSTS7000215: Invalid client secret provided\./);
    assert.doesNotMatch(stdout, /error_description|Trace ID/, 'no token-endpoint JSON');
    // The generated Authorize step declares two retries 30 s apart (real time here): a refusal is not retried.
    assert.equal((stdout.match(/Authorize \(WebActivity\)/g) ?? []).length, 1, stdout);
  });
});
