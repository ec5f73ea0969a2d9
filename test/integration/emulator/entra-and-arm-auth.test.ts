import assert from 'node:assert/strict';
import { RestError } from '@azure/core-rest-pipeline';
import { all, ARM_SCOPE, claimsOf, IDS, ML_SCOPE, send, useEmulator } from './fixture';

describe('emulator: Entra ID, subscriptions and ARM authentication', () => {
  const fx = useEmulator();
  const workspaceUrl = (): string =>
    `${fx.emulator.url}/subscriptions/${IDS.devSubscription}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-main?api-version=2022-10-01`;

  it('issues v2.0 client-credential tokens to ClientSecretCredential, with the scope as audience and an expiry', async () => {
    const token = await fx.credential.getToken(ML_SCOPE);
    const claims = claimsOf(token.token);
    assert.equal(claims.aud, 'https://ml.azure.com');
    assert.equal(claims.tid, IDS.tenant);
    assert.equal(claims.oid, IDS.sp.objectId);
    assert.equal(claims.appid, IDS.sp.clientId);
    assert.equal((claims.exp as number) - (claims.iat as number), 3600, 'the seed default lifetime');
    assert.ok(
      Math.abs(token.expiresOnTimestamp - (claims.exp as number) * 1000) < 5000,
      'the credential read the expiry',
    );
    const discovery = (await fx.control.requests()).map((r) => r.routeId);
    assert.ok(discovery.includes('entra.openidConfiguration'), 'MSAL read the OpenID configuration');
    assert.ok(discovery.includes('entra.token'));
  });

  it('refuses a wrong client secret like Entra ID (AADSTS7000215)', async () => {
    const wrong = fx.credentialFor({ clientId: IDS.sp.clientId, secret: 'not-the-secret' });
    const error = await wrong.getToken(ARM_SCOPE).catch((e: unknown) => e);
    // @azure/identity wraps MSAL's server error (AuthenticationRequiredError, as with Entra ID itself).
    assert.ok(error instanceof Error && /^Authentication/.test(error.name), String(error));
    assert.match(error.message, /invalid_client.*AADSTS7000215: Invalid client secret/);
  });

  it('issues v1 tokens at /{tenant}/oauth2/token with resource= (the Authorize activity)', async () => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: IDS.sp.clientId,
      client_secret: IDS.sp.secret,
      resource: 'https://ml.azure.com',
    });
    const response = await send(fx, {
      method: 'POST',
      url: `${fx.emulator.url}/${IDS.tenant}/oauth2/token`,
      body: form.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(response.status, 200);
    const body = response.body as Record<string, string>;
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.resource, 'https://ml.azure.com');
    assert.equal(typeof body.expires_on, 'string', 'v1 sends numbers as strings');
    assert.equal(claimsOf(body.access_token!).aud, 'https://ml.azure.com');
    const log = await fx.control.requests();
    assert.ok(!JSON.stringify(log).includes(IDS.sp.secret), 'the request log holds no secrets');
    assert.ok(!JSON.stringify(log).includes(body.access_token!), 'nor tokens');
  });

  it('lists subscriptions and tenants of the caller (@azure/arm-resources-subscriptions)', async () => {
    const subscriptions = await all(fx.subscriptions().subscriptions.list());
    assert.deepEqual(subscriptions.map((s) => s.displayName).sort(), ['Integration Dev', 'Integration Prod']);
    assert.equal(subscriptions[0]!.tenantId, IDS.tenant);
    assert.equal(subscriptions[0]!.state, 'Enabled');
    const tenants = await all(fx.subscriptions().tenants.list());
    assert.deepEqual(
      tenants.map((t) => t.tenantId),
      [IDS.tenant],
    );
    const one = await fx.subscriptions().subscriptions.get(IDS.prodSubscription);
    assert.equal(one.displayName, 'Integration Prod');
  });

  it('answers a request without a bearer token with 401 and WWW-Authenticate', async () => {
    const response = await send(fx, { method: 'GET', url: workspaceUrl() });
    assert.equal(response.status, 401);
    assert.match(
      response.headers['www-authenticate']!,
      /^Bearer authorization_uri="https:\/\/127\.0\.0\.1:\d+\/", error="invalid_token"/,
    );
    assert.equal((response.body as { error: { code: string } }).error.code, 'AuthenticationFailed');
  });

  it('answers a token for another audience, and an expired token, with 401', async () => {
    const mlToken = (await fx.credential.getToken(ML_SCOPE)).token;
    const wrongAudience = await send(fx, { method: 'GET', url: workspaceUrl(), token: mlToken });
    assert.equal(wrongAudience.status, 401);
    assert.equal((wrongAudience.body as { error: { code: string } }).error.code, 'InvalidAuthenticationTokenAudience');
    assert.ok(wrongAudience.headers['www-authenticate']);
    const expired = await fx.control.mintToken({ audience: 'https://management.azure.com/', lifetimeSeconds: -60 });
    const late = await send(fx, { method: 'GET', url: workspaceUrl(), token: expired });
    assert.equal(late.status, 401);
    assert.equal((late.body as { error: { code: string } }).error.code, 'ExpiredAuthenticationToken');
    const forged = await send(fx, {
      method: 'GET',
      url: workspaceUrl(),
      token: `${expired.split('.').slice(0, 2).join('.')}.bm90LWEtc2lnbmF0dXJl`,
    });
    assert.equal((forged.body as { error: { code: string } }).error.code, 'InvalidAuthenticationToken');
    const ok = await send(fx, { method: 'GET', url: workspaceUrl(), scope: ARM_SCOPE });
    assert.equal(ok.status, 200);
  });

  it("answers a token from another tenant with 401 InvalidAuthenticationTokenTenant naming the subscription's tenant", async () => {
    const fabrikam = fx.credentialFor(IDS.fabrikam, IDS.otherTenant);
    const error = await fx
      .ml(IDS.devSubscription, fabrikam)
      .workspaces.get('rg-ml', 'ws-main')
      .catch((e: unknown) => e);
    assert.ok(error instanceof RestError);
    assert.equal(error.statusCode, 401);
    assert.equal(error.code, 'InvalidAuthenticationTokenTenant');
    assert.match(
      error.response!.headers.get('www-authenticate')!,
      new RegExp(`authorization_uri="${fx.emulator.url}/${IDS.tenant}"`),
    );
    const own = await all(fx.subscriptions(fabrikam).subscriptions.list());
    assert.deepEqual(
      own.map((s) => s.subscriptionId),
      [IDS.fabrikamSubscription],
    );
  });

  it('answers a missing or unknown api-version on subscriptions with 400', async () => {
    const missing = await send(fx, { method: 'GET', url: `${fx.emulator.url}/subscriptions`, scope: ARM_SCOPE });
    assert.equal(missing.status, 400);
    assert.equal((missing.body as { error: { code: string } }).error.code, 'MissingApiVersionParameter');
    const unknown = await send(fx, {
      method: 'GET',
      url: `${fx.emulator.url}/subscriptions?api-version=1999-01-01`,
      scope: ARM_SCOPE,
    });
    assert.equal(unknown.status, 400);
    assert.equal((unknown.body as { error: { code: string } }).error.code, 'InvalidApiVersionParameter');
  });
});
