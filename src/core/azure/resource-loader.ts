// The tree's data, independent of VS Code: one PagedList per expanded parent, all requests through one
// concurrency limiter. The VS Code tree (src/tree) renders it; the bench drives it under plain Node.
import { createLimiter, type Limiter } from './limiter';
import type { BatchDeploymentInfo, BatchEndpointInfo, SubscriptionRef, WorkspaceInfo } from './models';
import { PagedList, type ListSnapshot } from './paged-list';
import type { Page } from './paging';
import { resourceKey, subscriptionResourceId } from './resource-id';

/** Reads one page of children at a time; `continuationToken` undefined means the first page. */
export interface ResourceReader {
  listWorkspaces(subscription: SubscriptionRef, continuationToken?: string): Promise<Page<WorkspaceInfo>>;
  listBatchEndpoints(workspace: WorkspaceInfo, continuationToken?: string): Promise<Page<BatchEndpointInfo>>;
  listBatchDeployments(endpoint: BatchEndpointInfo, continuationToken?: string): Promise<Page<BatchDeploymentInfo>>;
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
    return this.list(ResourceLoader.keyOf(subscription), (token) =>
      this.options.reader.listWorkspaces(subscription, token),
    );
  }

  batchEndpoints(workspace: WorkspaceInfo): PagedList<BatchEndpointInfo> {
    return this.list(ResourceLoader.keyOf(workspace), (token) =>
      this.options.reader.listBatchEndpoints(workspace, token),
    );
  }

  batchDeployments(endpoint: BatchEndpointInfo): PagedList<BatchDeploymentInfo> {
    return this.list(ResourceLoader.keyOf(endpoint), (token) =>
      this.options.reader.listBatchDeployments(endpoint, token),
    );
  }

  /** Forgets the children of `parent` and of everything below it, so the next expand reloads them. */
  invalidate(parent: SubscriptionRef | WorkspaceInfo | BatchEndpointInfo): void {
    const key = ResourceLoader.keyOf(parent);
    for (const existing of [...this.lists.keys()]) {
      if (existing === key || existing.startsWith(`${key}/`)) this.lists.delete(existing);
    }
  }

  invalidateAll(): void {
    this.lists.clear();
  }

  /** Reloads the workspaces of every subscription given, in parallel under the concurrency cap. */
  async refreshSubscriptions(subscriptions: readonly SubscriptionRef[]): Promise<Array<ListSnapshot<WorkspaceInfo>>> {
    for (const subscription of subscriptions) this.invalidate(subscription);
    return Promise.all(subscriptions.map((s) => this.workspaces(s).ensureLoaded()));
  }

  private list<T>(key: string, read: (token: string | undefined) => Promise<Page<T>>): PagedList<T> {
    let list = this.lists.get(key) as PagedList<T> | undefined;
    if (!list) {
      const created: PagedList<T> = new PagedList<T>(
        (token) => this.limiter.run(() => read(token)),
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
