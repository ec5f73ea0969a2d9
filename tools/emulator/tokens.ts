// JWT access tokens signed by the emulator (RS256), and their verification.
import { createPublicKey, generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';

export interface TokenClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  tid: string;
  oid: string;
  sub: string;
  appid: string;
  /** 'user' for tokens of user accounts, which also carry upn, name and scp (delegated scopes). */
  idtyp: 'app' | 'user';
  ver: '1.0' | '2.0';
  upn?: string;
  unique_name?: string;
  name?: string;
  scp?: string;
  /** Resource id of a managed identity (set for managed identity tokens). */
  xms_mirid?: string;
  uti: string;
}

export interface IssueTokenInput {
  audience: string;
  tenantId: string;
  objectId: string;
  appId: string;
  version: '1.0' | '2.0';
  lifetimeSeconds: number;
  managedIdentityResourceId?: string;
  user?: { userPrincipalName: string; displayName: string };
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'notYetValid'; claims?: TokenClaims };

/** The audience a scope or resource stands for: `https://ml.azure.com/.default` -> `https://ml.azure.com`. */
export function audienceOf(scopeOrResource: string): string {
  return scopeOrResource.replace(/\/\.default$/i, '');
}

/** Audiences compare case-insensitively and without trailing slashes. */
export function sameAudience(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/\/+$/, '').toLowerCase();
  return norm(a) === norm(b);
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export class TokenService {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  readonly keyId = randomUUID();

  constructor(private readonly url: string) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = createPublicKey(pair.privateKey);
  }

  issuer(tenantId: string, version: '1.0' | '2.0'): string {
    return version === '2.0' ? `${this.url}/${tenantId}/v2.0` : `${this.url}/${tenantId}/`;
  }

  issue(input: IssueTokenInput): { token: string; claims: TokenClaims } {
    const now = Math.floor(Date.now() / 1000);
    const claims: TokenClaims = {
      aud: input.audience,
      iss: this.issuer(input.tenantId, input.version),
      iat: now,
      nbf: now - 5,
      exp: now + input.lifetimeSeconds,
      tid: input.tenantId,
      oid: input.objectId,
      sub: input.objectId,
      appid: input.appId,
      idtyp: input.user ? 'user' : 'app',
      ver: input.version,
      ...(input.user
        ? {
            upn: input.user.userPrincipalName,
            unique_name: input.user.userPrincipalName,
            name: input.user.displayName,
            scp: 'user_impersonation',
          }
        : {}),
      uti: randomUUID(),
      ...(input.managedIdentityResourceId ? { xms_mirid: input.managedIdentityResourceId } : {}),
    };
    const header = { typ: 'JWT', alg: 'RS256', kid: this.keyId };
    const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
    const signature = sign('sha256', Buffer.from(unsigned), this.privateKey);
    return { token: `${unsigned}.${base64url(signature)}`, claims };
  }

  check(token: string): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'malformed' };
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (typeof claims !== 'object' || claims === null || typeof claims.exp !== 'number')
      return { ok: false, reason: 'malformed' };
    const signed = verify(
      'sha256',
      Buffer.from(`${parts[0]}.${parts[1]}`),
      this.publicKey,
      Buffer.from(parts[2]!, 'base64url'),
    );
    if (!signed) return { ok: false, reason: 'signature', claims };
    const now = Math.floor(Date.now() / 1000);
    if (claims.exp <= now) return { ok: false, reason: 'expired', claims };
    if (claims.nbf > now + 300) return { ok: false, reason: 'notYetValid', claims };
    return { ok: true, claims };
  }

  /** The JSON Web Key Set served at the discovery keys endpoint. */
  jwks(): { keys: unknown[] } {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return { keys: [{ ...jwk, kid: this.keyId, use: 'sig', alg: 'RS256', kty: 'RSA' }] };
  }
}
