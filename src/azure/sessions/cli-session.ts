// Sign-in through the Azure CLI's login (`az login`), for people who cannot use VS Code accounts.
import type { CommonClientOptions } from '@azure/core-client';
import { AzureCliCredential, type TokenCredential } from '@azure/identity';
import {
  armScope,
  type CloudDefinition,
  type SubscriptionRef,
  listAllSubscriptions,
  listAllTenants,
} from '../../core/azure';
import { createSubscriptionClient } from '../sdk/clients';
import type { AzureSession, TenantInfo } from './session';

const DEFAULT_TENANT = '';

export class AzureCliSession implements AzureSession {
  readonly method = 'azureCli' as const;
  private readonly credentials = new Map<string, AzureCliCredential>();
  private tenantStatus = new Map<string, boolean>();

  constructor(
    readonly cloud: CloudDefinition,
    private readonly clientOptions: CommonClientOptions = {},
  ) {}

  async isSignedIn(): Promise<boolean> {
    try {
      await this.credential(DEFAULT_TENANT).getToken(armScope(this.cloud));
      return true;
    } catch {
      return false;
    }
  }

  /** `az login` runs in a terminal (the sign-in command opens one); here we only check the result. */
  signIn(): Promise<boolean> {
    return this.isSignedIn();
  }

  async getTenants(): Promise<TenantInfo[]> {
    const client = createSubscriptionClient({
      cloud: this.cloud,
      credential: this.credential(DEFAULT_TENANT),
      clientOptions: this.clientOptions,
    });
    const tenants = await listAllTenants(client);
    return tenants.map((t) => ({
      tenantId: t.tenantId,
      displayName: t.displayName,
      signedIn: this.tenantStatus.get(t.tenantId) ?? false,
    }));
  }

  /**
   * Subscriptions of every tenant the CLI account can get a token for, the tenants in parallel; tenants that refuse
   * are skipped (also when they refuse after a page: the pages reported so far then drop out of the final list).
   */
  async getSubscriptions(onPage?: (page: readonly SubscriptionRef[]) => void): Promise<SubscriptionRef[]> {
    const tenants = await listAllTenants(
      createSubscriptionClient({
        cloud: this.cloud,
        credential: this.credential(DEFAULT_TENANT),
        clientOptions: this.clientOptions,
      }),
    );
    const perTenant = await Promise.all(
      tenants.map(async (tenant) => {
        try {
          const client = createSubscriptionClient({
            cloud: this.cloud,
            credential: this.credential(tenant.tenantId),
            clientOptions: this.clientOptions,
          });
          const subscriptions = await listAllSubscriptions(client, tenant.tenantId, onPage);
          this.tenantStatus.set(tenant.tenantId, true);
          return subscriptions;
        } catch {
          this.tenantStatus.set(tenant.tenantId, false);
          return [];
        }
      }),
    );
    return perTenant.flat().sort((a, b) => a.name.localeCompare(b.name));
  }

  getCredential(tenantId: string): TokenCredential {
    return this.credential(tenantId);
  }

  /** The CLI signs in to a tenant with `az login --tenant`; the command tells the user. */
  async signInToTenant(): Promise<boolean> {
    return false;
  }

  dispose(): void {
    this.credentials.clear();
    this.tenantStatus = new Map();
  }

  private credential(tenantId: string): AzureCliCredential {
    let credential = this.credentials.get(tenantId);
    if (!credential) {
      credential = new AzureCliCredential(tenantId ? { tenantId } : {});
      this.credentials.set(tenantId, credential);
    }
    return credential;
  }
}
