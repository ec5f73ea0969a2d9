// User accounts: one person in several tenants, per-tenant consent, the claims of user tokens, the tenants
// ARM lists for them, and a sovereign cloud's audiences (seed `cloud`), through the real SDK clients.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { RestError } from '@azure/core-rest-pipeline';
import { EmulatorControlError } from '../../../tools/emulator/control-client';
import type { EmulatorSeed } from '../../../tools/emulator/index';
import { loadSeedFile } from '../../../tools/emulator/seed';
import { all, claimsOf } from './fixture';
import { emulatorArmClientOptions } from './trust';
import { useEmulator } from '../../support/emulator';

const SEED_PATH = join(process.cwd(), 'test', 'fixtures', 'seeds', 'accounts.json');
const ADA = 'ada@contoso.onmicrosoft.com';
const TENANTS = {
  contoso: 'a0a0a0a0-0000-4000-8000-00000000000a',
  northwind: 'b0b0b0b0-0000-4000-8000-00000000000b',
  fabrikam: 'f0f0f0f0-0000-4000-8000-00000000000f',
  elsewhere: 'e0e0e0e0-0000-4000-8000-00000000000e',
};

describe('emulator: user accounts, tenants and consent', () => {
  const fx = useEmulator(SEED_PATH, { resetEachTest: false });
  const seed = loadSeedFile(SEED_PATH);

  /** Ada's tokens through the control API, as a TokenCredential for the SDK clients. */
  const adaIn = (tenantId?: string, options: { interactive?: boolean } = {}): TokenCredential => ({
    async getToken(scopes): Promise<AccessToken> {
      const answer = await fx.control.userToken({
        user: ADA,
        tenantId,
        scope: ([] as string[]).concat(scopes)[0]!,
        interactive: options.interactive,
      });
      return { token: answer.accessToken, expiresOnTimestamp: answer.expiresOn * 1000 };
    },
  });
  const subscriptionClient = (
    credential: TokenCredential,
    scope = 'https://management.azure.com/.default',
  ): SubscriptionClient =>
    new SubscriptionClient(credential, { ...emulatorArmClientOptions(fx.emulator), credentialScopes: [scope] });

  beforeEach(async () => {
    await fx.control.setSeed(seed);
  });

  it('mints user tokens with the claims real ones carry (oid, upn, tid, scp, idtyp user)', async () => {
    const answer = await fx.control.userToken({ user: ADA, scope: 'https://management.azure.com/.default' });
    const claims = claimsOf(answer.accessToken);
    assert.equal(claims.aud, 'https://management.azure.com', 'the scope without /.default');
    assert.equal(claims.tid, TENANTS.contoso, 'the home tenant by default');
    assert.equal(claims.oid, 'ada00000-0000-4000-8000-0000000000ad');
    assert.equal(claims.upn, ADA);
    assert.equal(claims.name, 'Ada Lovelace');
    assert.equal(claims.scp, 'user_impersonation');
    assert.equal(claims.idtyp, 'user');
    assert.equal(claims.appid, 'aebc6443-996d-45c2-90f0-388ff96faa56', "VS Code's client id unless another is named");
    assert.equal(answer.expiresOn, claims.exp);
    assert.deepEqual(answer.account, {
      objectId: 'ada00000-0000-4000-8000-0000000000ad',
      userPrincipalName: ADA,
      displayName: 'Ada Lovelace',
      homeTenantId: TENANTS.contoso,
    });
  });

  it("lists every tenant of the account and each tenant's subscriptions (@azure/arm-resources-subscriptions)", async () => {
    const tenants = await all(subscriptionClient(adaIn()).tenants.list());
    assert.deepEqual(
      tenants.map((t) => t.displayName).sort(),
      ['Contoso', 'Fabrikam', 'Northwind'],
      'member tenants, also the one needing consent; not Elsewhere',
    );
    const contoso = await all(subscriptionClient(adaIn()).subscriptions.list());
    assert.deepEqual(
      contoso.map((s) => s.displayName),
      ['Contoso Analytics'],
    );
    const northwind = await all(subscriptionClient(adaIn(TENANTS.northwind)).subscriptions.list());
    assert.deepEqual(
      northwind.map((s) => s.displayName),
      ['Northwind Research'],
    );
  });

  it('needs an interactive sign-in before silent tokens for a tenant requiring consent (AADSTS65001), until reset', async () => {
    const refused = await fx.control
      .userToken({ user: ADA, tenantId: TENANTS.fabrikam, scope: 'https://management.azure.com/.default' })
      .catch((e: unknown) => e);
    assert.ok(refused instanceof EmulatorControlError, String(refused));
    const body = refused.body as { error: string; suberror: string; error_codes: number[]; error_description: string };
    assert.equal(refused.status, 400);
    assert.equal(body.error, 'invalid_grant');
    assert.equal(body.suberror, 'consent_required');
    assert.deepEqual(body.error_codes, [65001]);
    assert.match(body.error_description, /^AADSTS65001: The user or administrator has not consented/);

    const interactive = await fx.control.userToken({
      user: ADA,
      tenantId: TENANTS.fabrikam,
      scope: 'https://management.azure.com/.default',
      interactive: true,
    });
    assert.equal(claimsOf(interactive.accessToken).tid, TENANTS.fabrikam);
    const fabrikam = await all(subscriptionClient(adaIn(TENANTS.fabrikam)).subscriptions.list());
    assert.deepEqual(
      fabrikam.map((s) => s.displayName),
      ['Fabrikam Forecasting'],
      'silent tokens work after the interactive sign-in',
    );

    await fx.control.reset();
    await assert.rejects(
      fx.control.userToken({ user: ADA, tenantId: TENANTS.fabrikam, scope: 'https://management.azure.com/.default' }),
      /AADSTS65001/,
      'reset forgets the consent',
    );
  });

  it('refuses tenants the user is not a member of (AADSTS50020) and unknown users (AADSTS50034)', async () => {
    await assert.rejects(
      fx.control.userToken({
        user: ADA,
        tenantId: TENANTS.elsewhere,
        scope: 'https://management.azure.com/.default',
        interactive: true,
      }),
      /AADSTS50020: User account 'ada@contoso\.onmicrosoft\.com'.*does not exist in tenant 'Elsewhere'/,
    );
    await assert.rejects(
      fx.control.userToken({ user: 'nobody@contoso.onmicrosoft.com', scope: 'https://management.azure.com/.default' }),
      /AADSTS50034/,
    );
  });

  it('as a sovereign cloud (seed cloud AzureChinaCloud), ARM accepts China audiences and refuses the public one', async () => {
    await fx.control.setSeed({ ...seed, cloud: 'AzureChinaCloud' } satisfies EmulatorSeed);
    const health = await fx.control.health();
    assert.equal(health.cloud.armAudience, 'https://management.chinacloudapi.cn/');
    assert.equal(health.cloud.mlAudience, 'https://ml.azure.cn');
    const china = await all(
      subscriptionClient(adaIn(), 'https://management.chinacloudapi.cn/.default').subscriptions.list(),
    );
    assert.deepEqual(
      china.map((s) => s.displayName),
      ['Contoso Analytics'],
    );
    const publicAudience = await all(subscriptionClient(adaIn()).subscriptions.list()).catch((e: unknown) => e);
    assert.ok(publicAudience instanceof RestError, String(publicAudience));
    assert.equal(publicAudience.statusCode, 401);
    assert.equal(publicAudience.code, 'InvalidAuthenticationTokenAudience');
    assert.match(
      publicAudience.message,
      /wrong audience or resource 'https:\/\/management\.azure\.com'.*'https:\/\/management\.chinacloudapi\.cn\/'/,
    );
  });

  it('checks users in seeds: known tenants, at least one, no duplicates', async () => {
    const bad = {
      ...seed,
      users: [
        {
          objectId: 'ada00000-0000-4000-8000-0000000000ad',
          userPrincipalName: 'x@y',
          tenants: [
            { tenantId: '99999999-0000-4000-8000-000000000009' },
            { tenantId: TENANTS.contoso, interactionRequired: 'yes' },
          ],
        },
      ],
    };
    const error = await fx.control.setSeed(bad as unknown as EmulatorSeed).catch((e: unknown) => e);
    assert.ok(error instanceof EmulatorControlError);
    const problems = (error.body as { error: { problems: string[] } }).error.problems;
    assert.ok(
      problems.some((p) => p.startsWith('users[0].tenants[0].tenantId: tenant "99999999')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.startsWith('users[0].tenants[1].interactionRequired: expected true or false')),
      problems.join('\n'),
    );
  });
});
