// Our own small sign-in interface. The tree and the commands only see this; the implementations (VS Code
// accounts, Azure CLI, service principal) live in the lazily loaded Azure backend (see load-backend.ts).
import type { TokenCredential } from '@azure/identity';
import type { CloudDefinition, SubscriptionRef } from '../../core/azure';
import type { SignInMethod } from '../../settings';

export interface TenantInfo {
  tenantId: string;
  displayName?: string;
  /** False for tenants the account belongs to but has no session for yet ("Sign in to another tenant..."). */
  signedIn: boolean;
}

export interface AzureSession {
  readonly method: SignInMethod;
  readonly cloud: CloudDefinition;
  /** The VS Code authentication provider whose sessions it signs in with (Microsoft accounts only). */
  readonly providerId?: string;
  /** Whether the session can get tokens without asking the user anything. */
  isSignedIn(): Promise<boolean>;
  /** Asks the user to sign in (may prompt); true when signed in afterwards. */
  signIn(): Promise<boolean>;
  getTenants(): Promise<TenantInfo[]>;
  /**
   * Every subscription of every signed-in tenant (unfiltered; the tree applies the selection). `onPage` hears each
   * page of each tenant as it arrives, before the whole list is in (which it may not match: see SubscriptionListing).
   */
  getSubscriptions(onPage?: (page: readonly SubscriptionRef[]) => void): Promise<SubscriptionRef[]>;
  /** A credential for ARM calls in the tenant (cached: one per tenant, so tokens are reused). */
  getCredential(tenantId: string): TokenCredential;
  /** Signs in to one more tenant; false when the method cannot do it (its message tells why). */
  signInToTenant(tenantId: string): Promise<boolean>;
  dispose(): void;
}

/** The user's answer to a prompt was "cancel": not an error to report. */
export class SignInCancelledError extends Error {
  constructor() {
    super('Sign-in was cancelled.');
    this.name = 'SignInCancelledError';
  }
}

/** An operation needs a signed-in session and there is none. */
export class NotSignedInError extends Error {
  constructor() {
    super('Not signed in to Azure: sign in first (ADF Batch Endpoints: Sign In to Azure...).');
    this.name = 'AuthenticationRequiredError';
  }
}
