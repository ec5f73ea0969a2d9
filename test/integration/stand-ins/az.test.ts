// The stand-in `az` (test/stand-ins/az) through @azure/identity's real AzureCliCredential, against the
// emulator: the shapes it prints are the ones the SDK parses, and its refusals read like the real CLI's.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { AzureCliCredential } from '@azure/identity';
import { loadSeedFile } from '../../../tools/emulator/seed';
import { azLogin, azLogout } from '../../stand-ins/az/profile';
import { claimsOf } from '../emulator/fixture';
import { useEmulator } from '../../support/emulator';

const SEED = join(process.cwd(), 'test', 'fixtures', 'seeds', 'accounts.json');
const ADA = 'ada@contoso.onmicrosoft.com';
const CONTOSO = 'a0a0a0a0-0000-4000-8000-00000000000a';
const NORTHWIND = 'b0b0b0b0-0000-4000-8000-00000000000b';
const FABRIKAM = 'f0f0f0f0-0000-4000-8000-00000000000f';

describe('stand-in az (through AzureCliCredential)', () => {
  const fx = useEmulator(SEED);
  let dir: string;
  let configDir: string;
  const saved = {
    PATH: process.env.PATH,
    AZURE_CONFIG_DIR: process.env.AZURE_CONFIG_DIR,
    ADF_BATCH_EMULATOR_URL: process.env.ADF_BATCH_EMULATOR_URL,
    NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS,
  };
  const az = async (...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> => {
    try {
      const { stdout, stderr } = await promisify(execFile)('az', args, { env: process.env });
      return { stdout, stderr, code: 0 };
    } catch (error) {
      const e = error as { stdout: string; stderr: string; code: number };
      return { stdout: e.stdout, stderr: e.stderr, code: e.code };
    }
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stand-in-az-'));
    configDir = join(dir, 'azure-cli');
    const wrapper = join(dir, 'az');
    writeFileSync(
      wrapper,
      `#!/bin/sh\nexec '${process.execPath}' '${join(process.cwd(), 'out', 'test', 'stand-ins', 'az', 'main.js')}' "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
    // The credential runs `az` through a shell with this process's environment, as the extension host does.
    Object.assign(process.env, {
      PATH: `${dir}${delimiter}${saved.PATH ?? ''}`,
      AZURE_CONFIG_DIR: configDir,
      ADF_BATCH_EMULATOR_URL: fx.emulator.url,
      NODE_EXTRA_CA_CERTS: fx.emulator.caCertPath,
    });
  });
  beforeEach(() => {
    azLogout(configDir);
  });
  after(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("logged in: AzureCliCredential gets a user token of the default subscription's tenant, with its expiry", async () => {
    azLogin(configDir, loadSeedFile(SEED), ADA);
    const token = await new AzureCliCredential().getToken('https://management.azure.com/.default');
    const claims = claimsOf(token.token);
    assert.equal(claims.upn, ADA);
    assert.equal(claims.tid, CONTOSO);
    assert.equal(claims.appid, '04b07795-8ddb-461a-bbee-02f9e1bf7b46', "the Azure CLI's client id");
    assert.equal(token.expiresOnTimestamp, (claims.exp as number) * 1000, 'the credential read expires_on');
    const other = await new AzureCliCredential({ tenantId: NORTHWIND }).getToken(
      'https://management.azure.com/.default',
    );
    assert.equal(claimsOf(other.token).tid, NORTHWIND, '--tenant');
  });

  it("prints the real CLI's JSON shapes for get-access-token and account show", async () => {
    azLogin(configDir, loadSeedFile(SEED), ADA);
    const token = JSON.parse(
      (await az('account', 'get-access-token', '--resource', 'https://management.azure.com/', '--output', 'json'))
        .stdout,
    ) as Record<string, unknown>;
    assert.deepEqual(Object.keys(token).sort(), [
      'accessToken',
      'expiresOn',
      'expires_on',
      'subscription',
      'tenant',
      'tokenType',
    ]);
    assert.equal(token.subscription, '5a000000-0000-4000-8000-00000000000a');
    assert.match(String(token.expiresOn), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);
    assert.equal(typeof token.expires_on, 'number');
    const withTenant = JSON.parse((await az('account', 'get-access-token', '--tenant', NORTHWIND)).stdout) as Record<
      string,
      unknown
    >;
    assert.equal(withTenant.tenant, NORTHWIND);
    assert.ok(!('subscription' in withTenant), 'no subscription with --tenant, like the real CLI');
    const show = JSON.parse((await az('account', 'show')).stdout) as Record<string, unknown>;
    assert.equal(show.name, 'Contoso Analytics');
    assert.deepEqual(show.user, { name: ADA, type: 'user' });
    assert.equal(show.tenantDisplayName, 'Contoso');
  });

  it("logged out: the CLI's own words, and AzureCliCredential asks to run 'az login'", async () => {
    const show = await az('account', 'show');
    assert.equal(show.code, 1);
    assert.equal(show.stderr, "ERROR: Please run 'az login' to setup account.\n");
    const error = await new AzureCliCredential()
      .getToken('https://management.azure.com/.default')
      .catch((e: unknown) => e);
    assert.ok(error instanceof Error && error.name === 'CredentialUnavailableError', String(error));
    assert.match(error.message, /Please run 'az login' from a command prompt/);
  });

  it('a token for another tenant that needs an interactive sign-in: the AADSTS error and the az login --tenant to run', async () => {
    azLogin(configDir, loadSeedFile(SEED), ADA);
    const refused = await az(
      'account',
      'get-access-token',
      '--tenant',
      FABRIKAM,
      '--scope',
      'https://management.azure.com/.default',
    );
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^ERROR: AADSTS65001: The user or administrator has not consented/);
    assert.match(
      refused.stderr,
      new RegExp(
        `Run the command below to authenticate interactively; additional arguments may be added as needed:\naz logout\naz login --tenant "${FABRIKAM}" --scope "https://management.azure.com/.default"\n$`,
      ),
    );
    const error = await new AzureCliCredential({ tenantId: FABRIKAM })
      .getToken('https://management.azure.com/.default')
      .catch((e: unknown) => e);
    assert.ok(error instanceof Error, String(error));
    assert.match(error.message, /az login/);
  });

  it("az login signs the seed's user in (every tenant without consent); az login --tenant gives that tenant's consent", async () => {
    const login = await az('login');
    assert.equal(login.code, 0, login.stderr);
    const listed = JSON.parse(login.stdout) as Array<{ name: string; tenantId: string; isDefault: boolean }>;
    assert.deepEqual(
      listed.map((s) => [s.name, s.isDefault]),
      [
        ['Contoso Analytics', true],
        ['Northwind Research', false],
      ],
    );
    assert.equal(JSON.parse((await az('account', 'show')).stdout).user.name, ADA);
    assert.equal((await az('account', 'get-access-token', '--tenant', FABRIKAM)).code, 1, 'Fabrikam asks first');
    const fabrikam = await az('login', '--tenant', FABRIKAM);
    assert.equal(fabrikam.code, 0, fabrikam.stderr);
    assert.deepEqual(
      (JSON.parse(fabrikam.stdout) as Array<{ name: string }>).map((s) => s.name),
      ['Fabrikam Forecasting'],
    );
    const token = await new AzureCliCredential({ tenantId: FABRIKAM }).getToken(
      'https://management.azure.com/.default',
    );
    assert.equal(claimsOf(token.token).tid, FABRIKAM, 'consented now');
  });
});
