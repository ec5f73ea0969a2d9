// The engine's own Azure requests (Entra ID tokens, Key Vault secrets) outside Data Factory, against the emulator's
// `hang` fault over real HTTPS: a request that is never answered fails its activity after the request timeout
// (`adf-batch run --request-timeout`), naming who did not answer; cancelling the run ends the request at once.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRunCommand } from '../../../src/cli/run-command';
import { runPipelineFile, runTargetFromUrl } from '../../../src/core/engine';
import { EmulatorControlClient } from '../../../tools/emulator/control-client';
import { runCli } from '../../support/cli-io';
import { IDS, useEngineEmulator } from './fixture';

describe('engine: a hung token or Key Vault request (emulator hang fault)', function () {
  this.timeout(60_000);
  const fx = useEngineEmulator(200);
  let dir: string;
  let control: EmulatorControlClient;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'engine-azure-timeouts-'));
    control = new EmulatorControlClient(fx.emulator.url, { caCertPem: fx.emulator.caCertPem });
    // A Key Vault linked service whose vault is the emulator (any path there can be told to hang).
    mkdirSync(join(dir, 'linkedService'));
    writeFileSync(
      join(dir, 'linkedService', 'kv-hung.json'),
      JSON.stringify({
        name: 'kv-hung',
        properties: { type: 'AzureKeyVault', typeProperties: { baseUrl: `${fx.emulator.url}/kv-hung/` } },
      }),
    );
    mkdirSync(join(dir, 'pipeline'));
    writeFileSync(join(dir, 'pipeline', 'Call.json'), JSON.stringify(pipeline()));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a hung Key Vault read fails the activity after --request-timeout, saying Key Vault did not answer', async () => {
    const hang = await control.addFault({ kind: 'hang', route: '^/kv-hung/secrets/', method: 'GET', count: 100 });
    const started = Date.now();
    const { code, stdout, stderr } = await runCli(
      runRunCommand,
      [
        join('pipeline', 'Call.json'),
        '--azure',
        fx.emulator.url,
        '--ca',
        fx.emulator.caCertPath,
        '--tenant-id',
        IDS.tenant,
        '--client-id',
        IDS.sp.clientId,
        '--request-timeout',
        '0.5',
      ],
      dir,
      { env: { ADF_BATCH_SP_SECRET: IDS.sp.secret } },
    );
    const elapsed = Date.now() - started;
    const printed = `${stdout}${stderr}`;
    assert.equal(code, 1, printed);
    assert.match(printed, /Key Vault did not answer in 0\.5 s \(GET 127\.0\.0\.1:\d+\)/, printed);
    assert.ok(elapsed < 15_000, `ended after ${elapsed} ms`);
    const seen = await control.fault(hang.id);
    assert.equal(seen.hits, 1, 'one request (an authentication failure is not retried)');
    assert.equal(seen.held, 0, 'the request was closed');
  });

  it('a hung token request fails the activity after the request timeout, saying Entra ID did not answer', async () => {
    const hang = await control.addFault({ kind: 'hang', route: 'entra.tokenV1', count: 100 });
    const result = await runPipelineFile({
      file: join(dir, 'pipeline', 'Call.json'),
      target: {
        settings: { ...runTargetFromUrl(fx.emulator.url), servicePrincipal: { tenantId: IDS.tenant, clientId: 'x' } },
        caPem: fx.emulator.caCertPem,
        servicePrincipalSecret: 'unused',
        requestTimeoutMs: 500,
      },
      parameters: {},
    });
    assert.equal(result.outcome, 'completed');
    if (result.outcome !== 'completed') return;
    assert.equal(result.pipelineRun.status, 'Failed');
    const call = result.activityRuns.find((a) => a.activityName === 'Call');
    assert.match(call?.error?.message ?? '', /Entra ID did not answer in 0\.5 s/, JSON.stringify(call?.error));
    assert.equal((await control.fault(hang.id)).held, 0);
  });

  it('cancelling the run ends a hung Key Vault read at once, whatever the request timeout', async () => {
    const hang = await control.addFault({ kind: 'hang', route: '^/kv-hung/secrets/', method: 'GET', count: 100 });
    const cancel = new AbortController();
    const run = runPipelineFile({
      file: join(dir, 'pipeline', 'Call.json'),
      target: {
        settings: {
          ...runTargetFromUrl(fx.emulator.url),
          servicePrincipal: { tenantId: IDS.tenant, clientId: IDS.sp.clientId },
        },
        caPem: fx.emulator.caCertPem,
        servicePrincipalSecret: IDS.sp.secret,
        requestTimeoutMs: 600_000,
      },
      parameters: {},
      signal: cancel.signal,
    });
    const deadline = Date.now() + 30_000;
    while ((await control.fault(hang.id)).held === 0) {
      if (Date.now() > deadline) throw new Error('the Key Vault read never reached the emulator');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const cancelled = Date.now();
    cancel.abort();
    const result = await run;
    assert.ok(Date.now() - cancelled < 5_000, 'ended at once');
    assert.equal(result.outcome, 'completed');
    if (result.outcome === 'completed') assert.equal(result.pipelineRun.status, 'Cancelled');
    const deadlineClosed = Date.now() + 10_000;
    while ((await control.fault(hang.id)).held !== 0) {
      if (Date.now() > deadlineClosed) throw new Error('the hung request was never closed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
});

/** One Web activity authenticating as a service principal whose secret is in the (hung) Key Vault. */
function pipeline(): unknown {
  return {
    name: 'Call',
    properties: {
      activities: [
        {
          name: 'Call',
          type: 'WebActivity',
          typeProperties: {
            method: 'GET',
            url: 'https://example.invalid/',
            authentication: {
              type: 'ServicePrincipal',
              userTenant: IDS.tenant,
              username: IDS.sp.clientId,
              resource: 'https://ml.azure.com',
              password: {
                type: 'AzureKeyVaultSecret',
                store: { referenceName: 'kv-hung', type: 'LinkedServiceReference' },
                secretName: 'sp-secret',
              },
            },
          },
        },
      ],
    },
  };
}
