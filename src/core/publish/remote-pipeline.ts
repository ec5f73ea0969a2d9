// Reads a pipeline as ARM stores it (raw JSON and ETag), for the review's diff and the If-Match of the publish.
import { DATA_FACTORY_API_VERSION, factoryResourceId, pipelinePath, type FactoryRef } from './factory-ref';
import { jsonOf, sendArm, type RawArmClient } from './raw-arm';

export interface RemotePipeline {
  name: string;
  /** The ETag to send as If-Match; undefined when the service gave none. */
  etag: string | undefined;
  /** `properties` exactly as ARM returned them (nothing dropped). */
  properties: Record<string, unknown>;
}

/**
 * The pipeline, or undefined when the factory has none of that name. A 404 is told apart by reading the factory:
 * a factory that is gone throws its own 404 (the wizard shows it), it never reads as "a new pipeline".
 */
export async function readRemotePipeline(
  client: RawArmClient,
  factory: FactoryRef,
  pipelineName: string,
  signal?: AbortSignal,
): Promise<RemotePipeline | undefined> {
  const response = await sendArm(
    client,
    { method: 'GET', path: pipelinePath(factory, pipelineName), ...(signal ? { signal } : {}) },
    [404],
  );
  if (response.status === 404) {
    await sendArm(client, {
      method: 'GET',
      path: `${factoryResourceId(factory)}?api-version=${DATA_FACTORY_API_VERSION}`,
      ...(signal ? { signal } : {}),
    });
    return undefined;
  }
  const body = jsonOf(response) as { name?: unknown; etag?: unknown; properties?: unknown } | undefined;
  const etag = response.headers['etag'] ?? (typeof body?.etag === 'string' ? body.etag : undefined);
  return {
    name: typeof body?.name === 'string' ? body.name : pipelineName,
    etag,
    properties:
      body && typeof body.properties === 'object' && body.properties !== null
        ? (body.properties as Record<string, unknown>)
        : {},
  };
}
