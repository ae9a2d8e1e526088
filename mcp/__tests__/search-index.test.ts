import { describe, expect, test } from 'vitest';
import type { SitePage } from '../page-lookup.ts';
import { excerptOf, SearchIndex } from '../search-index.ts';

const page = (kind: SitePage['kind'], path: string, title: string, markdown: string, aliases: string[] = []) =>
  ({ kind, path, title, description: '', aliases, markdown: () => markdown }) satisfies SitePage;

const pages = [
  page(
    'guide',
    '/guides/webhooks/',
    'What are webhooks?',
    '# What are webhooks?\n\nA provider calls your endpoint.\n\n## Verify the signature\n\nCompute an HMAC of the body.',
  ),
  page(
    'guide',
    '/guides/pagination/',
    'Pagination',
    '# Pagination\n\nLists come in pages. A webhook is not involved here, but cursors are.',
  ),
  page(
    'operation',
    '/reference/payments/create-payment-intent/',
    'Create a payment intent',
    '# Create a payment intent\n\n`POST /payment_intents`',
    ['createPaymentIntent', 'payments/createPaymentIntent'],
  ),
  page('schema', '/reference/payments/schemas/refund/', 'Refund schema', '# Refund schema\n\nA refund of a payment.'),
];
const index = new SearchIndex(pages);
const paths = (query: string, options?: Parameters<SearchIndex['search']>[1]) =>
  index.search(query, options).map((hit) => hit.page.path);

describe('SearchIndex', () => {
  test('a title match ranks above a body mention', () => {
    expect(paths('webhook')[0]).toBe('/guides/webhooks/');
    expect(paths('webhook')).toContain('/guides/pagination/');
  });

  test('headings count: the signature section finds the webhooks guide', () => {
    expect(paths('verify signature')[0]).toBe('/guides/webhooks/');
  });

  test('a question phrased in full ranks like its keywords', () => {
    expect(paths('how do I create a payment intent?')[0]).toBe('/reference/payments/create-payment-intent/');
  });

  test('operationIds are found whole and by their camelCase parts', () => {
    expect(paths('createPaymentIntent')[0]).toBe('/reference/payments/create-payment-intent/');
    expect(paths('intent')[0]).toBe('/reference/payments/create-payment-intent/');
  });

  test('prefixes and small typos still match; kind and limit filter', () => {
    expect(paths('paginat')[0]).toBe('/guides/pagination/');
    expect(paths('webhoks')[0]).toBe('/guides/webhooks/');
    expect(paths('payment', { kind: 'schema' })).toEqual(['/reference/payments/schemas/refund/']);
    expect(paths('webhook', { limit: 1 })).toHaveLength(1);
    expect(paths('zebra')).toEqual([]);
  });
});

describe('excerptOf', () => {
  test('is the plain text around the first body line that holds a matched word', () => {
    const markdown = '# Title\n\nIntro line.\n\nSee [the **signature** docs](https://x.example) for `v1` headers.';
    expect(excerptOf(markdown, ['signature'])).toBe('See the signature docs for v1 headers.');
  });

  test('is cut around the match in a long line, with ellipses', () => {
    const line = `${'word '.repeat(100)}needle ${'word '.repeat(100)}`;
    const excerpt = excerptOf(line, ['needle'], 60);
    expect(excerpt).toMatch(/^….*needle.*…$/);
    expect(excerpt.length).toBeLessThanOrEqual(62);
  });

  test('falls back to the first line of text', () => {
    expect(excerptOf('# T\n\nFirst.\n\nSecond.', ['absent'])).toBe('First.');
  });
});
