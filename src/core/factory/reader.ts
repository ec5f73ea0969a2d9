// What the Data Factory side of the sidebar reads, one page at a time (the SDK implementation lives in
// src/azure/sdk/factory-reader.ts). Shapes are plain data, mapped from ARM JSON.
import type { Page, SubscriptionRef } from '../azure';
import type { ActivityRunFacts } from '../publish';
import type { FactoryPipelineJson, PipelineClassification } from './batch-pipelines';

export interface FactoryInfo {
  id: string;
  name: string;
  subscriptionId: string;
  tenantId: string;
  resourceGroup: string;
  location?: string;
  /** "system-assigned identity" or "no managed identity". */
  identity: string;
  /** "live mode", "GitHub: contoso/analytics-adf (main)", "Azure DevOps: ..." */
  gitMode: string;
}

/** A pipeline as ARM sent it (raw properties: the typed SDK model drops and flattens fields). */
export interface FactoryPipeline {
  id: string;
  name: string;
  factory: FactoryInfo;
  properties: unknown;
  etag?: string;
}

export interface PipelineRunInfo {
  runId: string;
  pipelineName: string;
  status: string;
  runStart?: string;
  runEnd?: string;
  durationInMs?: number;
  message?: string;
  runGroupId?: string;
}

/** An activity run as the wizard's run monitor and the sidebar both read it. */
export type ActivityRunInfo = ActivityRunFacts;

export interface BatchJobInfo {
  name: string;
  status: string;
  createdAt?: string;
  endedAt?: string;
  outputUris: string[];
}

export interface FactoryReader {
  listFactories(
    subscription: SubscriptionRef,
    continuationToken?: string,
    signal?: AbortSignal,
  ): Promise<Page<FactoryInfo>>;
  listPipelines(factory: FactoryInfo, continuationToken?: string): Promise<Page<FactoryPipeline>>;
  /** Runs of one pipeline (or of the factory), newest first. */
  listPipelineRuns(
    factory: FactoryInfo,
    pipelineName: string | undefined,
    continuationToken?: string,
    signal?: AbortSignal,
  ): Promise<Page<PipelineRunInfo>>;
  listActivityRuns(factory: FactoryInfo, run: PipelineRunInfo, signal?: AbortSignal): Promise<ActivityRunInfo[]>;
  listBatchJobs(
    endpoint: { id: string; workspace: { tenantId: string; subscriptionId: string } },
    continuationToken?: string,
    signal?: AbortSignal,
  ): Promise<Page<BatchJobInfo>>;
  /**
   * Whether a pipeline calls a batch endpoint, and which (classifyPipeline). Asked of the reader because it needs
   * the validator's batch rules, which the reader's lazily loaded bundle carries and activation does not.
   */
  classify(pipeline: FactoryPipelineJson): PipelineClassification;
}

/** Description of a factory row: identity and git mode. */
export function factoryDescription(factory: FactoryInfo): string {
  return `${factory.identity} · ${factory.gitMode}`;
}

/** Maps an ARM factory resource (raw JSON) to FactoryInfo. */
export function toFactoryInfo(raw: unknown, subscription: SubscriptionRef): FactoryInfo | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as {
    id?: unknown;
    name?: unknown;
    location?: unknown;
    identity?: { principalId?: unknown; type?: unknown } | null;
    properties?: { repoConfiguration?: Record<string, unknown> | null };
  };
  if (typeof r.id !== 'string' || typeof r.name !== 'string') return undefined;
  const rg = /\/resourceGroups\/([^/]+)/i.exec(r.id)?.[1] ?? '';
  const repo = r.properties?.repoConfiguration;
  let gitMode = 'live mode';
  if (repo && typeof repo === 'object') {
    const kind = String(repo.type ?? '') === 'FactoryVSTSConfiguration' ? 'Azure DevOps' : 'GitHub';
    const project = repo.projectName ? `${String(repo.projectName)}/` : '';
    gitMode = `${kind}: ${String(repo.accountName ?? '')}/${project}${String(repo.repositoryName ?? '')} (${String(repo.collaborationBranch ?? '')})`;
  }
  return {
    id: r.id,
    name: r.name,
    subscriptionId: subscription.subscriptionId,
    tenantId: subscription.tenantId,
    resourceGroup: rg,
    ...(typeof r.location === 'string' ? { location: r.location } : {}),
    identity:
      r.identity && typeof r.identity.principalId === 'string' ? 'system-assigned identity' : 'no managed identity',
    gitMode,
  };
}
