// Sign-in with VS Code's Microsoft accounts through @microsoft/vscode-azext-azureauth, which picks the
// `microsoft` or `microsoft-sovereign-cloud` provider from `microsoft-sovereign-cloud.environment`.
import type { TokenCredential } from '@azure/identity';
import { VSCodeAzureSubscriptionProvider } from '@microsoft/vscode-azext-azureauth';
import type { CloudDefinition, SubscriptionRef } from '../../core/azure';
import type { AzureSession, TenantInfo } from './session';

export class VsCodeAccountSession implements AzureSession {
  readonly method = 'vscode' as const;
  private readonly provider = new VSCodeAzureSubscriptionProvider();
  private readonly credentials = new Map<string, TokenCredential>();

  constructor(readonly cloud: CloudDefinition) {}

  /** False too when VS Code has no Microsoft authentication provider (e.g. some remote or web hosts). */
  async isSignedIn(): Promise<boolean> {
    try {
      return await this.provider.isSignedIn();
    } catch {
      return false;
    }
  }

  signIn(): Promise<boolean> {
    return this.provider.signIn();
  }

  async getTenants(): Promise<TenantInfo[]> {
    const tenants = await this.provider.getTenants();
    const seen = new Set<string>();
    const result: TenantInfo[] = [];
    for (const tenant of tenants) {
      if (!tenant.tenantId || seen.has(tenant.tenantId)) continue;
      seen.add(tenant.tenantId);
      result.push({
        tenantId: tenant.tenantId,
        displayName: tenant.displayName,
        signedIn: await this.provider.isSignedIn(tenant.tenantId, tenant.account),
      });
    }
    return result;
  }

  /** All subscriptions of all accounts and tenants; the same subscription from two accounts shows once. */
  async getSubscriptions(): Promise<SubscriptionRef[]> {
    const subscriptions = await this.provider.getSubscriptions(false);
    const result = new Map<string, SubscriptionRef>();
    for (const s of subscriptions) {
      if (!this.credentials.has(s.tenantId)) this.credentials.set(s.tenantId, s.credential);
      if (!result.has(s.subscriptionId))
        result.set(s.subscriptionId, { subscriptionId: s.subscriptionId, tenantId: s.tenantId, name: s.name });
    }
    return [...result.values()];
  }

  getCredential(tenantId: string): TokenCredential {
    const credential = this.credentials.get(tenantId);
    if (!credential) throw new Error(`Not signed in to tenant ${tenantId}: use "Sign In to Another Tenant...".`);
    return credential;
  }

  signInToTenant(tenantId: string): Promise<boolean> {
    return this.provider.signIn(tenantId);
  }

  dispose(): void {
    this.provider.dispose();
  }
}
