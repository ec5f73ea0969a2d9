// One listing of a session's subscriptions as its pages arrive (ARM pages the list at 50, each page one round trip
// after the previous one): the sidebar paints the first page while the rest is read, and everything else waits for
// the whole list. Pure: the session's listing function is handed in.
import type { SubscriptionRef } from './models';

/** Reads the whole list, reporting every page as it arrives; resolves with the session's final answer. */
export type SubscriptionSource = (
  onPage: (page: readonly SubscriptionRef[]) => void,
) => Promise<readonly SubscriptionRef[]>;

export interface SubscriptionsSoFar {
  /** Deduplicated by subscription id, sorted by name. */
  subscriptions: readonly SubscriptionRef[];
  /** True when this is the whole list. */
  complete: boolean;
}

export class SubscriptionListing {
  private readonly byId = new Map<string, SubscriptionRef>();
  private finished: readonly SubscriptionRef[] | undefined;
  private failure: { error: unknown } | undefined;
  private readonly whole: Promise<readonly SubscriptionRef[]>;
  /** Settles once: with the first page that has a subscription, the whole list, or the error before either. */
  private readonly first: Promise<void>;
  private settleFirst: { resolve(): void; reject(error: unknown): void } = {
    resolve: () => undefined,
    reject: () => undefined,
  };

  /** Starts reading at once. */
  constructor(source: SubscriptionSource) {
    this.first = new Promise<void>((resolve, reject) => {
      this.settleFirst = { resolve, reject };
    });
    this.whole = (async (): Promise<readonly SubscriptionRef[]> => {
      try {
        // The session's final answer wins over the pages: a tenant that failed after its first page drops out.
        const all = sortedUnique(await source((page) => this.addPage(page)));
        this.finished = all;
        this.settleFirst.resolve();
        return all;
      } catch (error) {
        this.failure = { error };
        this.settleFirst.reject(error);
        throw error;
      }
    })();
    // Nobody may ask for the whole list, or for the first page: no unhandled rejection then.
    this.whole.catch(() => undefined);
    this.first.catch(() => undefined);
  }

  /** A listing that is already complete (no session: nothing to list). */
  static of(subscriptions: readonly SubscriptionRef[]): SubscriptionListing {
    return new SubscriptionListing(async () => subscriptions);
  }

  /** Every subscription, once the last page is in; rejects with the listing's error. */
  all(): Promise<SubscriptionRef[]> {
    return this.whole.then((all) => [...all]);
  }

  /**
   * The subscriptions so far as soon as a page with any is in, or the whole list when it ends first (an empty or
   * single-page list); rejects when the listing failed before any subscription arrived or before this call.
   */
  firstPage(): Promise<SubscriptionsSoFar> {
    // Later calls get what is in by then (more pages, the whole list or its error), not the first page again.
    return this.first.then(() => {
      if (this.failure) throw this.failure.error;
      return this.soFar();
    });
  }

  /** What is in now (the whole list once complete). */
  soFar(): SubscriptionsSoFar {
    if (this.finished) return { subscriptions: this.finished, complete: true };
    // The pages are unique by id already (addPage): only the order is left to make.
    return { subscriptions: [...this.byId.values()].sort(byName), complete: false };
  }

  get isComplete(): boolean {
    return this.finished !== undefined;
  }

  get hasFailed(): boolean {
    return this.failure !== undefined;
  }

  private addPage(page: readonly SubscriptionRef[]): void {
    if (this.finished) return;
    for (const s of page) {
      const key = s.subscriptionId.toLowerCase();
      if (!this.byId.has(key)) this.byId.set(key, s);
    }
    // A macrotask later: when this page was the last one, the end follows it without I/O (microtasks only), so a
    // list of one page shows as the whole list, not for an instant with "Loading more subscriptions...".
    if (this.byId.size > 0) setTimeout(() => this.settleFirst.resolve(), 0);
  }
}

/** First of each subscription id, sorted by name (a stable sort keeps equal names in arrival order). */
function sortedUnique(list: readonly SubscriptionRef[]): SubscriptionRef[] {
  const unique = new Map<string, SubscriptionRef>();
  for (const s of list) {
    const key = s.subscriptionId.toLowerCase();
    if (!unique.has(key)) unique.set(key, s);
  }
  return [...unique.values()].sort(byName);
}

function byName(a: SubscriptionRef, b: SubscriptionRef): number {
  return a.name.localeCompare(b.name);
}
