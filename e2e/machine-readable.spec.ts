import { readdirSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { parse } from 'yaml';
import { readSpecSource } from '../mocks/load-spec.ts';
import { expect, sitemapPaths, test } from './support/test';

/**
 * The files written for machines: robots.txt, the RSS feed, llms.txt, the Markdown twin of every article and
 * reference page (with the "Copy as Markdown" button that hands it to a reader), and the OpenAPI downloads.
 * Absolute URLs in these files name the configured site, not the test server, so links are checked by their path.
 */

const apis = readdirSync('openapi')
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''))
  .sort();

/** Pages that have a twin: articles, API overviews and operations (the explorer is a tool, not a document). */
const hasTwin = (path: string, root: string) =>
  new RegExp(`^${root}(guides/[^/]+|reference/[^/]+|reference/[^/]+/(?!explorer/)[^/]+)/$`).test(path);
const twinOf = (path: string) => `${path.replace(/\/$/, '')}.md`;

async function twinPages(page: import('@playwright/test').Page, root: string): Promise<string[]> {
  return (await sitemapPaths(page)).filter((path) => hasTwin(path, root));
}

async function expectLoads(request: APIRequestContext, path: string): Promise<void> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
}

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();

/** Markdown outside fenced code blocks, where an article may show JSX and imports on purpose. */
const prose = (markdown: string) => markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1\s*$/gm, '');

test('robots.txt allows crawling and names the sitemap under the base path', async ({ page, baseURL }) => {
  const response = await page.request.get('robots.txt');
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/^User-agent: \*\nAllow: \//);
  const sitemap = /^Sitemap: (\S+)$/m.exec(text)?.[1];
  expect(new URL(sitemap!).pathname).toBe(new URL('sitemap-index.xml', baseURL).pathname);
  await expectLoads(page.request, new URL(sitemap!).pathname);
});

test('the RSS feed parses and lists every guide once, with absolute links that load', async ({ page, baseURL }) => {
  const root = new URL(baseURL!).pathname;
  const guides = (await sitemapPaths(page)).filter((path) => path.startsWith(`${root}guides/`));
  await page.goto('./');
  const alternate = page.locator('head link[rel="alternate"][type="application/rss+xml"]');
  await expect(alternate).toHaveAttribute('href', `${root}rss.xml`);

  const xml = await (await page.request.get('rss.xml')).text();
  const feed = await page.evaluate((source) => {
    const document = new DOMParser().parseFromString(source, 'application/xml');
    return {
      error: document.querySelector('parsererror')?.textContent ?? null,
      items: [...document.querySelectorAll('item')].map((item) => ({
        title: item.querySelector('title')?.textContent ?? '',
        link: item.querySelector('link')?.textContent ?? '',
        pubDate: item.querySelector('pubDate')?.textContent ?? '',
      })),
    };
  }, xml);
  expect(feed.error).toBeNull();
  const links = feed.items.map((item) => new URL(item.link));
  expect(links.map((link) => link.pathname).sort()).toEqual(guides.sort());
  for (const item of feed.items) {
    expect(item.title).not.toBe('');
    expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
  }
  for (const link of links) await expectLoads(page.request, link.pathname);
});

test('llms.txt lists every guide and API, and every link in it loads', async ({ page, baseURL }) => {
  const root = new URL(baseURL!).pathname;
  const response = await page.request.get('llms.txt');
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/^# Engine Room\n\n> \S/);
  const linked = [...text.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g)].map((match) => new URL(match[1]!).pathname);
  const guides = (await sitemapPaths(page)).filter((path) => path.startsWith(`${root}guides/`));
  for (const guide of guides) expect(linked, guide).toContain(twinOf(guide));
  for (const api of apis) {
    expect(linked).toContain(`${root}reference/${api}.md`);
    expect(text).toContain(`${root}openapi/${api}.yaml`);
  }
  for (const path of new Set(linked)) await expectLoads(page.request, path);
  const full = await page.request.get('llms-full.txt');
  expect(full.status()).toBe(200);
  expect(await full.text()).toContain('# How payment APIs work: cards, refunds and idempotency');
});

