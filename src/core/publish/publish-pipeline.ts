// Publishes a pipeline with optimistic concurrency: If-Match of the ETag read at review time (or If-None-Match: *
// when the pipeline did not exist then). A 412 never overwrites: it comes back as a conflict with what is there now.
import type { PipelineDocument } from '../pipeline';
import type { FactoryRef } from './factory-ref';
import type { RemotePipeline } from './remote-pipeline';

export type WritePrecondition = { ifMatch: string } | { ifNoneMatch: '*' };

/** Reads and writes pipelines of a factory (SDK-backed in src/azure/sdk/wizard-azure.ts, faked in unit tests). */
export interface PipelineStore {
  read(factory: FactoryRef, pipelineName: string, signal?: AbortSignal): Promise<RemotePipeline | undefined>;
  /** PUT of the document; rejects with the service's error (statusCode 412 when the precondition failed). */
  write(
    factory: FactoryRef,
    document: PipelineDocument,
    precondition: WritePrecondition,
    signal?: AbortSignal,
  ): Promise<{ etag: string | undefined }>;
}

/** What the review saw: the pipeline's ETag, or `undefined` when no pipeline of that name existed. */
export interface PublishRequest {
  factory: FactoryRef;
  document: PipelineDocument;
  reviewedEtag: string | undefined;
  /** The user's Cancel. */
  signal?: AbortSignal;
}

export type PublishOutcome =
  | { kind: 'published'; etag: string | undefined; created: boolean }
  /** The pipeline changed (or appeared, or was deleted) since the review: show `remote` and ask. */
  | { kind: 'conflict'; remote: RemotePipeline | undefined; reason: string };

export async function publishPipeline(store: PipelineStore, request: PublishRequest): Promise<PublishOutcome> {
  const precondition: WritePrecondition =
    request.reviewedEtag === undefined ? { ifNoneMatch: '*' } : { ifMatch: request.reviewedEtag };
  try {
    const written = await store.write(request.factory, request.document, precondition, request.signal);
    return { kind: 'published', etag: written.etag, created: request.reviewedEtag === undefined };
  } catch (error) {
    if (statusOf(error) !== 412) throw error;
    const remote = await store.read(request.factory, request.document.name, request.signal);
    return { kind: 'conflict', remote, reason: conflictReason(request, remote) };
  }
}

function conflictReason(request: PublishRequest, remote: RemotePipeline | undefined): string {
  const name = request.document.name;
  if (request.reviewedEtag === undefined)
    return `Pipeline ${name} was created in Data Factory ${request.factory.name} after your review.`;
  if (!remote) return `Pipeline ${name} was deleted from Data Factory ${request.factory.name} after your review.`;
  return `Pipeline ${name} was changed in Data Factory ${request.factory.name} after your review (someone else published it).`;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}
