import type { APIRequestContext } from '@playwright/test';
import { expect, sitemapPaths, test } from './support/test';

/**
 * Search engines and link previews read a page's head without running it: every page in the sitemap must describe
 * itself in valid JSON-LD, and its preview card must be a real 1200×630 PNG on the site's own base path.
 */

type JsonNode = Record<string, unknown>;

interface Head {
  canonical: string | undefined;
  /** Every `<meta>` keyed by its property or name, with each value it has (more than one is a duplicate tag). */
  meta: Map<string, string[]>;
  jsonLd: string[];
}

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((match) => [match[1]!, decode(match[2]!)]));
}

function readHead(html: string): Head {
  const head = html.slice(0, html.indexOf('</head>'));
  const meta = new Map<string, string[]>();
  for (const [tag] of head.matchAll(/<meta\s[^>]*>/g)) {
    const attrs = attributes(tag);
    const key = attrs['property'] ?? attrs['name'];
    if (key && attrs['content'] !== undefined) meta.set(key, [...(meta.get(key) ?? []), attrs['content']]);
  }
  const canonical = [...head.matchAll(/<link\s[^>]*>/g)]
    .map(([tag]) => attributes(tag))
    .find((attrs) => attrs['rel'] === 'canonical')?.['href'];
  const jsonLd = [...head.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  return { canonical, meta, jsonLd };
}

/** Width and height from a PNG's IHDR chunk, or undefined if the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR')
    return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const nodesOf = (data: JsonNode): JsonNode[] =>
  Array.isArray(data['@graph']) ? (data['@graph'] as JsonNode[]) : [data];
const typesOf = (nodes: JsonNode[]) => nodes.map((node) => node['@type']);
const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** The fields each type must have for search engines to use it, checked wherever the type appears. */
function checkNode(node: JsonNode, where: string) {
  const type = node['@type'];
  const image = node['image'] as JsonNode | string | undefined;
  switch (type) {
    case 'TechArticle':
      for (const field of ['headline', 'description', 'url'])
        expect.soft(filled(node[field]), `${where}: TechArticle ${field}`).toBe(true);
      expect.soft(filled(typeof image === 'string' ? image : image?.['url']), `${where}: TechArticle image`).toBe(true);
      expect.soft(String(node['dateModified']), `${where}: TechArticle dateModified`).toMatch(/^\d{4}-\d{2}-\d{2}/);
      break;
    case 'BreadcrumbList': {
      const items = node['itemListElement'] as JsonNode[] | undefined;
      expect.soft(items?.length ?? 0, `${where}: breadcrumb items`).toBeGreaterThanOrEqual(2);
      (items ?? []).forEach((item, index) => {
        expect.soft(item['position'], `${where}: breadcrumb ${index + 1} position`).toBe(index + 1);
        expect.soft(filled(item['name']), `${where}: breadcrumb ${index + 1} name`).toBe(true);
        expect.soft(() => new URL(String(item['item'])), `${where}: breadcrumb ${index + 1} item`).not.toThrow();
      });
      break;
    }
    case 'HowTo': {
      const steps = (node['step'] as JsonNode[] | undefined) ?? [];
      expect.soft(filled(node['name']), `${where}: HowTo name`).toBe(true);
      expect.soft(steps.length, `${where}: HowTo steps`).toBeGreaterThanOrEqual(3);
      for (const step of steps) {
        expect.soft(step['@type'], `${where}: HowTo step type`).toBe('HowToStep');
        expect.soft(filled(step['name']) && filled(step['text']), `${where}: HowTo step name and text`).toBe(true);
        expect.soft(String(step['url']), `${where}: HowTo step url`).toMatch(/#[\w-]+$/);
      }
      break;
    }
    case 'WebAPI':
      expect.soft(filled(node['name']), `${where}: WebAPI name`).toBe(true);
      expect.soft(filled(node['documentation']), `${where}: WebAPI documentation`).toBe(true);
      break;
  }
}

/** Operation pages, as the API overview pages list them. */
async function operationPaths(request: APIRequestContext, paths: string[]): Promise<Set<string>> {
  const operations = new Set<string>();
  for (const path of paths.filter((p) => /\/reference\/[^/]+\/$/.test(p))) {
    const html = await (await request.get(path)).text();
    for (const list of html.matchAll(/<ul class="operation-list[^"]*"[^>]*>([\s\S]*?)<\/ul>/g))
      for (const link of list[1]!.matchAll(/href="([^"]+)"/g)) operations.add(link[1]!);
  }
  return operations;
}

test('every page in the sitemap has valid JSON-LD and a 1200×630 social card on its own base', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const base = new URL(baseURL!).pathname;
  const paths = await sitemapPaths(page);
  expect(paths.length).toBeGreaterThan(20);
  const operations = await operationPaths(request, paths);
  expect(operations.size, 'operation pages listed by the API overviews').toBeGreaterThan(20);
  const images = new Map<string, { width: number; height: number } | undefined>();
  // The sitemap is what search engines crawl, so every operation page an API overview lists must be in it.
  expect([...operations].filter((operation) => !paths.includes(operation))).toEqual([]);
  // Each page gets a card of its own: two pages sharing one would mean a fallback image slipped in.
  const cardOf = new Map<string, string>();

  for (const path of paths) {
    const response = await request.get(path);
    expect.soft(response.status(), `${path} is served`).toBe(200);
    const head = readHead(await response.text());
    const one = (key: string) => {
      const values = head.meta.get(key) ?? [];
      expect.soft(values, `${path}: exactly one ${key}`).toHaveLength(1);
      return values[0] ?? '';
    };

    // Canonical, og:url and the image all name this page on the configured base, never the bare origin.
    expect.soft(head.canonical && new URL(head.canonical).pathname, `${path}: canonical`).toBe(path);
    expect.soft(one('og:url'), `${path}: og:url equals the canonical link`).toBe(head.canonical);
    for (const key of ['og:title', 'og:description', 'og:site_name', 'og:type', 'twitter:title', 'twitter:description'])
      expect.soft(one(key).trim(), `${path}: ${key}`).not.toBe('');
    expect.soft(one('twitter:card'), `${path}: twitter:card`).toBe('summary_large_image');
    expect.soft(one('og:image:width'), `${path}: og:image:width`).toBe('1200');
    expect.soft(one('og:image:height'), `${path}: og:image:height`).toBe('630');
    expect.soft(one('og:image:alt').trim(), `${path}: og:image:alt`).not.toBe('');
    const image = one('og:image');
    expect.soft(one('twitter:image'), `${path}: twitter:image`).toBe(image);
    const imagePath = URL.canParse(image) ? new URL(image).pathname : '(no og:image)';
    expect.soft(imagePath, `${path}: og:image under the base`).toMatch(new RegExp(`^${base}og/.+\\.png$`));
    if (!images.has(imagePath) && imagePath.startsWith('/')) {
      const png = await request.get(imagePath);
      images.set(imagePath, png.ok() ? pngSize(await png.body()) : undefined);
    }
    const sharedWith = cardOf.get(imagePath);
    // The one planned exception: an API's schema pages share its schema list's card (src/lib/seo/social-card.ts).
    const schemaCard = /\/og\/reference\/([^/]+)\/schemas\.png$/.exec(imagePath);
    if (!schemaCard || !path.startsWith(`${base}reference/${schemaCard[1]}/schemas/`))
      expect.soft(sharedWith, `${path}: og:image ${imagePath} is not shared with another page`).toBeUndefined();
    cardOf.set(imagePath, path);
    expect.soft(images.get(imagePath), `${path}: og:image ${imagePath} is a 1200×630 PNG`).toEqual({
      width: 1200,
      height: 630,
    });

    expect.soft(head.jsonLd, `${path}: one JSON-LD block`).toHaveLength(1);
    let nodes: JsonNode[] = [];
    for (const block of head.jsonLd) {
      let data: JsonNode = {};
      expect.soft(() => (data = JSON.parse(block) as JsonNode), `${path}: JSON-LD parses`).not.toThrow();
      expect.soft(data['@context'], `${path}: @context`).toBe('https://schema.org');
      nodes = [...nodes, ...nodesOf(data)];
    }
    for (const node of nodes) {
      checkNode(node, path);
      if (node['about'] && typeof node['about'] === 'object') checkNode(node['about'] as JsonNode, `${path} (about)`);
    }

    // What each kind of page must say about itself.
    const types = typesOf(nodes);
    const article = nodes.find((node) => node['@type'] === 'TechArticle');
    const crumbs = nodes.find((node) => node['@type'] === 'BreadcrumbList')?.['itemListElement'] as
      JsonNode[] | undefined;
    if (path === base) {
      expect.soft(types, `${path}: home`).toEqual(expect.arrayContaining(['WebSite', 'Organization']));
    } else if (path.startsWith(`${base}guides/`)) {
      expect.soft(types, `${path}: article`).toEqual(expect.arrayContaining(['TechArticle', 'BreadcrumbList']));
      expect.soft(article?.['url'], `${path}: article url is canonical`).toBe(head.canonical);
      expect
        .soft(crumbs?.map((crumb) => crumb['name']).slice(0, 2), `${path}: Home › Learn`)
        .toEqual(['Home', 'Learn']);
    } else if (operations.has(path)) {
      expect.soft(types, `${path}: operation`).toEqual(expect.arrayContaining(['TechArticle', 'BreadcrumbList']));
      expect.soft((article?.['about'] as JsonNode | undefined)?.['@type'], `${path}: about a WebAPI`).toBe('WebAPI');
      expect.soft(crumbs?.length, `${path}: Home › API reference › API › operation`).toBe(4);
    } else if (new RegExp(`^${base}reference/[^/]+/$`).test(path)) {
      expect.soft(types, `${path}: API overview`).toEqual(expect.arrayContaining(['WebAPI', 'BreadcrumbList']));
    } else if (path === `${base}reference/`) {
      expect.soft(types, `${path}: reference index`).toContain('CollectionPage');
    } else {
      expect.soft(types.length, `${path}: describes itself`).toBeGreaterThan(0);
    }
    if (path === `${base}guides/ride-hailing-walkthrough/`) expect.soft(types, `${path}: how-to`).toContain('HowTo');
  }
});
