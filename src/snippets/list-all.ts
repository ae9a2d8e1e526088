/**
 * listAll: every item of a cursor-paginated list, one page at a time, for APIs in the Stripe style: send `limit`
 * and `starting_after` (the id of the last item you received), read `data` and `has_more`.
 *
 * It is an async generator, so the caller can stop early (`break`) and no further page is fetched. Each page is a
 * GET, which is safe to repeat, so fetchWithRetry retries a failed page without losing the place in the list.
 */
import { fetchWithRetry, type RetryOptions } from './fetch-with-retry.ts';

export interface ListPage<T> {
  data: T[];
  has_more: boolean;
}

export interface ListAllOptions<T> {
  /** Items per request; most APIs allow up to 100. Fewer, fuller pages cost fewer requests against a rate limit. */
  pageSize?: number;
  /** What `starting_after` must name: the `id` by default; some lists page by another field, such as a `name`. */
  cursorOf?: (item: T) => string;
  retry?: RetryOptions;
}

export async function* listAll<T>(
  url: string | URL,
  init: RequestInit = {},
  options: ListAllOptions<T> = {},
): AsyncGenerator<T> {
  const { pageSize = 100, cursorOf = (item: T) => (item as { id: string }).id, retry } = options;
  let cursor: string | undefined;
  for (;;) {
    const pageUrl = new URL(url);
    pageUrl.searchParams.set('limit', String(pageSize));
    if (cursor !== undefined) pageUrl.searchParams.set('starting_after', cursor);

    const response = await fetchWithRetry(pageUrl, { ...init, method: 'GET' }, retry);
    const page = (await response.json()) as ListPage<T>;
    yield* page.data;

    const last = page.data.at(-1);
    // An empty page with has_more would loop forever on the same cursor; stop instead.
    if (!page.has_more || last === undefined) return;
    cursor = cursorOf(last);
  }
}
