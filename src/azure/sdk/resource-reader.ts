// The tree's ResourceReader over the official SDK clients: one request per call, the clients (one per subscription,
// one credential per tenant whose concurrent token requests are joined, one connection pool) from the session's
// AzureClientPool, so expanding many subscriptions at once costs one token and few TLS handshakes.
import type { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import {
  toBatchDeploymentInfo,
  toBatchEndpointInfo,
  toWorkspaceInfo,
  type BatchDeploymentInfo,
  type BatchEndpointInfo,
  type SubscriptionRef,
  type WorkspaceInfo,
  readOnePage,
  type Page,
  type ResourceReader,
} from '../../core/azure';
import type { AzureClientPool } from './client-pool';

export class SdkResourceReader implements ResourceReader {
  constructor(private readonly pool: AzureClientPool) {}

  async listWorkspaces(
    subscription: SubscriptionRef,
    continuationToken?: string,
    signal?: AbortSignal,
  ): Promise<Page<WorkspaceInfo>> {
    const client = this.client(subscription.tenantId, subscription.subscriptionId);
    const page = await readOnePage((o) => client.workspaces.listBySubscription(o), continuationToken, signal);
    return {
      items: page.items.map((w, i) => toWorkspaceInfo(w, subscription, page.raw[i])),
      continuationToken: page.continuationToken,
    };
  }

  async listBatchEndpoints(
    workspace: WorkspaceInfo,
    continuationToken?: string,
    signal?: AbortSignal,
  ): Promise<Page<BatchEndpointInfo>> {
    const client = this.client(workspace.tenantId, workspace.subscriptionId);
    const page = await readOnePage(
      (o) => client.batchEndpoints.list(workspace.resourceGroup, workspace.name, o),
      continuationToken,
      signal,
    );
    return {
      items: page.items.map((e, i) => toBatchEndpointInfo(e, workspace, page.raw[i])),
      continuationToken: page.continuationToken,
    };
  }

  async listBatchDeployments(
    endpoint: BatchEndpointInfo,
    continuationToken?: string,
    signal?: AbortSignal,
  ): Promise<Page<BatchDeploymentInfo>> {
    const ws = endpoint.workspace;
    const client = this.client(ws.tenantId, ws.subscriptionId);
    const page = await readOnePage(
      (o) => client.batchDeployments.list(ws.resourceGroup, ws.name, endpoint.name, o),
      continuationToken,
      signal,
    );
    return {
      items: page.items.map((d, i) => toBatchDeploymentInfo(d, endpoint, page.raw[i])),
      continuationToken: page.continuationToken,
    };
  }

  private client(tenantId: string, subscriptionId: string): AzureMachineLearningWorkspaces {
    return this.pool.machineLearning(tenantId, subscriptionId);
  }
}
