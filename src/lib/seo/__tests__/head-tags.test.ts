import { describe, expect, test } from 'vitest';
import { canonicalHref, mergeHead, socialHead, type HeadEntry } from '../head-tags';

const starlightHead = (): HeadEntry[] => [
  { tag: 'link', attrs: { rel: 'canonical', href: 'https://x.dev/docs/guides/a/' } },
  { tag: 'meta', attrs: { property: 'og:title', content: 'A' } },
  { tag: 'meta', attrs: { property: 'og:type', content: 'article' } },
  { tag: 'meta', attrs: { name: 'twitter:card', content: 'summary_large_image' } },
];

const tags = socialHead({
  title: 'Home',
  description: 'About the site',
  image: 'https://x.dev/docs/og/index.png',
  imageAlt: 'Home, Guides. Engine Room',
  imageWidth: 1200,
  imageHeight: 630,
  type: 'website',
  jsonLd: '{"@context":"https://schema.org"}',
});

const keys = (head: HeadEntry[]) =>
  head.map(
    (entry) => entry.attrs?.['property'] ?? entry.attrs?.['name'] ?? entry.attrs?.['rel'] ?? entry.attrs?.['type'],
  );

describe('mergeHead', () => {
  test('adds the missing tags once and replaces the ones Starlight already wrote', () => {
    const head = starlightHead();
    mergeHead(head, tags);
    mergeHead(head, tags);
    const all = keys(head);
    expect(new Set(all).size).toBe(all.length);
    expect(head.find((entry) => entry.attrs?.['property'] === 'og:type')?.attrs?.['content']).toBe('website');
    expect(head.find((entry) => entry.attrs?.['property'] === 'og:title')?.attrs?.['content']).toBe('A');
  });

  test.each([
    ['og:image', 'https://x.dev/docs/og/index.png'],
    ['og:image:width', '1200'],
    ['og:image:height', '630'],
    ['og:image:alt', 'Home, Guides. Engine Room'],
    ['twitter:image', 'https://x.dev/docs/og/index.png'],
    ['twitter:title', 'Home'],
    ['twitter:description', 'About the site'],
  ])('%s is %j', (key, content) => {
    const head = starlightHead();
    mergeHead(head, tags);
    const entry = head.find((e) => e.attrs?.['property'] === key || e.attrs?.['name'] === key);
    expect(entry?.attrs?.['content']).toBe(content);
  });

  test('the JSON-LD script is added once', () => {
    const head = starlightHead();
    mergeHead(head, tags);
    mergeHead(head, tags);
    expect(head.filter((entry) => entry.attrs?.['type'] === 'application/ld+json')).toHaveLength(1);
  });
});

test('canonicalHref reads the canonical link', () => {
  expect(canonicalHref(starlightHead())).toBe('https://x.dev/docs/guides/a/');
  expect(canonicalHref([])).toBeUndefined();
});
