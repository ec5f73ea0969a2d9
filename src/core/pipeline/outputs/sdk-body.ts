// The body for @azure/arm-datafactory `pipelines.createOrUpdate`.
import type { PipelineResource } from '@azure/arm-datafactory';
import { PipelineDocument } from '../model';

/**
 * The pipeline properties as a PipelineResource whose activities keep raw `typeProperties`. The SDK's
 * serializer copies unknown keys of an activity through unchanged, so nothing is lost (its typed WebActivity
 * lacks turnOffAsync and httpRequestTimeout, and mixing its flattened fields with raw typeProperties drops
 * fields). The cast is the point: the typed model would want the flattened form.
 */
export function toCreateOrUpdateBody(pipeline: PipelineDocument): PipelineResource {
  return structuredClone(pipeline.properties) as unknown as PipelineResource;
}
