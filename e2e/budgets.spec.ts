import { gzipSync } from 'node:zlib';
import { budgets } from '../bench/budgets.ts';
import { scalarChunks } from './support/script-budget';
import { builtSitePages } from './support/site-pages';
import { expect, sitemapPaths, test } from './support/test';

/**
 * Byte budgets (never time): what a reader downloads before touching anything. The numbers live in bench/budgets.ts,
 * which `npm run bench` reports against too. The JavaScript budget and the "Scalar only on the explorer" rule are
 * checked on every page by the sweep in every-page.spec.ts, which loads each page anyway.
 */

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

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
  // Without this, a renamed Scalar class would make the "no Scalar on other pages" check pass vacuously.
  test.skip(!builtSitePages().some((path) => /^reference\/[^/]+\/explorer\/$/.test(path)), 'no explorer page');
  expect(
    scalarChunks().size,
    'no built chunk contains a Scalar marker: update SCALAR_MARKERS in bench/budgets.ts',
  ).toBeGreaterThan(0);
});
