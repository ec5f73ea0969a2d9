import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { runGenerateCommand } from '../../../src/cli/generate-command';
import { generateBatchPipeline, toGitJson } from '../../../src/core/pipeline';
import { runCli, type CliRun } from '../../support/cli-io';

const URI = 'https://churn.westeurope.inference.ml.azure.com/jobs';

describe('adf-batch generate', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'adf-batch-generate-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]): Promise<CliRun> => runCli(runGenerateCommand, args, dir);

  it('writes the git JSON the generator makes, relative to cwd', async () => {
    const result = await run(
      '--endpoint-uri',
      URI,
      '--auth',
      'mi',
      '--format',
      'git',
      '--out',
      'pipeline/Run.json',
      '--deployment',
      'blue',
    );
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /Wrote .*pipeline[/\\]Run\.json/);
    const expected = toGitJson(
      generateBatchPipeline({ endpointUri: URI, auth: { kind: 'mi' }, deploymentName: 'blue' }),
    );
    // The same bytes as the wizard's export: the JSON and a final newline.
    assert.equal(readFileSync(join(dir, 'pipeline/Run.json'), 'utf8'), `${expected}\n`);
  });

  it('names the file after the pipeline when --out is a folder (arm)', async () => {
    const result = await run(
      '--endpoint-uri',
      URI,
      '--auth',
      'uami',
      '--credential',
      'uami-cred',
      '--format',
      'arm',
      '--out',
      '.',
      '--name',
      'Score',
      '--factory-name',
      'adf-prod',
      '--cloud',
      'AzureUSGovernment',
    );
    assert.equal(result.code, 0, result.stderr);
    const template = JSON.parse(readFileSync(join(dir, 'Score.arm-template.json'), 'utf8'));
    assert.equal(template.parameters.factoryName.defaultValue, 'adf-prod');
    assert.equal(template.resources[0].name, "[concat(parameters('factoryName'), '/Score')]");
    const authentication = template.resources[0].properties.activities[0].typeProperties.authentication;
    assert.deepEqual(authentication, {
      type: 'UserAssignedManagedIdentity',
      resource: 'https://ml.azure.us',
      credential: { referenceName: 'uami-cred', type: 'CredentialReference' },
    });
  });

  it('writes a template zip for sp-keyvault', async () => {
    const result = await run(
      '--endpoint-uri',
      URI,
      '--auth',
      'sp-keyvault',
      '--key-vault-linked-service',
      'KV',
      '--secret-name',
      'sp-secret',
      '--tenant-id',
      'contoso.onmicrosoft.com',
      '--client-id',
      'abc',
      '--format',
      'zip',
      '--out',
      dir,
    );
    assert.equal(result.code, 0, result.stderr);
    const files = unzipSync(readFileSync(join(dir, 'Run-BatchEndpoint.zip')));
    assert.deepEqual(Object.keys(files).sort(), [
      'Run-BatchEndpoint/Run-BatchEndpoint.json',
      'Run-BatchEndpoint/manifest.json',
    ]);
    assert.deepEqual(JSON.parse(strFromU8(files['Run-BatchEndpoint/manifest.json'])).requires, {
      linkedservices: { KV: { supportTypes: ['AzureKeyVault'] } },
    });
  });

  it('passes every pipeline option through', async () => {
    const result = await run(
      '--endpoint-uri',
      URI,
      '--auth',
      'sp-secret',
      '--tenant-id',
      't',
      '--client-id',
      'c',
      '--format',
      'git',
      '--out',
      '-',
      '--name',
      'Nightly',
      '--folder',
      'ML',
      '--description',
      'd',
      '--input-uri',
      'azureml://datastores/in/paths/a/',
      '--input-type',
      'UriFile',
      '--output-folder',
      'azureml://datastores/out/paths/runs',
      '--poll-interval',
      '30',
      '--loop-timeout',
      '0.02:00:00',
      '--cloud',
      'AzureChinaCloud',
    );
    assert.equal(result.code, 0, result.stderr);
    const expected = generateBatchPipeline({
      name: 'Nightly',
      folder: 'ML',
      description: 'd',
      endpointUri: URI,
      inputUri: 'azureml://datastores/in/paths/a/',
      inputType: 'UriFile',
      outputFolder: 'azureml://datastores/out/paths/runs',
      pollIntervalSeconds: 30,
      loopTimeout: '0.02:00:00',
      cloud: 'AzureChinaCloud',
      auth: { kind: 'sp-secret', tenantId: 't', clientId: 'c' },
    });
    assert.equal(result.stdout, `${toGitJson(expected)}\n`);
  });

  it('warns, but succeeds, with a fixed output file', async () => {
    const result = await run(
      '--endpoint-uri',
      URI,
      '--auth',
      'mi',
      '--format',
      'git',
      '--out',
      'p.json',
      '--output-uri',
      'azureml://datastores/out/paths/p.csv',
    );
    assert.equal(result.code, 0);
    assert.match(result.stderr, /^warning: the output file is fixed/);
  });

  const usageCases: Array<[string, string[], RegExp]> = [
    ['nothing at all', [], /missing --endpoint-uri, --auth, --format, --out/],
    [
      'an unknown auth',
      ['--endpoint-uri', URI, '--auth', 'password', '--format', 'git', '--out', 'x'],
      /--auth must be one of mi, uami, sp-keyvault, sp-secret, not "password"/,
    ],
    [
      'an unknown format',
      ['--endpoint-uri', URI, '--auth', 'mi', '--format', 'yaml', '--out', 'x'],
      /--format must be one of git, arm, zip/,
    ],
    [
      'uami without a credential',
      ['--endpoint-uri', URI, '--auth', 'uami', '--format', 'git', '--out', 'x'],
      /--auth uami needs --credential/,
    ],
    [
      'sp-keyvault without the secret name',
      [
        '--endpoint-uri',
        URI,
        '--auth',
        'sp-keyvault',
        '--key-vault-linked-service',
        'KV',
        '--format',
        'git',
        '--out',
        'x',
      ],
      /needs --secret-name/,
    ],
    [
      'an option of another auth',
      ['--endpoint-uri', URI, '--auth', 'mi', '--credential', 'c', '--format', 'git', '--out', 'x'],
      /--credential applies to --auth uami, not mi/,
    ],
    [
      'an unknown option',
      ['--endpoint-uri', URI, '--auth', 'mi', '--format', 'git', '--out', 'x', '--colour', 'red'],
      /Unknown option '--colour'/,
    ],
    [
      'a secret on the command line',
      ['--endpoint-uri', URI, '--auth', 'sp-secret', '--client-secret', 's3cr3t', '--format', 'git', '--out', 'x'],
      /there is no --client-secret/,
    ],
    [
      'a bad endpoint URI',
      ['--endpoint-uri', 'churn-endpoint', '--auth', 'mi', '--format', 'git', '--out', 'x'],
      /--endpoint-uri is not a valid URL/,
    ],
    [
      'an http endpoint URI',
      ['--endpoint-uri', URI.replace('https:', 'http:'), '--auth', 'mi', '--format', 'git', '--out', 'x'],
      /--endpoint-uri must be an https URL \(the pipeline sends an Entra ID token to it\), not "http:/,
    ],
    [
      'a control character in the endpoint URI',
      ['--endpoint-uri', `${URI}\n`, '--auth', 'mi', '--format', 'git', '--out', 'x'],
      /--endpoint-uri contains a control character/,
    ],
    [
      'an endpoint URI over 2,048 characters',
      ['--endpoint-uri', `${URI}?${'a'.repeat(2048)}`, '--auth', 'mi', '--format', 'git', '--out', 'x'],
      /--endpoint-uri is \d+ characters long; at most 2048 are allowed/,
    ],
    [
      'a bad poll interval',
      ['--endpoint-uri', URI, '--auth', 'mi', '--format', 'git', '--out', 'x', '--poll-interval', 'soon'],
      /--poll-interval must be a whole number/,
    ],
    [
      'a bad input type',
      ['--endpoint-uri', URI, '--auth', 'mi', '--format', 'git', '--out', 'x', '--input-type', 'Folder'],
      /--input-type must be one of UriFolder, UriFile/,
    ],
    [
      'an unknown cloud',
      ['--endpoint-uri', URI, '--auth', 'mi', '--format', 'git', '--out', 'x', '--cloud', 'Moon'],
      /--cloud must be one of AzureCloud/,
    ],
    [
      'both output options',
      [
        '--endpoint-uri',
        URI,
        '--auth',
        'mi',
        '--format',
        'git',
        '--out',
        'x',
        '--output-uri',
        'azureml://datastores/a/paths/b.csv',
        '--output-folder',
        'azureml://datastores/a/paths/c',
      ],
      /not both/,
    ],
    [
      'an output that is not on a datastore',
      [
        '--endpoint-uri',
        URI,
        '--auth',
        'mi',
        '--format',
        'git',
        '--out',
        'x',
        '--output-uri',
        'https://acct.blob.core.windows.net/c/p.csv',
      ],
      /registered datastore/,
    ],
    [
      'zip to stdout',
      ['--endpoint-uri', URI, '--auth', 'mi', '--format', 'zip', '--out', '-'],
      /use a file or folder for --format zip/,
    ],
    [
      'factory name without arm',
      ['--endpoint-uri', URI, '--auth', 'mi', '--format', 'git', '--out', 'x', '--factory-name', 'f'],
      /--factory-name applies to --format arm/,
    ],
  ];
  for (const [label, args, message] of usageCases) {
    it(`exits 2 with a clear message on ${label}`, async () => {
      const result = await run(...args);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, message);
      assert.match(result.stderr, /adf-batch generate --help/);
      assert.equal(result.stdout, '');
    });
  }

  it('--help prints the usage and exits 0', async () => {
    const result = await run('--help');
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: adf-batch generate --endpoint-uri/);
  });

  it('exits 1 when the file cannot be written', async () => {
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
    const result = await run('--endpoint-uri', URI, '--auth', 'mi', '--format', 'git', '--out', 'blocker/p.json');
    assert.equal(result.code, 1);
    assert.match(result.stderr, /cannot write blocker\/p\.json/);
  });
});
