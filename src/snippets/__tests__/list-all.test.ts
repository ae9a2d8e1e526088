import { describe, expect, test } from 'vitest';
import { createEngineRoomSandbox } from '../../../mocks/catalog.ts';
import type { RetryOptions } from '../fetch-with-retry.ts';
import { listAll } from '../list-all.ts';

/** listAll against the real sandbox core, in memory: the same handlers that answer Try it in the browser. */
function sandboxFetch(key = 'sk_test_list_all_tests') {
  const sandbox = createEngineRoomSandbox();
  const urls: string[] = [];
  const fetch: NonNullable<RetryOptions['fetch']> = async (url, init) => {
    urls.push(String(url));
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${key}`);
    const response = await sandbox.handle(new Request(url, { ...init, headers }));
    if (!response) throw new TypeError(`no sandbox handler for ${String(url)}`);
    return response;
  };
  const send = (path: string, body: unknown) =>
    fetch(`http://site.test/sandbox/payments/v1${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then((response) => response.json() as Promise<{ id: string }>);
  return { fetch, urls, send };
}

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

describe('listAll', () => {
  test('reads every AI model, one page per request, following starting_after', async () => {
    const { fetch, urls } = sandboxFetch();
    const models = await collect(
      listAll<{ id: string }>('http://site.test/sandbox/ai/v1/models', {}, { pageSize: 1, retry: { fetch } }),
    );
    expect(models.map((model) => model.id)).toEqual(['er-text-small', 'er-text-large', 'er-embed-small']);
    expect(urls.map((url) => new URL(url).search)).toEqual([
      '?limit=1',
      '?limit=1&starting_after=er-text-small',
      '?limit=1&starting_after=er-text-large',
    ]);
  });

  test('a customer created while paging is neither skipped into nor repeated', async () => {
    const { fetch, send } = sandboxFetch();
    for (const name of ['A', 'B', 'C', 'D']) await send('/customers', { name, email: 'pager@example.com' });
    const seen: string[] = [];
    const pages = listAll<{ id: string; name: string }>(
      'http://site.test/sandbox/payments/v1/customers?email=pager%40example.com',
      {},
      { pageSize: 2, retry: { fetch } },
    );
    for await (const customer of pages) {
      seen.push(customer.name);
      // Newest first: a customer created now lands before the cursor, so this pass does not see it.
      if (customer.name === 'C') await send('/customers', { name: 'E', email: 'pager@example.com' });
    }
    expect(seen).toEqual(['D', 'C', 'B', 'A']);
  });

  test('stopping early fetches no further page', async () => {
    const { fetch, urls } = sandboxFetch();
    for await (const model of listAll<{ id: string }>(
      'http://site.test/sandbox/ai/v1/models',
      {},
      {
        pageSize: 1,
        retry: { fetch },
      },
    )) {
      expect(model.id).toBe('er-text-small');
      break;
    }
    expect(urls).toHaveLength(1);
  });

  test('pages by another field when told to (storage buckets page by name)', async () => {
    const urls: string[] = [];
    const answers = [
      { data: [{ name: 'a' }, { name: 'b' }], has_more: true },
      { data: [{ name: 'c' }], has_more: false },
    ];
    const fake: RetryOptions['fetch'] = async (url) => {
      urls.push(String(url));
      return Response.json(answers[urls.length - 1]);
    };
    const buckets = listAll<{ name: string }>(
      'https://api.example.com/v1/buckets',
      {},
      {
        pageSize: 2,
        cursorOf: (bucket) => bucket.name,
        retry: { fetch: fake },
      },
    );
    expect((await collect(buckets)).map((bucket) => bucket.name)).toEqual(['a', 'b', 'c']);
    expect(urls).toEqual([
      'https://api.example.com/v1/buckets?limit=2',
      'https://api.example.com/v1/buckets?limit=2&starting_after=b',
    ]);
  });

  test('an empty page that claims has_more ends the loop instead of repeating the same request', async () => {
    let calls = 0;
    const fake: RetryOptions['fetch'] = async () => {
      calls++;
      return Response.json({ data: [], has_more: true });
    };
    expect(await collect(listAll('https://api.example.com/v1/items', {}, { retry: { fetch: fake } }))).toEqual([]);
    expect(calls).toBe(1);
  });
});
