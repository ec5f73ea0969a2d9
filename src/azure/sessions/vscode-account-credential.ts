// VS Code's Microsoft account sessions as an Azure SDK TokenCredential: one silent
// vscode.authentication.getSession per token request, for the requested scopes in one tenant
// (`VSCODE_TENANT:<id>`). The provider refreshes an expiring token itself (MSAL's silent refresh); the
// expiry we report is the token's own `exp`, so the SDK's token cache asks again in time.
import * as vscode from 'vscode';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { tokenExpiresOn, type VsCodeAuthProviderId } from '../../core/azure';

const TENANT_SCOPE_PREFIX = 'VSCODE_TENANT:';
/** For a token without a readable `exp`: ask again this soon (VS Code serves it from its cache meanwhile). */
const UNKNOWN_EXPIRY_MS = 5 * 60_000;

export interface AccountSessionRequest {
  providerId: VsCodeAuthProviderId;
  /** Resource scopes, e.g. `https://management.azure.com/.default`. */
  scopes: readonly string[];
  /** '' for the account's home tenant (the provider's "organizations" authority). */
  tenantId: string;
  /** The account signed in first: every tenant's session is of that account. */
  account?: vscode.AuthenticationSessionAccountInformation;
}

/** The scopes VS Code's Microsoft providers take: resource scopes plus `VSCODE_TENANT:<id>` for a tenant. */
export function sessionScopes(scopes: readonly string[], tenantId: string): string[] {
  return tenantId ? [...scopes, `${TENANT_SCOPE_PREFIX}${tenantId}`] : [...scopes];
}

/** A session without asking the user anything; undefined when the provider would have to ask. */
export async function silentSession(request: AccountSessionRequest): Promise<vscode.AuthenticationSession | undefined> {
  return vscode.authentication.getSession(request.providerId, sessionScopes(request.scopes, request.tenantId), {
    silent: true,
    account: request.account,
  });
}

/** A session, signing in interactively when needed (VS Code's "wants to sign in" prompt, then the provider's). */
export async function interactiveSession(request: AccountSessionRequest): Promise<vscode.AuthenticationSession> {
  return vscode.authentication.getSession(request.providerId, sessionScopes(request.scopes, request.tenantId), {
    createIfNone: true,
    account: request.account,
  });
}

/**
 * The user said no: VS Code's own prompt rejects with "User did not consent to login.", a provider's
 * dialog with a CancellationError (its name and message are "Canceled" once it crossed to this extension host).
 */
export function isSignInCancellation(error: unknown): boolean {
  if (error instanceof vscode.CancellationError) return true;
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return name === 'Canceled' || message === 'Canceled' || message === 'User did not consent to login.';
}

/** A tenant without a session the provider can renew silently: the user has to sign in (again). */
export class TenantSessionRequiredError extends Error {
  constructor(tenantId: string) {
    super(
      `Your Microsoft account has no session for tenant ${tenantId || '(home)'} any more (it expired or the tenant asks you to sign in again): sign in again (ADF Batch Endpoints: Sign In to Another Tenant...).`,
    );
    // The name the command wrapper offers "Sign In" for.
    this.name = 'AuthenticationRequiredError';
  }
}

export class VsCodeAccountCredential implements TokenCredential {
  constructor(
    private readonly providerId: VsCodeAuthProviderId,
    private readonly tenantId: string,
    private readonly account: () => vscode.AuthenticationSessionAccountInformation | undefined,
    /** How long a silent sign-in may take (the provider may refresh over the network); 0 means no limit. */
    private readonly timeoutMs: () => number,
  ) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    const tenantId = options?.tenantId ?? this.tenantId;
    const session = await abortable(
      silentSession({ providerId: this.providerId, scopes: [scopes].flat(), tenantId, account: this.account() }),
      options?.abortSignal,
      this.timeoutMs(),
    );
    if (!session) throw new TenantSessionRequiredError(tenantId);
    return {
      token: session.accessToken,
      expiresOnTimestamp: tokenExpiresOn(session.accessToken) ?? Date.now() + UNKNOWN_EXPIRY_MS,
      tokenType: 'Bearer',
    };
  }
}

/** The work's answer, unless the caller aborts or the time runs out first (the work is left to finish unseen). */
function abortable<T>(work: Promise<T>, signal: GetTokenOptions['abortSignal'], timeoutMs: number): Promise<T> {
  if (signal?.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const timer =
      timeoutMs > 0
        ? setTimeout(
            () =>
              finish(() => reject(new Error(`The Microsoft account did not give a token in ${timeoutMs / 1000} s.`))),
            timeoutMs,
          )
        : undefined;
    const onAbort = (): void => finish(() => reject(abortError()));
    signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    work.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

function abortError(): Error {
  const error = new Error('The token request was cancelled.');
  error.name = 'AbortError';
  return error;
}
