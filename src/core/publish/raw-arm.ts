// A raw JSON view of ARM for the reads the typed models would spoil: `pipelines.get` drops the properties the
// SDK's model does not know (turnOffAsync, httpRequestTimeout, ...), so a pipeline is read as the JSON ARM sent.
// The implementation sends through the SDK client's own pipeline (auth, retries, user agent): see src/azure/sdk/wizard-azure.ts.

export interface RawArmRequest {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** Path and query after the ARM endpoint, e.g. `/subscriptions/...?api-version=...`. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Cancels the request (the user's Cancel); the request timeout applies besides. */
  signal?: AbortSignal;
}

export interface RawArmResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  bodyText: string;
}

export interface RawArmClient {
  send(request: RawArmRequest): Promise<RawArmResponse>;
}

/**
 * A failed ARM call, shaped like the SDK's RestError (statusCode, code, response.bodyAsText) so the shared error
 * description (src/core/azure/errors.ts) reads it the same way.
 */
export class ArmResponseError extends Error {
  readonly statusCode: number;
  readonly code: string | undefined;
  readonly response: { status: number; bodyAsText: string };

  constructor(request: RawArmRequest, response: RawArmResponse) {
    const body = armErrorBody(response.bodyText);
    super(body.message ?? `${request.method} ${request.path.split('?')[0]} answered ${response.status}.`);
    this.name = 'RestError';
    this.statusCode = response.status;
    this.code = body.code;
    this.response = { status: response.status, bodyAsText: response.bodyText };
  }
}

/** Sends and throws ArmResponseError unless the status is 2xx or one of `accept`. */
export async function sendArm(
  client: RawArmClient,
  request: RawArmRequest,
  accept: readonly number[] = [],
): Promise<RawArmResponse> {
  const response = await client.send(request);
  if ((response.status >= 200 && response.status < 300) || accept.includes(response.status)) return response;
  throw new ArmResponseError(request, response);
}

/** JSON body of a response; undefined when empty or not JSON. */
export function jsonOf(response: RawArmResponse): unknown {
  if (!response.bodyText.trim()) return undefined;
  try {
    return JSON.parse(response.bodyText) as unknown;
  } catch {
    return undefined;
  }
}

function armErrorBody(text: string): { code?: string; message?: string } {
  try {
    const parsed = JSON.parse(text) as {
      error?: { code?: unknown; message?: unknown };
      code?: unknown;
      message?: unknown;
    };
    const inner = parsed.error ?? parsed;
    return {
      code: typeof inner.code === 'string' ? inner.code : undefined,
      message: typeof inner.message === 'string' ? inner.message : undefined,
    };
  } catch {
    return {};
  }
}
