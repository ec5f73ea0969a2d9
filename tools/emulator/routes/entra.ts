// Entra ID: OpenID discovery, keys, instance discovery, and client-credential token endpoints (v2.0 and v1).
import type { Emulator } from '../emulator';
import { entraError } from '../errors';
import { formBody, header, json, ReplyError, type Reply } from '../http';
import type { Route, RouteContext } from '../router';
import { audienceOf, sameAudience } from '../tokens';
import type { TenantState } from '../world-types';

const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

/** Resources Entra ID issues tokens for here (besides the emulator's own URL and its cloud's ARM and ML audiences). */
const KNOWN_RESOURCES = [
  'https://storage.azure.com/',
  'https://vault.azure.net',
  'https://graph.microsoft.com',
  'https://database.windows.net/',
  'https://datafactory.azure.net',
];

function tenantOf(ctx: RouteContext, allowCommon: boolean): TenantState | 'common' {
  const segment = ctx.params.tenant!;
  if (allowCommon && ['common', 'organizations', 'consumers'].includes(segment.toLowerCase())) return 'common';
  const tenant = ctx.emulator.world.findTenant(segment);
  if (tenant) return tenant;
  if (['common', 'organizations', 'consumers'].includes(segment.toLowerCase())) {
    throw new ReplyError(
      entraError(
        400,
        'invalid_request',
        50059,
        'No tenant-identifying information found in either the request or implied by any provided credentials.',
      ),
    );
  }
  throw new ReplyError(
    entraError(
      400,
      'invalid_tenant',
      90002,
      `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    ),
  );
}

function openIdConfiguration(
  emulator: Emulator,
  tenantSegment: string,
  version: '1.0' | '2.0',
): Record<string, unknown> {
  const base = `${emulator.url}/${tenantSegment}`;
  const v = version === '2.0' ? '/v2.0' : '';
  const issuerTenant = tenantSegment === 'common' ? '{tenantid}' : tenantSegment;
  return {
    token_endpoint: `${base}/oauth2${v}/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery${v}/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: version === '2.0' ? `${emulator.url}/${issuerTenant}/v2.0` : `${emulator.url}/${issuerTenant}/`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${emulator.url}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2${v}/authorize`,
    device_authorization_endpoint: `${base}/oauth2${v}/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2${v}/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'tid', 'ver', 'oid'],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: 'NA',
    cloud_instance_name: new URL(emulator.url).host,
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

function knownResource(emulator: Emulator, resource: string): boolean {
  return [...KNOWN_RESOURCES, ...emulator.armAudiences(), emulator.cloud.mlAudience].some((r) =>
    sameAudience(r, resource),
  );
}

/** Client id and secret from the form (client_secret_post) or a Basic header (client_secret_basic). */
function clientCredentials(ctx: RouteContext, form: URLSearchParams): { clientId?: string; secret?: string } {
  const basic = /^Basic\s+(\S+)$/i.exec(header(ctx.req, 'authorization') ?? '');
  if (basic) {
    const [id, ...rest] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    return { clientId: decodeURIComponent(id ?? ''), secret: decodeURIComponent(rest.join(':')) };
  }
  return { clientId: form.get('client_id') ?? undefined, secret: form.get('client_secret') ?? undefined };
}

/** Shared checks of both token endpoints; returns the service principal and tenant. */
function authenticateClient(
  ctx: RouteContext,
  form: URLSearchParams,
): { tenant: TenantState; clientId: string; objectId: string } {
  const tenant = tenantOf(ctx, false) as TenantState;
  const grantType = form.get('grant_type');
  if (grantType !== 'client_credentials') {
    throw new ReplyError(
      grantType
        ? entraError(
            400,
            'unsupported_grant_type',
            70003,
            `The app requested an unsupported grant type '${grantType}'. The emulator supports client_credentials only.`,
          )
        : entraError(
            400,
            'invalid_request',
            900144,
            "The request body must contain the following parameter: 'grant_type'.",
          ),
    );
  }
  const { clientId, secret } = clientCredentials(ctx, form);
  if (!clientId)
    throw new ReplyError(
      entraError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'."),
    );
  const sp = ctx.emulator.world.servicePrincipals.find(
    (s) => s.tenantId === tenant.id && s.clientId === clientId.toLowerCase(),
  );
  if (!sp) {
    throw new ReplyError(
      entraError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      ),
    );
  }
  if (!secret) {
    if (form.get('client_assertion'))
      throw new ReplyError(
        entraError(
          401,
          'invalid_client',
          7000218,
          'The emulator accepts client secrets only, not client assertions (certificates).',
        ),
      );
    throw new ReplyError(
      entraError(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      ),
    );
  }
  if (secret !== sp.secret) {
    throw new ReplyError(
      entraError(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${sp.clientId}'.`,
      ),
    );
  }
  return { tenant, clientId: sp.clientId, objectId: sp.objectId };
}

function unknownResource(tenant: TenantState, resource: string): ReplyError {
  return new ReplyError(
    entraError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenant.displayName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    ),
  );
}

