// One child list of the tree (the workspaces of a subscription, the endpoints of a workspace, ...), loaded
// page by page. It shows `pageSize` items per step ("Load more..." adds a step), keeps what a server page
// returned beyond that in a buffer instead of asking again, and joins a load already in flight, so one
// expand never sends the same request twice. A list that is dropped (a refresh) is cancelled: its request in
// flight is aborted, which frees its slot in the tree's limiter at once.
import { describeAzureError, type AzureErrorInfo } from './errors';
import type { Page } from './paging';

export interface ListSnapshot<T> {
  items: readonly T[];
  /** More items exist on the server or in the buffer: the tree ends the list with "Load more...". */
  hasMore: boolean;
  loading: boolean;
  /** The last load failed; `items` still holds what loaded before (a failed "Load more..." keeps them). */
  error?: AzureErrorInfo;
}

export type PageFetcher<T> = (continuationToken: string | undefined, signal: AbortSignal) => Promise<Page<T>>;

export class PagedList<T> {
  private readonly shown: T[] = [];
  private readonly buffer: T[] = [];
  private nextToken: string | undefined;
  private exhausted = false;
  private target = 0;
  private error: AzureErrorInfo | undefined;
  private pending: Promise<ListSnapshot<T>> | undefined;
  private readonly abort = new AbortController();

  constructor(
    private readonly fetchPage: PageFetcher<T>,
    private readonly pageSize: number,
    private readonly onLoading: (loading: boolean) => void = () => undefined,
  ) {
    if (!Number.isInteger(pageSize) || pageSize < 1)
      throw new RangeError(`page size must be a positive integer, got ${pageSize}`);
  }

  snapshot(): ListSnapshot<T> {
    return {
      items: [...this.shown],
      hasMore: this.buffer.length > 0 || !this.exhausted,
      loading: this.pending !== undefined,
      error: this.error,
    };
  }

  /** True once the first step has loaded (or failed): expanding again costs no request. */
  get settled(): boolean {
    return this.target > 0 && this.pending === undefined;
  }

  /** Loads the first step once; later calls return what is loaded, or join the load in flight. */
  ensureLoaded(): Promise<ListSnapshot<T>> {
    if (this.target === 0) this.target = this.pageSize;
    return (
      this.pending ??
      (this.shown.length >= this.target || this.error || (this.exhausted && this.buffer.length === 0)
        ? Promise.resolve(this.snapshot())
        : this.fill())
    );
  }

  /** Shows the next `pageSize` items (one click on "Load more..."). */
  loadMore(): Promise<ListSnapshot<T>> {
    if (this.pending) return this.pending;
    this.target = Math.max(this.target, this.shown.length + this.pageSize);
    this.error = undefined;
    return this.fill();
  }

  /** Aborts the request in flight; the list is being dropped (it fails its load, nobody shows it any more). */
  cancel(): void {
    this.abort.abort();
  }

  /** Retries after an error, continuing from where the failed request left off. */
  retry(): Promise<ListSnapshot<T>> {
    if (this.pending) return this.pending;
    this.error = undefined;
    if (this.target === 0) this.target = this.pageSize;
    return this.fill();
  }

  private fill(): Promise<ListSnapshot<T>> {
    const willFetch = this.shown.length + this.buffer.length < this.target && !this.exhausted;
    const work = async (): Promise<void> => {
      try {
        while (this.shown.length < this.target) {
          if (this.buffer.length > 0) {
            this.shown.push(...this.buffer.splice(0, this.target - this.shown.length));
            continue;
          }
          if (this.exhausted) break;
          this.abort.signal.throwIfAborted();
          const page = await this.fetchPage(this.nextToken, this.abort.signal);
          this.buffer.push(...page.items);
          this.nextToken = page.continuationToken;
          this.exhausted = !page.continuationToken;
        }
      } catch (error) {
        this.error = describeAzureError(error);
      }
    };
    // `pending` is cleared in a later tick than it is set, even when no request is needed.
    const pending = work().then(() => {
      this.pending = undefined;
      if (willFetch) this.onLoading(false);
      return this.snapshot();
    });
    this.pending = pending;
    if (willFetch) this.onLoading(true);
    return pending;
  }
}
