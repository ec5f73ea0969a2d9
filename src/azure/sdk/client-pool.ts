// The SDK clients of one sign-in session: one HTTP client (connection pool) for every client, one credential per
// tenant whose concurrent token requests are joined, and one client per tenant, subscription and service. The tree's
// reader and the wizard's stores both take their clients from here, so the pipeline policies (timeouts, the request
// log) are set in one place.
import type { CommonClientOptions } from '@azure/core-client';
import { createDefaultHttpClient } from '@azure/core-rest-pipeline';
import type { AuthorizationManagementClient } from '@azure/arm-authorization';
import type { DataFactoryManagementClient } from '@azure/arm-datafactory';
import type { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import type { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { TokenCredential } from '@azure/identity';
import type { CloudDefinition } from '../../core/azure';
import {
  createAuthorizationClient,
  createDataFactoryClient,
  createMachineLearningClient,
  createSubscriptionClient,
  type ClientFactoryOptions,
} from './clients';
import { shareTokenRequests } from './shared-credential';

export interface ClientPoolOptions {
  cloud: CloudDefinition;
  credentialForTenant: (tenantId: string) => TokenCredential;
  /** Extra pipeline options (policies, an httpClient trusting a private CA in tests). */
  clientOptions?: CommonClientOptions;
}

export class AzureClientPool {
  readonly cloud: CloudDefinition;
  private readonly clientOptions: CommonClientOptions;
  private readonly credentials = new Map<string, TokenCredential>();
  private readonly clients = new Map<string, unknown>();

  constructor(private readonly options: ClientPoolOptions) {
    this.cloud = options.cloud;
    this.clientOptions = { httpClient: createDefaultHttpClient(), ...options.clientOptions };
  }

  machineLearning(tenantId: string, subscriptionId: string): AzureMachineLearningWorkspaces {
    return this.client('ml', tenantId, subscriptionId, (o) => createMachineLearningClient(o, subscriptionId));
  }

  dataFactory(tenantId: string, subscriptionId: string): DataFactoryManagementClient {
    return this.client('adf', tenantId, subscriptionId, (o) => createDataFactoryClient(o, subscriptionId));
  }

  authorization(tenantId: string, subscriptionId: string): AuthorizationManagementClient {
    return this.client('authorization', tenantId, subscriptionId, (o) => createAuthorizationClient(o, subscriptionId));
  }

  subscriptions(tenantId: string): SubscriptionClient {
    return this.client('subscriptions', tenantId, '', (o) => createSubscriptionClient(o));
  }

  /** The tenant's credential, shared by every client of the pool. */
  credential(tenantId: string): TokenCredential {
    const key = tenantId.toLowerCase();
    let credential = this.credentials.get(key);
    if (!credential) {
      credential = shareTokenRequests(this.options.credentialForTenant(tenantId));
      this.credentials.set(key, credential);
    }
    return credential;
  }

  private client<T>(
    kind: string,
    tenantId: string,
    subscriptionId: string,
    create: (options: ClientFactoryOptions) => T,
  ): T {
    const key = `${kind}/${tenantId}/${subscriptionId}`.toLowerCase();
    let client = this.clients.get(key) as T | undefined;
    if (!client) {
      client = create({ cloud: this.cloud, credential: this.credential(tenantId), clientOptions: this.clientOptions });
      this.clients.set(key, client);
    }
    return client;
  }
}
