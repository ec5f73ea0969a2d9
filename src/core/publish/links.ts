// Links out of the wizard: the pipeline in ADF Studio and the batch job in Azure ML Studio.
import type { CloudDefinition } from '../clouds';

const ADF_STUDIO: Record<string, string> = {
  AzureCloud: 'https://adf.azure.com',
  AzureChinaCloud: 'https://adf.azure.cn',
  AzureUSGovernment: 'https://adf.azure.us',
};

/** The pipeline in ADF Studio's authoring view; undefined for a custom cloud (no known ADF Studio). */
export function adfStudioPipelineUrl(
  cloud: CloudDefinition,
  factoryId: string,
  pipelineName: string,
): string | undefined {
  const base = ADF_STUDIO[cloud.name];
  if (!base) return undefined;
  return `${base}/en/authoring/pipeline/${encodeURIComponent(pipelineName)}?factory=${encodeURIComponent(withLeadingSlash(factoryId))}`;
}

/** The job's page in Azure ML Studio (`wsid` selects the workspace, `tid` the tenant). */
export function mlStudioJobUrl(mlStudioUrl: string, jobName: string, workspaceId: string, tenantId?: string): string {
  const query = new URLSearchParams({ wsid: withLeadingSlash(workspaceId), ...(tenantId ? { tid: tenantId } : {}) });
  return `${mlStudioUrl.replace(/\/+$/, '')}/runs/${encodeURIComponent(jobName)}?${query.toString()}`;
}

function withLeadingSlash(id: string): string {
  return id.startsWith('/') ? id : `/${id}`;
}
