// Wraps a credential so that concurrent token requests for the same scopes share one call. Expanding many
// subscriptions at once would otherwise send one token request per subscription client (MSAL does not
// join requests in flight, and the Azure CLI credential would spawn `az` once per call). The library's own
// cache still serves later calls.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';

export function shareTokenRequests(credential: TokenCredential): TokenCredential {
  const inFlight = new Map<string, Promise<AccessToken | null>>();
  return {
    getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      // A claims challenge belongs to one request: never share it.
      if (options?.claims) return credential.getToken(scopes, options);
      const key = JSON.stringify([[scopes].flat(), options?.tenantId ?? '', Boolean(options?.enableCae)]);
      let pending = inFlight.get(key);
      if (!pending) {
        pending = credential.getToken(scopes, options).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
  };
}
