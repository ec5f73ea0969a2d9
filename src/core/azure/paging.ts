// Reads exactly one server page of an ARM list, so the tree can offer "Load more..." instead of draining
// every page up front. The SDK's `byPage({ continuationToken })` resumes from a nextLink; the ARM SDKs
// throw on `maxPageSize` ("maxPageSize is not supported by this operation"), so page size is not passed here.

/** The part of the SDK's PagedAsyncIterableIterator used here. */
export interface PageableList<T> {
  byPage(settings?: { continuationToken?: string }): AsyncIterableIterator<T[]>;
}

/** Per-request options the SDK list operations accept; onResponse exposes the raw ARM body. */
export interface RawResponseOptions {
  onResponse?: (rawResponse: { parsedBody?: unknown; status: number }) => void;
  /** Aborts the request (a refresh dropped the list that asked). */
  abortSignal?: AbortSignal;
}

export interface Page<T> {
  items: T[];
  /** The nextLink to resume from; undefined on the last page. */
  continuationToken?: string;
}

export interface RawPage<T> extends Page<T> {
  /** The ARM JSON of each item (same order as `items`), as the service sent it. */
  raw: unknown[];
}

/**
 * Fetches the page at `continuationToken` (the first page when undefined) with one request, and stops the
 * iterator so that nothing is prefetched.
 */
export async function readOnePage<T>(
  list: (options: RawResponseOptions) => PageableList<T>,
  continuationToken?: string,
  signal?: AbortSignal,
): Promise<RawPage<T>> {
  let body: unknown;
  const pages = list({
    onResponse: (response) => {
      body = response.parsedBody;
    },
    ...(signal ? { abortSignal: signal } : {}),
  }).byPage(continuationToken ? { continuationToken } : undefined);
  try {
    const first = await pages.next();
    const items = first.done ? [] : first.value;
    const { value, nextLink } = armListBody(body);
    return { items, raw: items.map((item, i) => value[i] ?? item), continuationToken: nextLink };
  } finally {
    await pages.return?.(undefined);
  }
}

function armListBody(body: unknown): { value: unknown[]; nextLink?: string } {
  if (typeof body !== 'object' || body === null) return { value: [] };
  const b = body as { value?: unknown; nextLink?: unknown };
  return {
    value: Array.isArray(b.value) ? b.value : [],
    nextLink: typeof b.nextLink === 'string' && b.nextLink ? b.nextLink : undefined,
  };
}
