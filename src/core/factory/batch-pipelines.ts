// Which factory pipelines call an Azure ML batch endpoint, and which endpoint: the validator's batch rules
// recognise the invoke, and the scoring URI it posts to (literal or a parameter default) names the endpoint.
import { findBatchInvokes, type BatchInvokeInfo } from '../validator';

/** A pipeline as ARM returns it (`pipelines.get`/`listByFactory`): its name and raw properties. */
export interface FactoryPipelineJson {
  readonly name: string;
  readonly properties: unknown;
}

export interface PipelineClassification {
  /** True when at least one Web activity invokes a batch endpoint (ADF701-ADF707's test). */
  readonly isBatch: boolean;
  readonly invokes: readonly BatchInvokeInfo[];
  /** Scoring URIs the invokes call, known before a run (normalised, de-duplicated). */
  readonly scoringUris: readonly string[];
}

export function classifyPipeline(pipeline: FactoryPipelineJson): PipelineClassification {
  const invokes = findBatchInvokes(JSON.stringify({ name: pipeline.name, properties: pipeline.properties ?? {} }));
  const scoringUris = [
    ...new Set(invokes.map((i) => (i.url ? normalizeScoringUri(i.url) : undefined)).filter((u): u is string => !!u)),
  ];
  return { isBatch: invokes.length > 0, invokes, scoringUris };
}

/**
 * The form two scoring URIs are compared in: scheme and host lower-cased (DNS is case-insensitive), no
 * trailing slash, no query or fragment. The path keeps its case (the endpoint name is part of the host, and
 * paths are case-sensitive in general). Undefined for a string that is not an http(s) URL.
 */
export function normalizeScoringUri(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host.toLowerCase()}${path}`;
}

/** True when the classified pipeline posts to this scoring URI (directly or through a parameter default). */
export function callsScoringUri(classification: PipelineClassification, scoringUri: string | undefined): boolean {
  const wanted = scoringUri ? normalizeScoringUri(scoringUri) : undefined;
  return wanted !== undefined && classification.scoringUris.includes(wanted);
}

/** How a pipeline reaches an endpoint, for tooltips: "Run Batch-Endpoint (parameter endpoint_uri)". */
export function describeInvokes(classification: PipelineClassification, scoringUri: string): string[] {
  const wanted = normalizeScoringUri(scoringUri);
  return classification.invokes
    .filter((i) => i.url && normalizeScoringUri(i.url) === wanted)
    .map(
      (i) =>
        `${i.activityName ?? 'a Web activity'}${i.urlParameters.length ? ` (parameter ${i.urlParameters.join(', ')})` : ''}`,
    );
}
