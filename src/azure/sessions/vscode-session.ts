// Sign-in with VS Code's Microsoft accounts: the extension's own sessions from vscode.authentication on the
// `microsoft` or `microsoft-sovereign-cloud` provider (by cloud), one per tenant (`VSCODE_TENANT:<id>`), for the
// cloud's ARM scope, so sovereign and custom clouds get tokens for their own ARM audience.
import type * as vscode from 'vscode';
import type { CommonClientOptions } from '@azure/core-client';
import type { TokenCredential } from '@azure/identity';
import {
  armScope,
  listAllSubscriptions,
  listAllTenants,
  type CloudDefinition,
  type SubscriptionRef,
  type VsCodeAuthProviderId,
} from '../../core/azure';
import { createSubscriptionClient } from '../sdk/clients';
import type { AzureSession, TenantInfo } from './session';
import {
  interactiveSession,
  isSignInCancellation,
  silentSession,
  VsCodeAccountCredential,
  type AccountSessionRequest,
} from './vscode-account-credential';

/** The account's home tenant: the provider's "organizations" authority, no `VSCODE_TENANT`. */
const HOME_TENANT = '';

export class VsCodeAccountSession implements AzureSession {
  readonly method = 'vscode' as const;
  private account: vscode.AuthenticationSessionAccountInformation | undefined;
  private readonly credentials = new Map<string, VsCodeAccountCredential>();
  /** Tenants with a session (true) or that refused a silent one (false), from the last listing or sign-in. */
  private readonly tenantStatus = new Map<string, boolean>();

  constructor(
    readonly cloud: CloudDefinition,
    readonly providerId: VsCodeAuthProviderId,
    private readonly timeoutMs: () => number,
    private readonly clientOptions: CommonClientOptions = {},
  ) {}

  /** False too when VS Code has no such authentication provider (some remote or web hosts). */
  async isSignedIn(): Promise<boolean> {
    try {
      const session = await silentSession(this.request(HOME_TENANT));
      this.account ??= session?.account;
      return session !== undefined;
    } catch {
      return false;
    }
  }

  /** VS Code's "wants to sign in" prompt, then the provider's; a cancel is "not signed in", not an error. */
  async signIn(): Promise<boolean> {
    try {
      const session = await interactiveSession(this.request(HOME_TENANT));
      this.account = session.account;
      return true;
    } catch (error) {
      if (isSignInCancellation(error)) return false;
      throw error;
    }
  }

  async getTenants(): Promise<TenantInfo[]> {
    const tenants = await listAllTenants(this.subscriptionClient(HOME_TENANT));
    return Promise.all(
      tenants.map(async (t) => ({
        tenantId: t.tenantId,
        displayName: t.displayName,
        signedIn: this.tenantStatus.get(t.tenantId.toLowerCase()) ?? (await this.hasSession(t.tenantId)),
      })),
    );
  }

  /**
   * Subscriptions of every tenant with a silent session, the tenants in parallel, each reporting its pages; the
   * tenants that ask for a sign-in are skipped.
   */
  async getSubscriptions(onPage?: (page: readonly SubscriptionRef[]) => void): Promise<SubscriptionRef[]> {
    const tenants = await listAllTenants(this.subscriptionClient(HOME_TENANT));
    const perTenant = await Promise.all(
      tenants.map(async (tenant) => {
        const key = tenant.tenantId.toLowerCase();
        if (!(await this.hasSession(tenant.tenantId))) {
          this.tenantStatus.set(key, false);
          return [];
        }
        this.tenantStatus.set(key, true);
        return listAllSubscriptions(this.subscriptionClient(tenant.tenantId), tenant.tenantId, onPage);
      }),
    );
    const unique = new Map<string, SubscriptionRef>();
    for (const s of perTenant.flat()) if (!unique.has(s.subscriptionId)) unique.set(s.subscriptionId, s);
    return [...unique.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  getCredential(tenantId: string): TokenCredential {
    const key = tenantId.toLowerCase();
    let credential = this.credentials.get(key);
    if (!credential) {
      credential = new VsCodeAccountCredential(this.providerId, tenantId, () => this.account, this.timeoutMs);
      this.credentials.set(key, credential);
    }
    return credential;
  }

  /** Signs the same account in to one more tenant (consent, MFA); false when the user cancelled. */
  async signInToTenant(tenantId: string): Promise<boolean> {
    try {
      const session = await interactiveSession(this.request(tenantId));
      this.account ??= session.account;
      this.tenantStatus.set(tenantId.toLowerCase(), true);
      return true;
    } catch (error) {
      if (isSignInCancellation(error)) return false;
      throw error;
    }
  }

  dispose(): void {
    this.credentials.clear();
    this.tenantStatus.clear();
  }

  private async hasSession(tenantId: string): Promise<boolean> {
    try {
      return (await silentSession(this.request(tenantId))) !== undefined;
    } catch {
      return false;
    }
  }

  private request(tenantId: string): AccountSessionRequest {
    return { providerId: this.providerId, scopes: [armScope(this.cloud)], tenantId, account: this.account };
  }

  private subscriptionClient(tenantId: string): ReturnType<typeof createSubscriptionClient> {
    return createSubscriptionClient({
      cloud: this.cloud,
      credential: this.getCredential(tenantId),
      clientOptions: this.clientOptions,
    });
  }
}
