// The Data Factory lists of the sidebar, per session: factories of a subscription, the (classified) pipelines of
// a factory, runs of a pipeline, activity runs of a run, jobs of a batch endpoint, and the "Used by" index. Each
// list is a PagedList cached by key until invalidated, so expanding a node twice sends no second request.
import { PagedList, type BatchEndpointInfo, type PageFetcher, type SubscriptionRef } from '../core/azure';
import {
  readAll,
  UsageIndex,
  type ActivityRunInfo,
  type BatchJobInfo,
  type ClassifiedPipeline,
  type FactoryInfo,
  type FactoryReader,
  type PipelineRunInfo,
  type UsageScan,
} from '../core/factory';

/** How many runs a pipeline shows before "Load more..." (the "last 10"). */
export const RUNS_PAGE_SIZE = 10;

export interface RunItem extends PipelineRunInfo {
  id: string;
}
export interface ActivityRunItem extends ActivityRunInfo {
  id: string;
}
export interface BatchJobItem extends BatchJobInfo {
  id: string;
}
export interface PipelineItem extends ClassifiedPipeline {
  id: string;
}

export interface UsageItem extends PipelineItem {
  /** How the pipeline calls the endpoint, e.g. "Run Batch-Endpoint (parameter endpoint_uri)". */
  via: string[];
}

export interface FactoryLoaderOptions {
  reader: FactoryReader;
  pageSize: number;
  /** The subscriptions "Used by" scans: the ones the user selected. */
  subscriptions: () => Promise<readonly SubscriptionRef[]>;
  onLoadingChange: (key: string, loading: boolean) => void;
}

export class FactoryLoader {
  private readonly lists = new Map<string, PagedList<unknown>>();
  /** Every pipeline of a factory, read once and shared by its two groups (batch and other). */
  private readonly pipelines = new Map<string, Promise<PipelineItem[]>>();
  readonly usage: UsageIndex;

  constructor(private readonly options: FactoryLoaderOptions) {
    // The scan takes each factory's pipelines from the same cached listing as the factory's groups: one listing per
    // factory, whichever of "Used by" or the factory is expanded first.
    this.usage = new UsageIndex(options.reader, options.subscriptions, {
      pipelinesOf: (factory) => this.allPipelines(factory),
    });
  }

  static factoriesKey(subscription: SubscriptionRef): string {
    return `factories:${subscription.tenantId}/${subscription.subscriptionId}`.toLowerCase();
  }

  factories(subscription: SubscriptionRef): PagedList<FactoryInfo> {
    return this.list(FactoryLoader.factoriesKey(subscription), (token, signal) =>
      this.options.reader.listFactories(subscription, token, signal),
    );
  }

  /** The factory's batch (or other) pipelines, paged locally from one read of the factory's pipelines. */
  pipelineGroup(factory: FactoryInfo, batch: boolean, key: string): PagedList<PipelineItem> {
    return this.list(key, async (token) => {
      const all = (await this.allPipelines(factory)).filter((p) => p.classification.isBatch === batch);
      const start = Number(token ?? 0);
      const end = start + this.options.pageSize;
      return { items: all.slice(start, end), ...(end < all.length ? { continuationToken: String(end) } : {}) };
    });
  }

  runs(factory: FactoryInfo, pipelineName: string, key: string): PagedList<RunItem> {
    return this.list(
      key,
      async (token, signal) => {
        const page = await this.options.reader.listPipelineRuns(factory, pipelineName, token, signal);
        return { ...page, items: page.items.map((r) => ({ ...r, id: r.runId })) };
      },
      RUNS_PAGE_SIZE,
    );
  }

  activityRuns(factory: FactoryInfo, run: PipelineRunInfo, key: string): PagedList<ActivityRunItem> {
    return this.list(key, async (_token, signal) => ({
      items: (await this.options.reader.listActivityRuns(factory, run, signal)).map((a, i) => ({
        ...a,
        id: `${run.runId}/${i}/${a.activityName}`,
      })),
    }));
  }

  /** "Used by": pipelines calling the scoring URI, from the one scan of the selected subscriptions' factories. */
  usedBy(
    scoringUri: string | undefined,
    key: string,
    onPartialErrors: (errors: UsageScan['errors']) => void,
  ): PagedList<UsageItem> {
    return this.list(key, async (token) => {
      const { usages, errors } = await this.usage.usedBy(scoringUri);
      onPartialErrors(errors);
      const items = usages
        .map((u) => ({ id: u.pipeline.id, ...u }))
        .sort(
          (a, b) =>
            a.pipeline.name.localeCompare(b.pipeline.name) ||
            a.pipeline.factory.name.localeCompare(b.pipeline.factory.name),
        );
      const start = Number(token ?? 0);
      const end = start + this.options.pageSize;
      return { items: items.slice(start, end), ...(end < items.length ? { continuationToken: String(end) } : {}) };
    });
  }

  batchJobs(endpoint: BatchEndpointInfo, key: string): PagedList<BatchJobItem> {
    return this.list(
      key,
      async (token, signal) => {
        const page = await this.options.reader.listBatchJobs(endpoint, token, signal);
        return { ...page, items: page.items.map((j) => ({ ...j, id: `${endpoint.id}/jobs/${j.name}` })) };
      },
      RUNS_PAGE_SIZE,
    );
  }

  /** Drops the lists whose key starts with `prefix` (a node and everything below it). */
  invalidate(prefix: string): void {
    const wanted = prefix.toLowerCase();
    for (const [key, list] of [...this.lists]) {
      if (!key.startsWith(wanted)) continue;
      this.lists.delete(key);
      list.cancel();
    }
    for (const key of [...this.pipelines.keys()]) if (key.startsWith(wanted)) this.pipelines.delete(key);
  }

  /** "Used by" from scratch: the scan and the pipeline listings it took are read again. */
  refreshUsage(): void {
    this.pipelines.clear();
    this.usage.refresh();
  }

  invalidateAll(): void {
    for (const list of this.lists.values()) list.cancel();
    this.lists.clear();
    this.pipelines.clear();
    this.usage.refresh();
  }

  private allPipelines(factory: FactoryInfo): Promise<PipelineItem[]> {
    const key = factory.id.toLowerCase();
    let pending = this.pipelines.get(key);
    if (!pending) {
      pending = readAll((token) => this.options.reader.listPipelines(factory, token)).then((pipelines) =>
        pipelines
          .map((pipeline) => ({ id: pipeline.id, pipeline, classification: this.options.reader.classify(pipeline) }))
          .sort((a, b) => a.pipeline.name.localeCompare(b.pipeline.name)),
      );
      pending.catch(() => this.pipelines.delete(key));
      this.pipelines.set(key, pending);
    }
    return pending;
  }

  private list<T>(key: string, fetch: PageFetcher<T>, pageSize = this.options.pageSize): PagedList<T> {
    const cacheKey = key.toLowerCase();
    let list = this.lists.get(cacheKey) as PagedList<T> | undefined;
    if (!list) {
      list = new PagedList(fetch, pageSize, (loading) => this.options.onLoadingChange(key, loading));
      this.lists.set(cacheKey, list as PagedList<unknown>);
    }
    return list;
  }
}
