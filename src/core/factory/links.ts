// Browser links for the Data Factory side: ADF Studio's monitoring page of a run (known clouds only) and a
// batch job in Azure ML Studio.
import type { CloudDefinition } from '../clouds';

/**
 * ADF Studio per known cloud (adf.azure.com; the sovereign clouds' studios are adf.azure.cn and adf.azure.us).
 * A custom cloud has no known ADF Studio.
 */
const ADF_STUDIO: Readonly<Record<string, string>> = {
  AzureCloud: 'https://adf.azure.com',
  AzureChinaCloud: 'https://adf.azure.cn',
  AzureUSGovernment: 'https://adf.azure.us',
};

/** ADF Studio's page of one pipeline run, or undefined for a cloud without a known ADF Studio. */
export function adfStudioRunUrl(cloud: CloudDefinition, factoryId: string, runId: string): string | undefined {
  const base = ADF_STUDIO[cloud.name];
  if (!base) return undefined;
  return `${base}/en/monitoring/pipelineruns/${encodeURIComponent(runId)}?${new URLSearchParams({ factory: factoryId }).toString()}`;
}

/** A batch job's page in Azure ML Studio, or undefined when the cloud has no Studio URL. */
export function studioJobUrl(
  cloud: CloudDefinition,
  workspace: { id: string; tenantId: string },
  jobName: string,
): string | undefined {
  if (!cloud.mlStudioUrl) return undefined;
  return `${cloud.mlStudioUrl}/runs/${encodeURIComponent(jobName)}?${new URLSearchParams({ wsid: workspace.id, tid: workspace.tenantId }).toString()}`;
}
