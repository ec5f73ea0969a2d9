// The tree's data, independent of VS Code: one PagedList per expanded parent, all requests through one
// concurrency limiter. The VS Code tree (src/tree) renders it; the bench drives it under plain Node.
import { createLimiter, type Limiter } from './limiter';
import type { BatchDeploymentInfo, BatchEndpointInfo, SubscriptionRef, WorkspaceInfo } from './models';
import { PagedList, type ListSnapshot, type PageFetcher } from './paged-list';
import type { Page } from './paging';
import { resourceKey, subscriptionResourceId } from './resource-id';

/** Reads one page of children at a time; `continuationToken` undefined means the first page. */
export interface ResourceReader {
  listWorkspaces(
    subscription: SubscriptionRef,
    continuationToken?: string,
    signal?: AbortSignal,
  ): Promise<Page<WorkspaceInfo>>;
  listBatchEndpoints(
    workspace: WorkspaceInfo,
    continuationToken?: string,
    signal?: AbortSignal,
  ): Promise<Page<BatchEndpointInfo>>;
  listBatchDeployments(
    endpoint: BatchEndpointInfo,
    continuationToken?: string,
    signal?: AbortSignal,
  ): Promise<Page<BatchDeploymentInfo>>;
}

export interface ResourceLoaderOptions {
  reader: ResourceReader;
  /** Items per step before "Load more...". */
  pageSize: number;
  /** Requests in flight at most, across all subscriptions. */
  concurrency: number;
  /** Called when a list starts or stops talking to Azure (the tree shows "Loading..." on the parent). */
  onLoadingChange?: (key: string, loading: boolean) => void;
}

export class ResourceLoader {
  private readonly lists = new Map<string, PagedList<unknown>>();
  private readonly limiter: Limiter;

  constructor(private readonly options: ResourceLoaderOptions) {
    this.limiter = createLimiter(options.concurrency);
  }

  /** The cache key of the children of a subscription, workspace or endpoint (case-insensitive ARM ID). */
  static keyOf(parent: SubscriptionRef | WorkspaceInfo | BatchEndpointInfo): string {
    return resourceKey('kind' in parent ? parent.id : subscriptionResourceId(parent.subscriptionId));
  }

  workspaces(subscription: SubscriptionRef): PagedList<WorkspaceInfo> {
    return this.list(ResourceLoader.keyOf(subscription), (token, signal) =>
      this.options.reader.listWorkspaces(subscription, token, signal),
    );
  }

  batchEndpoints(workspace: WorkspaceInfo): PagedList<BatchEndpointInfo> {
    return this.list(ResourceLoader.keyOf(workspace), (token, signal) =>
      this.options.reader.listBatchEndpoints(workspace, token, signal),
    );
  }

  batchDeployments(endpoint: BatchEndpointInfo): PagedList<BatchDeploymentInfo> {
    return this.list(ResourceLoader.keyOf(endpoint), (token, signal) =>
      this.options.reader.listBatchDeployments(endpoint, token, signal),
    );
  }

  /** Forgets the children of `parent` and of everything below it (their requests in flight aborted), so the next
   * expand reloads them. */
  invalidate(parent: SubscriptionRef | WorkspaceInfo | BatchEndpointInfo): void {
    const key = ResourceLoader.keyOf(parent);
    for (const [existing, list] of [...this.lists]) {
      if (existing === key || existing.startsWith(`${key}/`)) {
        this.lists.delete(existing);
        list.cancel();
      }
    }
  }

  invalidateAll(): void {
    for (const list of this.lists.values()) list.cancel();
    this.lists.clear();
  }

  /** Reloads the workspaces of every subscription given, in parallel under the concurrency cap. */
  async refreshSubscriptions(subscriptions: readonly SubscriptionRef[]): Promise<Array<ListSnapshot<WorkspaceInfo>>> {
    for (const subscription of subscriptions) this.invalidate(subscription);
    return Promise.all(subscriptions.map((s) => this.workspaces(s).ensureLoaded()));
  }

  private list<T>(key: string, read: PageFetcher<T>): PagedList<T> {
    let list = this.lists.get(key) as PagedList<T> | undefined;
    if (!list) {
      const created: PagedList<T> = new PagedList<T>(
        // A list dropped while waiting for a slot sends nothing.
        (token, signal) =>
          this.limiter.run(() => {
            signal.throwIfAborted();
            return read(token, signal);
          }),
        this.options.pageSize,
        // A list dropped by invalidate() while loading no longer speaks for its key.
        (loading) => {
          if (this.lists.get(key) === created) this.options.onLoadingChange?.(key, loading);
        },
      );
      list = created;
      this.lists.set(key, list as PagedList<unknown>);
    }
    return list;
  }
}
