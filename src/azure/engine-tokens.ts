// The token-source adapter for the engine (Dry Run): the signed-in session's credential answers for the managed
// identities a pipeline uses, since those exist only inside Data Factory. The engine never builds credentials itself.
import type { TokenCredential } from '@azure/identity';
import { entraRefusal, type TokenSource } from '../core/engine';
import { readServicePrincipal } from '../settings';
import type { AzureAccess } from './access';

export interface EngineTokens {
  tokens: TokenSource;
  /** Who answers, for the run's notices, e.g. "service principal 1111...". */
  name: string;
}

/** Tokens of the signed-in session for any audience, or undefined when not signed in. */
export async function engineTokensOf(access: AzureAccess): Promise<EngineTokens | undefined> {
  const { session, state } = await access.current();
  if (!session || state !== 'signedIn') return undefined;
  switch (session.method) {
    case 'vscode':
      // The account's home tenant ('' : no VSCODE_TENANT), on the cloud's own provider.
      return { tokens: tokenSourceOf(await access.credential('')), name: 'your VS Code Microsoft account' };
    case 'servicePrincipal': {
      const { tenantId, clientId } = readServicePrincipal();
      return { tokens: tokenSourceOf(await access.credential(tenantId)), name: `service principal ${clientId}` };
    }
    case 'azureCli':
      return { tokens: tokenSourceOf(await access.credential('')), name: 'your Azure CLI login' };
  }
}

/** Adapts an @azure/identity credential to the engine's (resource, signal) => token. */
export function tokenSourceOf(credential: TokenCredential): TokenSource {
  return async (resource, signal) => {
    let token;
    try {
      token = await credential.getToken(
        `${resource.replace(/\/+$/, '')}/.default`,
        signal ? { abortSignal: signal } : {},
      );
    } catch (error) {
      // MSAL's text around Entra ID's refusal (error codes, timestamps, trace ids) says nothing more to a reader.
      const refusal = entraRefusal((error as Error)?.message ?? '');
      if (refusal) throw new Error(`Entra ID refused the sign-in: ${refusal}`);
      throw error;
    }
    if (!token) throw new Error(`The sign-in gave no token for ${resource}.`);
    return token.token;
  };
}