test('every article and reference page has a clean Markdown twin, linked from its head', async ({ page, baseURL }) => {
  // About 130 pages, each fetched twice.
  test.setTimeout(180_000);
  const root = new URL(baseURL!).pathname;
  const pages = await twinPages(page, root);
  expect(pages.filter((path) => path.includes('/guides/')).length).toBeGreaterThan(10);
  expect(pages.filter((path) => path.includes('/reference/')).length).toBeGreaterThan(apis.length * 3);
  for (const path of pages) {
    const html = await (await page.request.get(path)).text();
    const title = decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]!);
    expect(html, `${path} links its twin`).toContain(
      `<link rel="alternate" type="text/markdown" href="${twinOf(path)}"`,
    );
    const twin = await page.request.get(twinOf(path));
    expect(twin.status(), twinOf(path)).toBe(200);
    expect(twin.headers()['content-type']).toMatch(/^text\/(markdown|plain)/);
    const markdown = await twin.text();
    expect(markdown.split('\n')[0], twinOf(path)).toBe(`# ${title}`);
    const text = prose(markdown);
    expect(text, `${twinOf(path)} has no imports or exports`).not.toMatch(/^(import|export)\s/m);
    expect(text, `${twinOf(path)} has no JSX`).not.toMatch(/<\/?[A-Z][A-Za-z.]*[\s/>]|\{\/\*/);
  }
});

test('an article twin turns Try it, walkthroughs and diagrams into readable text', async ({ page }) => {
  const payments = await (await page.request.get('guides/payment-apis.md')).text();
  expect(payments).toContain('**Try it:** `POST /payment_intents`');
  expect(payments).toContain('curl http://localhost:4010/payments/v1/payment_intents');
  expect(payments).toContain('> **Diagram: The statuses of a payment intent');
  const ride = await (await page.request.get('guides/ride-hailing-walkthrough.md')).text();
  expect(ride).toMatch(/^1\. \*\*Find the pickup point\*\*: `GET \/geocode`/m);
});

test.describe('Copy as Markdown', () => {
  for (const path of ['guides/webhooks/', 'reference/payments/create-refund/']) {
    test(`puts the twin of ${path} on the clipboard and says so`, async ({ page, context, baseURL }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
      await page.goto(path);
      const twin = await (await page.request.get(twinOf(path))).text();
      const button = page.getByRole('button', { name: 'Copy as Markdown' });
      await button.focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(twin);
    });
  }

  test('is not offered on the home page or the 404 page', async ({ page }) => {
    for (const path of ['./', 'this-page-does-not-exist/']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('link', { name: 'View as Markdown' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Copy as Markdown' })).toHaveCount(0);
    }
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the button stays hidden and "View as Markdown" opens the twin', async ({ page, baseURL }) => {
      await page.goto('guides/webhooks/');
      await expect(page.getByRole('button', { name: 'Copy as Markdown' })).toBeHidden();
      const link = page.getByRole('link', { name: 'View as Markdown' });
      await expect(link).toHaveAttribute('href', `${new URL(baseURL!).pathname}guides/webhooks.md`);
      const response = await page.request.get((await link.getAttribute('href'))!);
      expect(await response.text()).toMatch(/^# What are webhooks\?/);
    });
  });
});

test('each API overview links its OpenAPI document, served self-contained and as matching JSON', async ({ page }) => {
  for (const api of apis) {
    await page.goto(`reference/${api}/`);
    // As written, with the shared components it references (openapi/shared/) bundled in.
    const source = readSpecSource(`openapi/${api}.yaml`).text;
    const yamlHref = await page.getByRole('link', { name: 'YAML', exact: true }).getAttribute('href');
    const jsonHref = await page.getByRole('link', { name: 'JSON', exact: true }).getAttribute('href');
    expect(yamlHref).toMatch(new RegExp(`openapi/${api}\\.yaml$`));
    const yaml = await page.request.get(yamlHref!);
    expect(yaml.headers()['content-type']).toMatch(/yaml/);
    expect(await yaml.text()).toBe(source);
    // One document: no $ref leads out of it.
    expect(source).not.toMatch(/\$ref['"]?: (?!['"]?#)/);
    const json = await page.request.get(jsonHref!);
    expect(json.headers()['content-type']).toMatch(/^application\/json/);
    expect(await json.json()).toEqual(parse(source));
  }
});
