// When an access token expires, read from its own `exp` claim: VS Code's AuthenticationSession carries no expiry,
// and the Azure SDK's token cache needs the real one to ask again before ARM refuses the token.

/** Milliseconds since the epoch at which the JWT expires, or undefined for a token without a readable `exp`. */
export function tokenExpiresOn(accessToken: string): number | undefined {
  const payload = accessToken.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' && Number.isFinite(claims.exp) ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
