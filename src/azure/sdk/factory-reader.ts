// The Data Factory side of the sidebar over the official SDK clients of the session's pool: factories and
// pipelines as the raw ARM JSON (the typed pipeline model flattens typeProperties), runs newest first, activity
// runs, and a batch endpoint's jobs through the list `az ml batch-endpoint list-jobs` uses.
import { createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import type { SubscriptionRef, Page, PageableList } from '../../core/azure';
import {
  classifyPipeline,
  toFactoryInfo,
  type FactoryPipelineJson,
  type PipelineClassification,
  type ActivityRunInfo,
  type BatchJobInfo,
  type FactoryInfo,
  type FactoryPipeline,
  type FactoryReader,
  type PipelineRunInfo,
} from '../../core/factory';
import { TERMINAL_JOB_STATUSES } from '../../core/pipeline';
import type { AzureClientPool } from './client-pool';
import { activityRunFacts, isoText } from './activity-runs';

/** api-version of the workspace service's batch job list (azure-ai-ml BatchJobEndpointOperations.list). */
const BATCH_JOB_LIST_API = '2020-09-01-dataplanepreview';
/** How far back the runs of a pipeline are looked for (ADF keeps run history 45 days). */
const RUN_HISTORY_DAYS = 45;

export class SdkFactoryReader implements FactoryReader {
  constructor(private readonly pool: AzureClientPool) {}

  async listFactories(
    subscription: SubscriptionRef,
    continuationToken?: string,
    signal?: AbortSignal,
  ): Promise<Page<FactoryInfo>> {
    const client = this.pool.dataFactory(subscription.tenantId, subscription.subscriptionId);
    const page = await readRawPage((o) => client.factories.list(o), continuationToken, signal);
    const items = page.raw.map((raw) => toFactoryInfo(raw, subscription)).filter((f): f is FactoryInfo => !!f);
    return { items: items.sort((a, b) => a.name.localeCompare(b.name)), continuationToken: page.continuationToken };
  }

  classify(pipeline: FactoryPipelineJson): PipelineClassification {
    return classifyPipeline(pipeline);
  }

  async listPipelines(factory: FactoryInfo, continuationToken?: string): Promise<Page<FactoryPipeline>> {
    const client = this.pool.dataFactory(factory.tenantId, factory.subscriptionId);
    const page = await readRawPage(
      (o) => client.pipelines.listByFactory(factory.resourceGroup, factory.name, o),
      continuationToken,
    );
    const items = page.raw.flatMap((raw) => {
      const r = raw as { id?: unknown; name?: unknown; properties?: unknown; etag?: unknown };
      if (typeof r?.name !== 'string') return [];
      return [
        {
          id: typeof r.id === 'string' ? r.id : `${factory.id}/pipelines/${r.name}`,
          name: r.name,
          factory,
          properties: r.properties ?? {},
          ...(typeof r.etag === 'string' ? { etag: r.etag } : {}),
        },
      ];
    });
    return { items, continuationToken: page.continuationToken };
  }

  async listPipelineRuns(
    factory: FactoryInfo,
    pipelineName: string | undefined,
    continuationToken?: string,
    signal?: AbortSignal,
  ): Promise<Page<PipelineRunInfo>> {
    const client = this.pool.dataFactory(factory.tenantId, factory.subscriptionId);
    const now = Date.now();
    const result = await client.pipelineRuns.queryByFactory(
      factory.resourceGroup,
      factory.name,
      {
        lastUpdatedAfter: new Date(now - RUN_HISTORY_DAYS * 86400_000),
        lastUpdatedBefore: new Date(now + 86400_000),
        orderBy: [{ orderBy: 'RunStart', order: 'DESC' }],
        ...(pipelineName ? { filters: [{ operand: 'PipelineName', operator: 'Equals', values: [pipelineName] }] } : {}),
        ...(continuationToken ? { continuationToken } : {}),
      },
      signal ? { abortSignal: signal } : {},
    );
    return {
      items: result.value.map((r) => ({
        runId: r.runId ?? '',
        pipelineName: r.pipelineName ?? pipelineName ?? '',
        status: r.status ?? 'Unknown',
        ...(r.runStart ? { runStart: isoText(r.runStart) } : {}),
        ...(r.runEnd ? { runEnd: isoText(r.runEnd) } : {}),
        ...(typeof r.durationInMs === 'number' ? { durationInMs: r.durationInMs } : {}),
        ...(r.message ? { message: r.message } : {}),
        ...(r.runGroupId ? { runGroupId: r.runGroupId } : {}),
      })),
      ...(result.continuationToken ? { continuationToken: result.continuationToken } : {}),
    };
  }

  async listActivityRuns(factory: FactoryInfo, run: PipelineRunInfo, signal?: AbortSignal): Promise<ActivityRunInfo[]> {
    const client = this.pool.dataFactory(factory.tenantId, factory.subscriptionId);
    const started = run.runStart ? Date.parse(run.runStart) : Date.now();
    const result: ActivityRunInfo[] = [];
    let continuationToken: string | undefined;
    for (let page = 0; page < 50; page++) {
      const response = await client.activityRuns.queryByPipelineRun(
        factory.resourceGroup,
        factory.name,
        run.runId,
        {
          lastUpdatedAfter: new Date(started - 3600_000),
          lastUpdatedBefore: new Date(Date.now() + 3600_000),
          ...(continuationToken ? { continuationToken } : {}),
        },
        signal ? { abortSignal: signal } : {},
      );
      for (const a of response.value) result.push(activityRunFacts(a));
      continuationToken = response.continuationToken || undefined;
      if (!continuationToken) break;
    }
    return result.sort((a, b) => (a.activityRunStart ?? '').localeCompare(b.activityRunStart ?? ''));
  }

  async listBatchJobs(
    endpoint: { id: string; workspace: { tenantId: string; subscriptionId: string } },
    continuationToken?: string,
    signal?: AbortSignal,
  ): Promise<Page<BatchJobInfo>> {
    const client = this.pool.machineLearning(endpoint.workspace.tenantId, endpoint.workspace.subscriptionId);
    // The workspace service's list; sent to the ARM endpoint of the session's cloud (the emulator serves it there).
    const url =
      continuationToken ??
      `${this.pool.cloud.resourceManagerEndpoint.replace(/\/+$/, '')}${endpoint.id}/jobs?api-version=${BATCH_JOB_LIST_API}`;
    const response = await client.sendRequest(
      createPipelineRequest({
        url,
        method: 'GET',
        headers: createHttpHeaders({ Accept: 'application/json' }),
        ...(signal ? { abortSignal: signal } : {}),
      }),
    );
    if (response.status < 200 || response.status >= 300) {
      const body = safeJson(response.bodyAsText) as { error?: { code?: string; message?: string } } | undefined;
      throw Object.assign(
        new Error(body?.error?.message ?? `Listing the endpoint's jobs answered ${response.status}.`),
        { statusCode: response.status, code: body?.error?.code },
      );
    }
    const body = (safeJson(response.bodyAsText) ?? {}) as { value?: unknown[]; nextLink?: unknown };
    const items = (body.value ?? []).map(toBatchJobInfo).filter((j): j is BatchJobInfo => !!j);
    return {
      items,
      ...(typeof body.nextLink === 'string' && body.nextLink ? { continuationToken: body.nextLink } : {}),
    };
  }
}

/**
 * One page of an SDK list with the items as ARM sent them: the response text, not the deserialized model (which
 * flattens `properties` and drops fields the model does not know).
 */
async function readRawPage(
  list: (options: {
    onResponse: (r: { bodyAsText?: string | null }) => void;
    abortSignal?: AbortSignal;
  }) => PageableList<unknown>,
  continuationToken?: string,
  signal?: AbortSignal,
): Promise<{ raw: unknown[]; continuationToken?: string }> {
  let text: string | null | undefined;
  const pages = list({
    onResponse: (response) => {
      text = response.bodyAsText;
    },
    ...(signal ? { abortSignal: signal } : {}),
  }).byPage(continuationToken ? { continuationToken } : undefined);
  try {
    await pages.next();
    const body = (safeJson(text) ?? {}) as { value?: unknown; nextLink?: unknown };
    return {
      raw: Array.isArray(body.value) ? body.value : [],
      ...(typeof body.nextLink === 'string' && body.nextLink ? { continuationToken: body.nextLink } : {}),
    };
  } finally {
    await pages.return?.(undefined);
  }
}

function toBatchJobInfo(raw: unknown): BatchJobInfo | undefined {
  const r = raw as {
    name?: unknown;
    properties?: { status?: unknown; outputData?: Record<string, { uri?: unknown }> };
    systemData?: { createdAt?: unknown; lastModifiedAt?: unknown };
  };
  if (typeof r?.name !== 'string') return undefined;
  const status = String(r.properties?.status ?? 'Unknown');
  const terminal = (TERMINAL_JOB_STATUSES as readonly string[]).includes(status);
  return {
    name: r.name,
    status,
    ...(typeof r.systemData?.createdAt === 'string' ? { createdAt: r.systemData.createdAt } : {}),
    ...(terminal && typeof r.systemData?.lastModifiedAt === 'string' ? { endedAt: r.systemData.lastModifiedAt } : {}),
    outputUris: Object.values(r.properties?.outputData ?? {})
      .map((o) => (typeof o?.uri === 'string' ? o.uri : ''))
      .filter(Boolean),
  };
}

function safeJson(text: string | null | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
