// Browser links to a resource in Azure ML Studio and in the Azure portal, for the cloud in use.
import { CloudConfigurationError, type CloudDefinition } from './cloud';
import type { BatchEndpointInfo, WorkspaceInfo } from './models';

/** The workspace in Azure ML Studio (`wsid` is the workspace's ARM ID, `tid` selects the tenant). */
export function studioWorkspaceUrl(cloud: CloudDefinition, workspace: WorkspaceInfo): string {
  return `${studioBase(cloud)}/?${studioQuery(workspace)}`;
}

/** The batch endpoint's page in Azure ML Studio. */
export function studioEndpointUrl(cloud: CloudDefinition, endpoint: BatchEndpointInfo): string {
  return `${studioBase(cloud)}/endpoints/batch/${encodeURIComponent(endpoint.name)}/details?${studioQuery(endpoint.workspace)}`;
}

/** Any resource's blade in the Azure portal, in the resource's tenant. */
export function portalResourceUrl(cloud: CloudDefinition, resourceId: string, tenantId?: string): string {
  if (!cloud.portalUrl) {
    throw new CloudConfigurationError('This custom cloud has no portal: set adfBatchEndpoints.customCloud.portalUrl.');
  }
  const tenant = tenantId ? `@${tenantId}` : '';
  return `${cloud.portalUrl}/#${tenant}/resource${resourceId}`;
}

/** Where the documentation explains how to create a batch endpoint (for the empty-workspace state). */
export const CREATE_BATCH_ENDPOINT_DOCS =
  'https://learn.microsoft.com/azure/machine-learning/how-to-use-batch-model-deployments';

function studioBase(cloud: CloudDefinition): string {
  if (!cloud.mlStudioUrl) {
    throw new CloudConfigurationError(
      'This custom cloud has no Azure ML Studio: set adfBatchEndpoints.customCloud.mlStudioUrl.',
    );
  }
  return cloud.mlStudioUrl;
}

function studioQuery(workspace: WorkspaceInfo): string {
  return new URLSearchParams({ wsid: workspace.id, tid: workspace.tenantId }).toString();
}
