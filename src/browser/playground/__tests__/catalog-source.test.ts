import { describe, expect, test } from 'vitest';
import { specs } from '../../../../mocks/generated/specs.ts';
import { catalogApi, playgroundApis, playgroundCatalog } from '../../../lib/playground/catalog';
import { catalogSource, catalogUrl } from '../catalog-source';

describe('what the playground page carries', () => {
  test('lists every API with its title and operation count, and nothing of the operations themselves', () => {
    const apis = playgroundApis(specs);
    expect(apis.map((entry) => entry.api)).toEqual(Object.keys(specs).sort());
    for (const entry of apis) {
      expect(Object.keys(entry).sort()).toEqual(['api', 'operationCount', 'title']);
      expect(entry.operationCount).toBe(catalogApi(entry.api, specs[entry.api]!).operations.length);
    }
  });

  test('one API’s catalogue is that API’s part of the whole catalogue', () => {
    expect(catalogApi('payments', specs['payments']!)).toEqual(
      playgroundCatalog(specs).find((entry) => entry.api === 'payments'),
    );
  });
});

describe('fetching an API’s catalogue', () => {
  const payments = catalogApi('payments', specs['payments']!);
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

  test.each([
    ['/', '/playground/payments.json'],
    ['/docs', '/docs/playground/payments.json'],
    ['/docs/', '/docs/playground/payments.json'],
  ])('under the base %s it is %s', (base, url) => {
    expect(catalogUrl(base, 'payments')).toBe(url);
  });

  test('is fetched once per API, however often it is picked', async () => {
    const asked: string[] = [];
    const source = catalogSource('/docs/', async (url) => {
      asked.push(String(url));
      return json(payments);
    });
    expect(await source('payments')).toEqual(payments);
    await source('payments');
    expect(asked).toEqual(['/docs/playground/payments.json']);
  });

  test.each<[string, () => Promise<Response>, RegExp]>([
    [
      'a missing file',
      async () => json({}, 404),
      /payments API could not be loaded \(\/playground\/payments\.json answered 404\)/,
    ],
    ['another API’s catalogue', async () => json({ ...payments, api: 'social' }), /is not a playground catalogue/],
    ['a page that is not JSON', async () => new Response('<!doctype html>'), /is not a playground catalogue/],
    ['no connection', async () => Promise.reject(new TypeError('Failed to fetch')), /no connection to the site/],
  ])('says which API failed on %s, and tries again on the next pick', async (_, failure, message) => {
    let calls = 0;
    const source = catalogSource('/', async () => (++calls === 1 ? failure() : json(payments)));
    await expect(source('payments')).rejects.toThrow(message);
    expect(await source('payments')).toEqual(payments);
    expect(calls).toBe(2);
  });
});
