// List paging with nextLink, like ARM: the link carries the original query plus a $skipToken.
import { failArm } from './errors';
import type { EmulatorRequest } from './http';

export interface Page<T> {
  value: T[];
  nextLink?: string;
}

const TOKEN = '$skipToken';

/** One page of `items` for this request; `nextLink` when more remain. */
export function paginate<T>(req: EmulatorRequest, baseUrl: string, pageSize: number, items: readonly T[]): Page<T> {
  const raw = req.query.get(TOKEN);
  const offset = raw === null ? 0 : Number(raw);
  if (!Number.isInteger(offset) || offset < 0) failArm(400, 'InvalidSkipToken', `The ${TOKEN} '${raw}' is not valid.`);
  const value = items.slice(offset, offset + pageSize);
  if (offset + pageSize >= items.length) return { value };
  const query = new URLSearchParams(req.query);
  query.set(TOKEN, String(offset + pageSize));
  return { value, nextLink: `${baseUrl}${req.path}?${query.toString()}` };
}
