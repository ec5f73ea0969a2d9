// Bearer token checks for ARM and the ML data plane, answering like the services do (401 + WWW-Authenticate).
import type { Emulator } from './emulator';
import { armError, mlError } from './errors';
import { header, ReplyError, type EmulatorRequest, type Reply } from './http';
import type { TokenClaims } from './tokens';

function wwwAuthenticate(authorizationUri: string, description: string): Record<string, string> {
  return {
    'WWW-Authenticate': `Bearer authorization_uri="${authorizationUri}", error="invalid_token", error_description="${description}"`,
  };
}

function unauthorized(emulator: Emulator, audience: 'arm' | 'ml', code: string, message: string): never {
  const headers = wwwAuthenticate(`${emulator.url}/`, message);
  const reply: Reply =
    audience === 'arm' ? armError(401, code, message, headers) : { ...mlError(401, code, message), headers };
  throw new ReplyError(reply);
}

/** Verifies the bearer token of an ARM or ML request; throws the service's 401 reply otherwise. */
export function authenticate(emulator: Emulator, req: EmulatorRequest, audience: 'arm' | 'ml'): TokenClaims {
  const authorization = header(req, 'authorization');
  if (!authorization)
    unauthorized(
      emulator,
      audience,
      'AuthenticationFailed',
      "Authentication failed. The 'Authorization' header is missing.",
    );
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match)
    unauthorized(
      emulator,
      audience,
      'InvalidAuthenticationToken',
      "Authentication failed. The 'Authorization' header is not a Bearer token.",
    );
  const check = emulator.tokens.check(match[1]!);
  if (!check.ok) {
    if (check.reason === 'expired') {
      const expiry = new Date(check.claims!.exp * 1000).toISOString();
      unauthorized(
        emulator,
        audience,
        'ExpiredAuthenticationToken',
        `The access token expiry UTC time '${expiry}' is earlier than current UTC time '${new Date().toISOString()}'.`,
      );
    }
    unauthorized(emulator, audience, 'InvalidAuthenticationToken', 'The access token is invalid.');
  }
  const { claims } = check;
  const rightAudience = audience === 'arm' ? emulator.isArmAudience(claims.aud) : emulator.isMlAudience(claims.aud);
  if (!rightAudience) {
    const allowed =
      audience === 'arm'
        ? emulator
            .armAudiences()
            .map((a) => `'${a}'`)
            .join(',')
        : `'${emulator.cloud.mlAudience}'`;
    unauthorized(
      emulator,
      audience,
      'InvalidAuthenticationTokenAudience',
      `The access token has been obtained for wrong audience or resource '${claims.aud}'. It should exactly match with one of the allowed audiences ${allowed}.`,
    );
  }
  return claims;
}

/** ARM's answer when a token's tenant is not the subscription's. */
export function wrongTenant(emulator: Emulator, claims: TokenClaims, subscriptionTenant: string): never {
  const message = `The access token is from the wrong issuer '${emulator.tokens.issuer(claims.tid, '1.0')}'. It must match the tenant '${emulator.tokens.issuer(subscriptionTenant, '1.0')}' associated with this subscription. Please use the authority (URL) '${emulator.url}/${subscriptionTenant}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.`;
  throw new ReplyError(
    armError(
      401,
      'InvalidAuthenticationTokenTenant',
      message,
      wwwAuthenticate(`${emulator.url}/${subscriptionTenant}`, message),
    ),
  );
}
