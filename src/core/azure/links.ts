// Browser links to a resource in Azure ML Studio and in the Azure portal, for the cloud in use.
import type { CloudEndpoints } from './cloud';
import type { BatchEndpointInfo, WorkspaceInfo } from './models';

/** The workspace in Azure ML Studio (`wsid` is the workspace's ARM ID, `tid` selects the tenant). */
export function studioWorkspaceUrl(cloud: CloudEndpoints, workspace: WorkspaceInfo): string {
  return `${cloud.mlStudioUrl}/?${studioQuery(workspace)}`;
}

/** The batch endpoint's page in Azure ML Studio. */
export function studioEndpointUrl(cloud: CloudEndpoints, endpoint: BatchEndpointInfo): string {
  return `${cloud.mlStudioUrl}/endpoints/batch/${encodeURIComponent(endpoint.name)}/details?${studioQuery(endpoint.workspace)}`;
}

/** Any resource's blade in the Azure portal, in the resource's tenant. */
export function portalResourceUrl(cloud: CloudEndpoints, resourceId: string, tenantId?: string): string {
  const tenant = tenantId ? `@${tenantId}` : '';
  return `${cloud.portalUrl}/#${tenant}/resource${resourceId}`;
}

/** Where the documentation explains how to create a batch endpoint (for the empty-workspace state). */
export const CREATE_BATCH_ENDPOINT_DOCS = 'https://learn.microsoft.com/azure/machine-learning/how-to-use-batch-model-deployments';

function studioQuery(workspace: WorkspaceInfo): string {
  return new URLSearchParams({ wsid: workspace.id, tid: workspace.tenantId }).toString();
}
