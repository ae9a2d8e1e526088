import { gzipSync } from 'node:zlib';
import { budgets } from '../bench/budgets.ts';
import { scalarChunks } from './support/script-budget';
import { builtSitePages } from './support/site-pages';
import type { Page } from '@playwright/test';
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

/**
 * Records what the page downloads from now on, but not the sandbox's answers. Once MSW's worker controls the page,
 * chunks pass through it too (`fromServiceWorker()` is true for them), so answers are told apart by their URL.
 */
function recordDownloads(page: Page, kinds: string[]) {
  const downloads: Promise<{ url: string; gzip: number }>[] = [];
  page.on('response', (response) => {
    if (!kinds.includes(response.request().resourceType()) || !response.ok()) return;
    if (/\/sandbox\/[^/]+\/v1\//.test(new URL(response.url()).pathname)) return;
    downloads.push(response.body().then((body) => ({ url: response.url(), gzip: gzipSync(body).length })));
  });
  return () => Promise.all(downloads);
}

const fileOf = (url: string) => new URL(url).pathname.split('/').pop()!;
const summary = (loaded: { url: string; gzip: number }[]) =>
  loaded.map((entry) => `${fileOf(entry.url)} ${kB(entry.gzip)}`).join(', ');

for (const [what, path] of [
  ['a guide', 'guides/what-is-backend-integration/'],
  ['an operation page', 'reference/payments/create-payment-intent/'],
] as const) {
  test(`the first Send on ${what} loads MSW, the core and only the payments API, within the budget`, async ({
    page,
  }) => {
    // The other APIs, as the site lists them, so that a chunk named after one of them shows it was loaded too.
    await page.goto('playground/');
    const others = (
      await page.locator('optgroup[data-api]').evaluateAll((groups) => groups.map((g) => g.getAttribute('data-api')!))
    ).filter((api) => api !== 'payments');
    expect(others.length, 'the playground lists the other APIs').toBeGreaterThan(0);

    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const downloads = recordDownloads(page, ['script', 'fetch', 'xhr']);
    await page.getByRole('button', { name: 'Send request' }).first().click();
    // The answer as Try it renders it: an operation page also documents "201 Created" in its reference.
    await expect(page.getByText(/^201 Created · \d+ ms$/)).toBeVisible();
    await page.waitForLoadState('networkidle');
    const loaded = await downloads();
    // The browser fetches the worker script itself, outside the page's requests; it is part of the first Send.
    const worker = await page.request.get('mockServiceWorker.js');
    loaded.push({ url: worker.url(), gzip: gzipSync(await worker.body()).length });

    const files = loaded.map((entry) => fileOf(entry.url));
    expect(
      files.filter((file) => file.startsWith('payments.')).length,
      `the payments chunks (${summary(loaded)})`,
    ).toBe(2);
    expect(
      files.filter((file) => others.some((api) => file.startsWith(`${api}.`))),
      `chunks of other APIs (${summary(loaded)})`,
    ).toEqual([]);
    const total = loaded.reduce((sum, entry) => sum + entry.gzip, 0);
    expect(
      total,
      `${path}: the first Send loaded ${kB(total)} gzip, ${kB(Math.max(0, total - budgets.firstSendGzip))} over the budget (${summary(loaded)})`,
    ).toBeLessThanOrEqual(budgets.firstSendGzip);
  });
}

test('the playground loads its page and one API catalogue before interaction, within the budget', async ({ page }) => {
  const downloads = recordDownloads(page, ['document', 'stylesheet', 'script', 'fetch', 'xhr']);
  await page.goto('playground/');
  await expect(page.locator('[data-playground][data-ready]')).toBeAttached();
  await expect(page.getByLabel('API and operation')).toHaveValue('payments/createPaymentIntent');
  await page.waitForLoadState('networkidle');
  const loaded = await downloads();
  const catalogues = loaded.filter((entry) => /\/playground\/[^/]+\.json$/.test(new URL(entry.url).pathname));
  expect(
    catalogues.map((entry) => fileOf(entry.url)),
    'catalogues fetched before interaction',
  ).toEqual(['payments.json']);
  const total = loaded.reduce((sum, entry) => sum + entry.gzip, 0);
  expect(
    total,
    `the playground loaded ${kB(total)} gzip before interaction, ${kB(Math.max(0, total - budgets.playgroundFirstLoadGzip))} over the budget (${summary(loaded)})`,
  ).toBeLessThanOrEqual(budgets.playgroundFirstLoadGzip);
});

test('once the search button has warmed Pagefind, the first query fetches only index chunks and results', async ({
  page,
}) => {
  await page.goto('guides/what-is-backend-integration/');
  await page.waitForLoadState('networkidle');
  const button = page.getByRole('button', { name: 'Search' });
  // Pointing at the button is enough: Pagefind's script, worker, metadata and WebAssembly arrive before any click.
  const wasm = page.waitForResponse((response) => /\/pagefind\/wasm\.[^/]+\.pagefind$/.test(response.url()));
  await button.hover();
  await wasm;
  await page.waitForLoadState('networkidle');
  await button.click();
  await page.waitForLoadState('networkidle');

  const downloads = recordDownloads(page, ['script', 'fetch', 'xhr']);
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').fill('idempotency');
  await expect(dialog.getByRole('link').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const loaded = await downloads();
  expect(
    loaded.map((entry) => fileOf(entry.url)).filter((file) => !/\.pf_(index|fragment)$/.test(file)),
    `files the first query waited for besides index chunks and fragments (${summary(loaded)})`,
  ).toEqual([]);
  expect(loaded.length, 'the query fetched its index chunk and results').toBeGreaterThan(0);
  const total = loaded.reduce((sum, entry) => sum + entry.gzip, 0);
  expect(
    total,
    `the first query fetched ${kB(total)}, ${kB(Math.max(0, total - budgets.searchFirstQueryGzip))} over the budget (${summary(loaded)})`,
  ).toBeLessThanOrEqual(budgets.searchFirstQueryGzip);
});
