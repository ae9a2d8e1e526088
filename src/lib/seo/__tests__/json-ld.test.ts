import { describe, expect, test } from 'vitest';
import { jsonLdText, structuredData, type PageInfo, type SiteInfo } from '../json-ld';
import type { PageKind } from '../page-kind';
import { apis, payments } from './fixtures';

const site: SiteInfo = {
  home: 'https://x.dev/docs/',
  logo: 'https://x.dev/docs/og/logo.png',
  learn: 'https://x.dev/docs/guides/start/',
  language: 'en',
};

const pageAt = (path: string, title = 'A title'): PageInfo => ({
  title,
  description: 'What the page offers.',
  url: `https://x.dev/docs/${path}`,
  image: `https://x.dev/docs/og/${path.replace(/\/$/, '') || 'index'}.png`,
  updated: new Date('2026-11-25T00:00:00Z'),
});

const steps = [1, 2, 3].map((n) => ({ name: `Step ${n}`, text: `Do ${n}.`, anchor: `step-${n}` }));

type Node = Record<string, unknown>;
const graphOf = (kind: PageKind, page: PageInfo, withSteps = false) =>
  structuredData({ site, page, kind, apis, steps: withSteps ? steps : [] })['@graph'] as Node[];
const crumbNames = (graph: Node[]) =>
  (graph.find((node) => node['@type'] === 'BreadcrumbList')?.['itemListElement'] as Node[] | undefined)?.map(
    (item) => item['name'],
  );

describe('structuredData: the types each kind of page gets', () => {
  test.each<[string, PageKind, string, string[], string[] | undefined]>([
    ['home', { kind: 'home' }, '', ['WebSite', 'Organization'], undefined],
    [
      'article',
      { kind: 'article', id: 'guides/a' },
      'guides/a/',
      ['TechArticle', 'BreadcrumbList'],
      ['Home', 'Learn', 'A title'],
    ],
    [
      'reference index',
      { kind: 'reference-index' },
      'reference/',
      ['CollectionPage', 'BreadcrumbList'],
      ['Home', 'API reference'],
    ],
    [
      'API overview',
      { kind: 'api', api: payments },
      'reference/payments/',
      ['CollectionPage', 'WebAPI', 'BreadcrumbList'],
      ['Home', 'API reference', 'Engine Room Payments API'],
    ],
    [
      'operation',
      { kind: 'operation', api: payments, operation: payments.operations[0]! },
      'reference/payments/create-payment-intent/',
      ['TechArticle', 'BreadcrumbList'],
      ['Home', 'API reference', 'Engine Room Payments API', 'A title'],
    ],
    [
      'explorer',
      { kind: 'api-page', api: payments, page: 'explorer' },
      'reference/payments/explorer/',
      ['WebPage', 'BreadcrumbList'],
      ['Home', 'API reference', 'Engine Room Payments API', 'A title'],
    ],
    ['other page', { kind: 'page' }, 'playground/', ['WebPage', 'BreadcrumbList'], ['Home', 'A title']],
  ])('%s', (_name, kind, path, types, crumbs) => {
    const graph = graphOf(kind, pageAt(path));
    expect(graph.map((node) => node['@type'])).toEqual(types);
    expect(crumbNames(graph)).toEqual(crumbs);
  });
});

describe('structuredData: fields', () => {
  test('an article is a TechArticle with its date, image, publisher and site, and breadcrumbs with URLs', () => {
    const page = pageAt('guides/a/');
    const [article, crumbs] = graphOf({ kind: 'article', id: 'guides/a' }, page);
    expect(article).toMatchObject({
      headline: 'A title',
      description: 'What the page offers.',
      url: page.url,
      image: { url: page.image, width: 1200, height: 630 },
      dateModified: '2026-11-25',
      inLanguage: 'en',
      author: { '@type': 'Organization', name: 'Engine Room' },
      publisher: { '@type': 'Organization', name: 'Engine Room', logo: { url: site.logo } },
      isPartOf: { '@type': 'WebSite', url: site.home },
    });
    expect(crumbs?.['itemListElement']).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: site.home },
      { '@type': 'ListItem', position: 2, name: 'Learn', item: site.learn },
      { '@type': 'ListItem', position: 3, name: 'A title', item: page.url },
    ]);
  });

  test('an operation is about its WebAPI, documented on the API overview page', () => {
    const [article] = graphOf(
      { kind: 'operation', api: payments, operation: payments.operations[0]! },
      pageAt('reference/payments/create-payment-intent/'),
    );
    expect(article?.['about']).toMatchObject({
      '@type': 'WebAPI',
      name: 'Engine Room Payments API',
      documentation: 'https://x.dev/docs/reference/payments/',
      provider: { '@type': 'Organization', name: 'Engine Room' },
    });
  });

  test('the reference index lists every API', () => {
    const [collection] = graphOf({ kind: 'reference-index' }, pageAt('reference/'));
    expect(collection?.['hasPart']).toEqual([
      { '@type': 'WebAPI', name: 'Engine Room Payments API', url: 'https://x.dev/docs/reference/payments/' },
      { '@type': 'WebAPI', name: 'Engine Room Storage API', url: 'https://x.dev/docs/reference/storage/' },
    ]);
  });

  test('the home page has no SearchAction: Pagefind has no search URL a crawler could fill in', () => {
    const [website] = graphOf({ kind: 'home' }, pageAt(''));
    expect(website).not.toHaveProperty('potentialAction');
    expect(website).toMatchObject({ url: site.home, name: 'Engine Room', description: 'What the page offers.' });
  });

  test.each([
    [steps, true],
    [steps.slice(0, 2), false],
  ])('a how-to article with %# steps adds a HowTo: %s', (given, expected) => {
    const page = pageAt('guides/walk/');
    const graph = structuredData({ site, page, kind: { kind: 'article', id: 'guides/walk' }, apis, steps: given })[
      '@graph'
    ];
    const howTo = graph.find((node) => node['@type'] === 'HowTo');
    expect(Boolean(howTo)).toBe(expected);
    if (howTo)
      expect(howTo['step']).toEqual(
        steps.map((step, index) => ({
          '@type': 'HowToStep',
          position: index + 1,
          name: step.name,
          text: step.text,
          url: `${page.url}#${step.anchor}`,
        })),
      );
  });
});

describe('jsonLdText', () => {
  test('is valid JSON that cannot close its script element', () => {
    const graph = structuredData({
      site,
      page: pageAt('guides/a/', 'Why </script><script>alert(1)</script> fails'),
      kind: { kind: 'article', id: 'guides/a' },
      apis,
      steps: [],
    });
    const text = jsonLdText(graph);
    expect(text).not.toMatch(/<\/script/i);
    expect(JSON.parse(text)).toEqual(graph);
  });
});
