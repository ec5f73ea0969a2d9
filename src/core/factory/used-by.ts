// "Used by" under a batch endpoint: the factory pipelines, across the selected subscriptions, whose Web
// activity posts to the endpoint's scoring URI. One scan reads every factory and pipeline page once (in
// parallel, a factory's pipelines as soon as its factory page arrives, at most USED_BY_SCAN_CONCURRENCY requests
// at once) and classifies each pipeline once; the result is cached until refresh(), so expanding "Used by" under
// another endpoint sends no request at all.
import { createLimiter, type SubscriptionRef } from '../azure';
import { callsScoringUri, describeInvokes, type PipelineClassification } from './batch-pipelines';
import type { FactoryInfo, FactoryPipeline, FactoryReader } from './reader';

export interface ClassifiedPipeline {
  pipeline: FactoryPipeline;
  classification: PipelineClassification;
}

export interface PipelineUsage extends ClassifiedPipeline {
  /** How it calls the endpoint, e.g. "Run Batch-Endpoint (parameter endpoint_uri)". */
  via: string[];
}

export interface UsageScan {
  pipelines: ClassifiedPipeline[];
  /** Subscriptions or factories that could not be read (the rest is still shown). */
  errors: Array<{ where: string; error: unknown }>;
}

/** Pages read of one list at most (a misbehaving nextLink loop). */
const PAGE_BUDGET = 200;

/** Reads every page of a paged reader call. `budget` bounds the pages (a misbehaving nextLink loop). */
export async function readAll<T>(
  read: (token: string | undefined) => Promise<{ items: T[]; continuationToken?: string }>,
  budget = PAGE_BUDGET,
): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < budget; page++) {
    const result = await read(token);
    items.push(...result.items);
    token = result.continuationToken;
    if (!token) return items;
  }
  throw new Error(`More than ${budget} pages: stopped reading.`);
}

/** Requests a scan has in flight at once: bounds the burst on a tenant with hundreds of factories, while a usual
 * tenant's factories are all read in one round. */
export const USED_BY_SCAN_CONCURRENCY = 32;

export interface UsageIndexOptions {
  /**
   * Every pipeline of a factory, classified. The sidebar passes its own cached listing, so a factory is listed and
   * classified once for both "Used by" and its pipeline groups; default: every page through the reader.
   */
  pipelinesOf?: (factory: FactoryInfo) => Promise<readonly ClassifiedPipeline[]>;
  /** Requests in flight at once (default USED_BY_SCAN_CONCURRENCY). */
  concurrency?: number;
}

export class UsageIndex {
  private scan: Promise<UsageScan> | undefined;
  private readonly pipelinesOf: (factory: FactoryInfo) => Promise<readonly ClassifiedPipeline[]>;

  constructor(
    private readonly reader: FactoryReader,
    private readonly subscriptions: () => Promise<readonly SubscriptionRef[]>,
    private readonly options: UsageIndexOptions = {},
  ) {
    this.pipelinesOf =
      options.pipelinesOf ??
      (async (f) =>
        (await readAll((token) => this.reader.listPipelines(f, token))).map((pipeline) => ({
          pipeline,
          classification: this.reader.classify(pipeline),
        })));
  }

  /** Pipelines calling the endpoint (scans on first use; later calls reuse the scan until refresh()). */
  async usedBy(scoringUri: string | undefined): Promise<{ usages: PipelineUsage[]; errors: UsageScan['errors'] }> {
    const scan = await this.ensureScanned();
    const usages = scan.pipelines
      .filter((p) => callsScoringUri(p.classification, scoringUri))
      .map((p) => ({ ...p, via: describeInvokes(p.classification, scoringUri ?? '') }));
    return { usages, errors: scan.errors };
  }

  /** Classification of one pipeline from the last scan, if it was part of it (tooltips of batch pipelines). */
  async scanned(): Promise<UsageScan> {
    return this.ensureScanned();
  }

  refresh(): void {
    this.scan = undefined;
  }

  private ensureScanned(): Promise<UsageScan> {
    this.scan ??= this.runScan().catch((error: unknown) => {
      this.scan = undefined;
      throw error;
    });
    return this.scan;
  }

  /**
   * Every subscription's factory pages in parallel; each factory's pipelines are listed as soon as the page naming
   * it arrives (not after every subscription's list), so the critical path is the longest chain of pages of one
   * subscription plus one factory's pipeline pages.
   */
  private async runScan(): Promise<UsageScan> {
    const errors: UsageScan['errors'] = [];
    const limiter = createLimiter(this.options.concurrency ?? USED_BY_SCAN_CONCURRENCY);
    const found: ClassifiedPipeline[][] = [];
    const scanFactory = async (factory: FactoryInfo): Promise<void> => {
      try {
        const pipelines = await limiter.run(() => this.pipelinesOf(factory));
        found.push([...pipelines]);
      } catch (error) {
        errors.push({ where: `factory ${factory.name}`, error });
      }
    };
    const scanSubscription = async (subscription: SubscriptionRef): Promise<void> => {
      const factories: Array<Promise<void>> = [];
      try {
        let token: string | undefined;
        for (let page = 0; ; page++) {
          if (page >= PAGE_BUDGET) throw new Error(`More than ${PAGE_BUDGET} pages: stopped reading.`);
          const result = await limiter.run(() => this.reader.listFactories(subscription, token));
          factories.push(...result.items.map(scanFactory));
          token = result.continuationToken;
          if (!token) break;
        }
      } catch (error) {
        errors.push({ where: `subscription ${subscription.name}`, error });
      }
      await Promise.all(factories);
    };
    await Promise.all((await this.subscriptions()).map(scanSubscription));
    // The order of the pages' arrival is not the user's: sort as the tree lists them.
    const pipelines = found
      .flat()
      .sort(
        (a, b) =>
          a.pipeline.factory.name.localeCompare(b.pipeline.factory.name) ||
          a.pipeline.name.localeCompare(b.pipeline.name),
      );
    return { pipelines, errors };
  }
}