function tokenV2(ctx: RouteContext): Reply {
  const form = formBody(ctx.req);
  const { tenant, clientId, objectId } = authenticateClient(ctx, form);
  const scopeParam = form.get('scope');
  if (!scopeParam)
    throw new ReplyError(
      entraError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'scope'."),
    );
  const scopes = scopeParam.split(/\s+/).filter((s) => s && !OIDC_SCOPES.has(s.toLowerCase()));
  if (scopes.length !== 1) {
    throw new ReplyError(
      entraError(
        400,
        'invalid_scope',
        70011,
        `The provided value for the input parameter 'scope' is not valid. The scope '${scopeParam}' must name exactly one resource.`,
      ),
    );
  }
  const scope = scopes[0]!;
  if (!/\/\.default$/i.test(scope)) {
    throw new ReplyError(
      entraError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      ),
    );
  }
  const audience = audienceOf(scope);
  if (!knownResource(ctx.emulator, audience)) throw unknownResource(tenant, audience);
  const lifetime = ctx.emulator.world.tokenLifetimeSeconds;
  const token = ctx.emulator.issueToken({ audience, tenantId: tenant.id, objectId, appId: clientId, version: '2.0' });
  return json(200, { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: token });
}

function tokenV1(ctx: RouteContext): Reply {
  const form = formBody(ctx.req);
  const { tenant, clientId, objectId } = authenticateClient(ctx, form);
  const resource = form.get('resource');
  if (!resource)
    throw new ReplyError(
      entraError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'resource'."),
    );
  if (!knownResource(ctx.emulator, resource)) throw unknownResource(tenant, resource);
  const lifetime = ctx.emulator.world.tokenLifetimeSeconds;
  const token = ctx.emulator.issueToken({
    audience: resource,
    tenantId: tenant.id,
    objectId,
    appId: clientId,
    version: '1.0',
  });
  const now = Math.floor(Date.now() / 1000);
  // v1 sends the numbers as strings.
  return json(200, {
    token_type: 'Bearer',
    expires_in: String(lifetime),
    ext_expires_in: String(lifetime),
    expires_on: String(now + lifetime),
    not_before: String(now),
    resource,
    access_token: token,
  });
}

function instanceDiscovery(ctx: RouteContext): Reply {
  const host = new URL(ctx.emulator.url).host;
  return json(200, {
    tenant_discovery_endpoint: `${ctx.emulator.url}/${ctx.params.tenant ?? 'common'}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  });
}

function discovery(version: '1.0' | '2.0') {
  return (ctx: RouteContext): Reply => {
    const tenant = tenantOf(ctx, true);
    return json(200, openIdConfiguration(ctx.emulator, tenant === 'common' ? 'common' : tenant.id, version));
  };
}

function keys(ctx: RouteContext): Reply {
  tenantOf(ctx, true);
  return json(200, ctx.emulator.tokens.jwks());
}

export function entraRoutes(): Route[] {
  const route = (id: string, method: Route['method'], pattern: string, handle: Route['handle']): Route => ({
    id: `entra.${id}`,
    method,
    pattern,
    kind: 'entra',
    handle,
  });
  return [
    route('openidConfiguration', 'GET', '/{tenant}/v2.0/.well-known/openid-configuration', discovery('2.0')),
    route('openidConfigurationV1', 'GET', '/{tenant}/.well-known/openid-configuration', discovery('1.0')),
    route('keys', 'GET', '/{tenant}/discovery/v2.0/keys', keys),
    route('keysV1', 'GET', '/{tenant}/discovery/keys', keys),
    route('instanceDiscovery', 'GET', '/{tenant}/discovery/instance', instanceDiscovery),
    route('token', 'POST', '/{tenant}/oauth2/v2.0/token', tokenV2),
    route('tokenV1', 'POST', '/{tenant}/oauth2/token', tokenV1),
  ];
}
