import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { budgets, EXPLORER_PATH, SCALAR_MARKERS } from '../bench/budgets.ts';
import { builtSitePages } from './support/site-pages';
import { expect, sitemapPaths, test } from './support/test';

/**
 * Byte budgets (never time): what a reader downloads before touching anything. The numbers live in bench/budgets.ts,
 * which `npm run bench` reports against too.
 */

const dist = process.env.E2E_DIST ?? 'dist';
const pages = builtSitePages(dist);
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** Built chunks that hold @scalar/api-reference, found by content because their file names are hashes. */
const scalarChunks = new Set(
  readdirSync(`${dist}/_astro`).filter(
    (file) =>
      file.endsWith('.js') &&
      SCALAR_MARKERS.some((marker) => readFileSync(`${dist}/_astro/${file}`, 'utf8').includes(marker)),
  ),
);

/** Pages held to the JavaScript budget: every article, and the largest operation page of each API. */
function pagesWithJsBudget(): Set<string> {
  const operation = /^reference\/([^/]+)\/[^/]+\/$/;
  const largest = new Map<string, { path: string; size: number }>();
  for (const path of pages) {
    const api = operation.exec(path)?.[1];
    if (!api || EXPLORER_PATH.test(path)) continue;
    const size = statSync(`${dist}/${path}index.html`).size;
    if (size > (largest.get(api)?.size ?? -1)) largest.set(api, { path, size });
  }
  return new Set([...pages.filter((path) => path.startsWith('guides/')), ...[...largest.values()].map((p) => p.path)]);
}
const jsBudgetPages = pagesWithJsBudget();

test('every page in the sitemap sends at most 60 kB of gzip-compressed HTML', async ({ page }) => {
  const over: string[] = [];
  for (const path of await sitemapPaths(page)) {
    const response = await page.request.get(path);
    expect(response.ok(), `${path} is served`).toBe(true);
    const size = gzipSync(await response.body()).length;
    if (size > budgets.htmlGzip) over.push(`${path}: ${kB(size)}, ${kB(size - budgets.htmlGzip)} over`);
  }
  expect(over, `pages over the ${kB(budgets.htmlGzip)} HTML budget`).toEqual([]);
});

test('the Scalar bundle is found in the build once an explorer page exists', () => {
  test.skip(!pages.some((path) => EXPLORER_PATH.test(path)), 'no explorer page in this build');
  expect(
    scalarChunks.size,
    `no chunk in ${dist}/_astro/ contains a Scalar marker (${SCALAR_MARKERS.join(', ')}): update SCALAR_MARKERS in bench/budgets.ts`,
  ).toBeGreaterThan(0);
});

for (const path of pages) {
  // The explorer is the one page meant to load Scalar (and it is not held to the JavaScript budget).
  if (EXPLORER_PATH.test(path)) continue;
  const jsBudget = jsBudgetPages.has(path);
  test(`${path} loads ${jsBudget ? `at most ${kB(budgets.jsBeforeInteractionGzip)} of gzip JS and ` : ''}no Scalar before interaction`, async ({
    page,
  }, testInfo) => {
    // Bytes do not depend on the base path; one variant is enough, and the sweep visits every page.
    test.skip(testInfo.project.name !== 'root', 'byte budgets are checked on the root build');
    const scripts: Promise<{ url: string; gzip: number }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script' || !response.ok()) return;
      scripts.push(response.body().then((body) => ({ url: response.url(), gzip: gzipSync(body).length })));
    });
    await page.goto(path, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const preloaded = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLLinkElement | HTMLScriptElement>(
          'script[src], link[rel="modulepreload"], link[rel="preload"][as="script"]',
        ),
      ].map((element) => ('href' in element ? element.href : element.src)),
    );
    const loaded = await Promise.all(scripts);
    const urls = [...new Set([...loaded.map((script) => script.url), ...preloaded])];
    const fileName = (url: string) => new URL(url).pathname.split('/').pop()!;
    expect(
      urls.filter((url) => scalarChunks.has(fileName(url))),
      'Scalar chunks loaded or preloaded',
    ).toEqual([]);

    if (jsBudget) {
      const total = loaded.reduce((sum, script) => sum + script.gzip, 0);
      const detail = loaded.map((script) => `${fileName(script.url)} ${kB(script.gzip)}`).join(', ');
      expect(
        total,
        `${path}: ${kB(total)} of gzip JS before interaction, ${kB(Math.max(0, total - budgets.jsBeforeInteractionGzip))} over the budget (${detail})`,
      ).toBeLessThanOrEqual(budgets.jsBeforeInteractionGzip);
    }
  });
}
