import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { budgets, EXPLORER_PATH, PLAYGROUND_PATH, SCALAR_MARKERS } from '../../bench/budgets.ts';
import { expect } from './test';

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const fileName = (url: string) => new URL(url).pathname.split('/').pop()!;

/** Built chunks that hold @scalar/api-reference, found by content because their file names are hashes. */
export function scalarChunks(dist = process.env.E2E_DIST ?? 'dist'): Set<string> {
  return new Set(
    readdirSync(`${dist}/_astro`).filter(
      (file) =>
        file.endsWith('.js') &&
        SCALAR_MARKERS.some((marker) => readFileSync(`${dist}/_astro/${file}`, 'utf8').includes(marker)),
    ),
  );
}

/**
 * Every page is held to the JavaScript budget but two apps: the explorer, the one page that loads Scalar, and the
 * playground, whose request builder is the page (its first load has a budget of its own).
 */
const jsBudgetApplies = (path: string) => !EXPLORER_PATH.test(path) && path !== PLAYGROUND_PATH;

/**
 * Records the scripts a page loads. Call before `page.goto`, then await the returned check once the page has loaded:
 * it fails when the page loads or preloads Scalar (outside the explorer), or sends more JavaScript before any
 * interaction than `bench/budgets.ts` allows.
 */
export function watchScripts(page: Page, path: string, scalar: Set<string>): () => Promise<void> {
  const scripts: Promise<{ url: string; gzip: number } | undefined>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script' || !response.ok()) return;
    // A script that arrives after the check (the explorer keeps loading Scalar) may outlive the test: its body is
    // then unreadable, which must not fail the test after it has passed.
    scripts.push(
      response.body().then(
        (body) => ({ url: response.url(), gzip: gzipSync(body).length }),
        () => undefined,
      ),
    );
  });
  return async () => {
    await page.waitForLoadState('networkidle');
    const preloaded = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLLinkElement | HTMLScriptElement>(
          'script[src], link[rel="modulepreload"], link[rel="preload"][as="script"]',
        ),
      ].map((element) => ('href' in element ? element.href : element.src)),
    );
    const loaded = (await Promise.all(scripts)).filter((script) => script !== undefined);
    if (EXPLORER_PATH.test(path)) return;
    const urls = [...new Set([...loaded.map((script) => script.url), ...preloaded])];
    expect(
      urls.filter((url) => scalar.has(fileName(url))),
      'Scalar chunks loaded or preloaded',
    ).toEqual([]);
    if (!jsBudgetApplies(path)) return;
    const total = loaded.reduce((sum, script) => sum + script.gzip, 0);
    const detail = loaded.map((script) => `${fileName(script.url)} ${kB(script.gzip)}`).join(', ');
    expect(
      total,
      `${path}: ${kB(total)} of gzip JS before interaction, ${kB(Math.max(0, total - budgets.jsBeforeInteractionGzip))} over the budget (${detail})`,
    ).toBeLessThanOrEqual(budgets.jsBeforeInteractionGzip);
  };
}
