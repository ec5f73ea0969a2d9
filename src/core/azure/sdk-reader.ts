// The ResourceReader over the official SDK clients: one request per call, one client per subscription,
// one credential per tenant whose concurrent token requests are joined, and one HTTP client (connection
// pool) for all of them, so expanding many subscriptions at once costs one token and few TLS handshakes.
import type { TokenCredential } from '@azure/identity';
import type { CommonClientOptions } from '@azure/core-client';
import { createDefaultHttpClient } from '@azure/core-rest-pipeline';
import type { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import type { CloudDefinition } from './cloud';
import { createMachineLearningClient } from './clients';
import {
  toBatchDeploymentInfo, toBatchEndpointInfo, toWorkspaceInfo,
  type BatchDeploymentInfo, type BatchEndpointInfo, type SubscriptionRef, type WorkspaceInfo,
} from './models';
import { readOnePage, type Page } from './paging';
import type { ResourceReader } from './resource-loader';
import { shareTokenRequests } from './shared-credential';

export interface SdkReaderOptions {
  cloud: CloudDefinition;
  credentialForTenant: (tenantId: string) => TokenCredential;
  clientOptions?: CommonClientOptions;
}

export class SdkResourceReader implements ResourceReader {
  private readonly clients = new Map<string, AzureMachineLearningWorkspaces>();
  private readonly credentials = new Map<string, TokenCredential>();
  private readonly clientOptions: CommonClientOptions;

  constructor(private readonly options: SdkReaderOptions) {
    this.clientOptions = { httpClient: createDefaultHttpClient(), ...options.clientOptions };
  }

  async listWorkspaces(subscription: SubscriptionRef, continuationToken?: string): Promise<Page<WorkspaceInfo>> {
    const client = this.client(subscription.tenantId, subscription.subscriptionId);
    const page = await readOnePage((o) => client.workspaces.listBySubscription(o), continuationToken);
    return { items: page.items.map((w, i) => toWorkspaceInfo(w, subscription, page.raw[i])), continuationToken: page.continuationToken };
  }

  async listBatchEndpoints(workspace: WorkspaceInfo, continuationToken?: string): Promise<Page<BatchEndpointInfo>> {
    const client = this.client(workspace.tenantId, workspace.subscriptionId);
    const page = await readOnePage((o) => client.batchEndpoints.list(workspace.resourceGroup, workspace.name, o), continuationToken);
    return { items: page.items.map((e, i) => toBatchEndpointInfo(e, workspace, page.raw[i])), continuationToken: page.continuationToken };
  }

  async listBatchDeployments(endpoint: BatchEndpointInfo, continuationToken?: string): Promise<Page<BatchDeploymentInfo>> {
    const ws = endpoint.workspace;
    const client = this.client(ws.tenantId, ws.subscriptionId);
    const page = await readOnePage((o) => client.batchDeployments.list(ws.resourceGroup, ws.name, endpoint.name, o), continuationToken);
    return { items: page.items.map((d, i) => toBatchDeploymentInfo(d, endpoint, page.raw[i])), continuationToken: page.continuationToken };
  }

  private client(tenantId: string, subscriptionId: string): AzureMachineLearningWorkspaces {
    const key = `${tenantId}/${subscriptionId}`.toLowerCase();
    let client = this.clients.get(key);
    if (!client) {
      client = createMachineLearningClient({ cloud: this.options.cloud, credential: this.credential(tenantId), clientOptions: this.clientOptions }, subscriptionId);
      this.clients.set(key, client);
    }
    return client;
  }

  private credential(tenantId: string): TokenCredential {
    const key = tenantId.toLowerCase();
    let credential = this.credentials.get(key);
    if (!credential) {
      credential = shareTokenRequests(this.options.credentialForTenant(tenantId));
      this.credentials.set(key, credential);
    }
    return credential;
  }
}
