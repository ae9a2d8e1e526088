import { describe, expect, test } from 'vitest';
import type { HeadEntry } from '../head-tags';
import { pageSeoHead, type PageSeoInput } from '../page-seo';
import { apis } from './fixtures';

const input = (id: string, pathname: string, base: string, canonical?: string): PageSeoInput => ({
  id,
  title: 'Create a payment intent',
  description: 'Starts a payment.',
  updated: new Date('2026-11-25T00:00:00Z'),
  headings: [],
  markdown: '',
  head: canonical ? [{ tag: 'link', attrs: { rel: 'canonical', href: canonical } }] : [],
  pathname,
  site: 'https://x.dev',
  base,
  apis,
});

const content = (head: HeadEntry[], key: string) =>
  head.find((entry) => entry.attrs?.['property'] === key || entry.attrs?.['name'] === key)?.attrs?.['content'];
const graph = (head: HeadEntry[]) =>
  JSON.parse(head.find((entry) => entry.tag === 'script')?.content ?? '{}') as { '@graph': Record<string, unknown>[] };

describe('pageSeoHead', () => {
  test.each([
    ['/', 'https://x.dev/og/reference/payments/create-payment-intent.png'],
    ['/docs', 'https://x.dev/docs/og/reference/payments/create-payment-intent.png'],
  ])('under base %s the card of an operation page is %s', (base, image) => {
    const prefix = base === '/' ? '' : base;
    const canonical = `https://x.dev${prefix}/reference/payments/create-payment-intent/`;
    const head = pageSeoHead(
      input('reference/payments/create-payment-intent', new URL(canonical).pathname, base, canonical),
    );
    expect(content(head, 'og:image')).toBe(image);
    expect(content(head, 'twitter:image')).toBe(image);
    expect(content(head, 'og:image:alt')).toBe(
      'Create a payment intent, Payments API · POST /payment_intents. Engine Room',
    );
    const [article] = graph(head)['@graph'];
    expect(article).toMatchObject({ '@type': 'TechArticle', url: canonical, image: { url: image } });
  });

  test('without a canonical link the page URL comes from the request path', () => {
    const head = pageSeoHead(input('playground', '/docs/playground/', '/docs'));
    expect(graph(head)['@graph'][0]).toMatchObject({ '@type': 'WebPage', url: 'https://x.dev/docs/playground/' });
    expect(content(head, 'og:image')).toBe('https://x.dev/docs/og/site.png');
  });

  test.each([
    ['', 'website'],
    ['guides/webhooks', 'article'],
  ])('page %j has og:type %s', (id, type) => {
    expect(content(pageSeoHead(input(id, '/', '/')), 'og:type')).toBe(type);
  });
});
