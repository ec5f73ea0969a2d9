// Sign-in with a service principal: tenant and client id from settings, the secret from SecretStorage.
// For a custom cloud, the authority host comes from settings and instance discovery is off (it would ask
// login.microsoftonline.com about an authority it does not know).
import type { CommonClientOptions } from '@azure/core-client';
import { ClientSecretCredential, type TokenCredential } from '@azure/identity';
import { type CloudDefinition, type SubscriptionRef, listAllSubscriptions } from '../../core/azure';
import { createSubscriptionClient } from '../sdk/clients';
import type { ServicePrincipalSettings } from '../../settings';
import type { AzureSession, TenantInfo } from './session';

export class ServicePrincipalSession implements AzureSession {
  readonly method = 'servicePrincipal' as const;
  private readonly credentials = new Map<string, ClientSecretCredential>();

  constructor(
    readonly cloud: CloudDefinition,
    private readonly principal: ServicePrincipalSettings,
    private readonly secret: string | undefined,
    private readonly clientOptions: CommonClientOptions = {},
  ) {}

  async isSignedIn(): Promise<boolean> {
    return Boolean(this.principal.tenantId && this.principal.clientId && this.secret);
  }

  /** Prompting for the settings and the secret happens in the sign-in command; nothing to ask here. */
  signIn(): Promise<boolean> {
    return this.isSignedIn();
  }

  async getTenants(): Promise<TenantInfo[]> {
    return [{ tenantId: this.principal.tenantId, signedIn: await this.isSignedIn() }];
  }

  async getSubscriptions(onPage?: (page: readonly SubscriptionRef[]) => void): Promise<SubscriptionRef[]> {
    const client = createSubscriptionClient({
      cloud: this.cloud,
      credential: this.getCredential(this.principal.tenantId),
      clientOptions: this.clientOptions,
    });
    return listAllSubscriptions(client, this.principal.tenantId, onPage);
  }

  getCredential(tenantId: string): TokenCredential {
    if (!this.secret) throw new Error('No service principal secret is stored: run "Set Service Principal Secret...".');
    const key = tenantId.toLowerCase();
    let credential = this.credentials.get(key);
    if (!credential) {
      credential = new ClientSecretCredential(tenantId, this.principal.clientId, this.secret, {
        ...this.clientOptions,
        authorityHost: this.cloud.authorityHost,
        disableInstanceDiscovery: this.cloud.name === 'Custom',
      });
      this.credentials.set(key, credential);
    }
    return credential;
  }

  /** A service principal is configured for one tenant; the command explains how to change it. */
  async signInToTenant(): Promise<boolean> {
    return false;
  }

  dispose(): void {
    this.credentials.clear();
  }
}
