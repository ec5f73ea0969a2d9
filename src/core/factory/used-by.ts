// "Used by" under a batch endpoint: the factory pipelines, across the selected subscriptions, whose Web
// activity posts to the endpoint's scoring URI. One scan reads every factory and pipeline page once (in
// parallel per subscription and factory) and classifies each pipeline once; the result is cached until
// refresh(), so expanding "Used by" under another endpoint sends no request at all.
import type { SubscriptionRef } from '../azure';
import { callsScoringUri, classifyPipeline, describeInvokes, type PipelineClassification } from './batch-pipelines';
import type { FactoryInfo, FactoryPipeline, FactoryReader } from './reader';

export interface ClassifiedPipeline {
  pipeline: FactoryPipeline;
  classification: PipelineClassification;
}

export interface PipelineUsage {
  pipeline: FactoryPipeline;
  /** How it calls the endpoint, e.g. "Run Batch-Endpoint (parameter endpoint_uri)". */
  via: string[];
}

export interface UsageScan {
  pipelines: ClassifiedPipeline[];
  /** Subscriptions or factories that could not be read (the rest is still shown). */
  errors: Array<{ where: string; error: unknown }>;
}

/** Reads every page of a paged reader call. `budget` bounds the pages (a misbehaving nextLink loop). */
export async function readAll<T>(
  read: (token: string | undefined) => Promise<{ items: T[]; continuationToken?: string }>,
  budget = 200,
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

export class UsageIndex {
  private scan: Promise<UsageScan> | undefined;

  constructor(
    private readonly reader: FactoryReader,
    private readonly subscriptions: () => Promise<readonly SubscriptionRef[]>,
  ) {}

  /** Pipelines calling the endpoint (scans on first use; later calls reuse the scan until refresh()). */
  async usedBy(scoringUri: string | undefined): Promise<{ usages: PipelineUsage[]; errors: UsageScan['errors'] }> {
    const scan = await this.ensureScanned();
    const usages = scan.pipelines
      .filter((p) => callsScoringUri(p.classification, scoringUri))
      .map((p) => ({ pipeline: p.pipeline, via: describeInvokes(p.classification, scoringUri ?? '') }));
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

  private async runScan(): Promise<UsageScan> {
    const errors: UsageScan['errors'] = [];
    const subscriptions = await this.subscriptions();
    const factories = (
      await Promise.all(
        subscriptions.map(async (s) => {
          try {
            return await readAll((token) => this.reader.listFactories(s, token));
          } catch (error) {
            errors.push({ where: `subscription ${s.name}`, error });
            return [] as FactoryInfo[];
          }
        }),
      )
    ).flat();
    const pipelines = (
      await Promise.all(
        factories.map(async (f) => {
          try {
            return await readAll((token) => this.reader.listPipelines(f, token));
          } catch (error) {
            errors.push({ where: `factory ${f.name}`, error });
            return [] as FactoryPipeline[];
          }
        }),
      )
    ).flat();
    return {
      pipelines: pipelines.map((pipeline) => ({ pipeline, classification: classifyPipeline(pipeline) })),
      errors,
    };
  }
}
