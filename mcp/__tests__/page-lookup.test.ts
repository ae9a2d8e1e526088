import { describe, expect, test } from 'vitest';
import { findPage, pageUrls, type SitePage } from '../page-lookup.ts';

const page = (kind: SitePage['kind'], path: string, aliases: string[]): SitePage => ({
  kind,
  path,
  title: path,
  description: '',
  aliases,
  markdown: () => '',
});
const pages = [
  page('guide', '/guides/webhooks/', ['webhooks']),
  page('api', '/reference/payments/', ['payments']),
  page('operation', '/reference/payments/create-payment-intent/', [
    'createPaymentIntent',
    'payments/createPaymentIntent',
  ]),
];
const address = { site: 'https://example.github.io', base: '/engine-room' };

describe('findPage: what a reader may call a page', () => {
  test.each([
    ['https://example.github.io/engine-room/guides/webhooks/', '/guides/webhooks/'],
    ['https://example.github.io/engine-room/guides/webhooks.md', '/guides/webhooks/'],
    ['http://localhost:4321/guides/webhooks/', '/guides/webhooks/'],
    ['/engine-room/guides/webhooks', '/guides/webhooks/'],
    ['/guides/webhooks/', '/guides/webhooks/'],
    ['guides/webhooks', '/guides/webhooks/'],
    ['webhooks', '/guides/webhooks/'],
    ['reference/payments', '/reference/payments/'],
    ['payments', '/reference/payments/'],
    ['/reference/payments/create-payment-intent.md', '/reference/payments/create-payment-intent/'],
    ['payments/createPaymentIntent', '/reference/payments/create-payment-intent/'],
    ['createpaymentintent', '/reference/payments/create-payment-intent/'],
  ])('%s is %s', (wanted, path) => {
    expect(findPage(pages, wanted, address)?.path).toBe(path);
  });

  test('anything else is no page', () => {
    expect(findPage(pages, 'guides/nothing', address)).toBeUndefined();
    expect(findPage(pages, '', address)).toBeUndefined();
  });

  test('pageUrls puts the site and the base in front of the page and its twin', () => {
    expect(pageUrls(pages[0]!, address)).toEqual({
      url: 'https://example.github.io/engine-room/guides/webhooks/',
      markdown_url: 'https://example.github.io/engine-room/guides/webhooks.md',
    });
  });
});
