import { freshContext } from './browser.ts';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { summarize, type Summary } from './stats.ts';

export interface SearchResult {
  /** First query on a fresh page: loading Pagefind, its WebAssembly and the index chunks it needs, then searching. */
  firstQuery: Summary;
  /**
   * First query on a fresh page once Pagefind is warm (script, worker, metadata and WebAssembly loaded), as the
   * search button warms it when the reader points at it or focuses it (src/browser/search-on-intent.ts).
   */
  firstQueryWarmed?: Summary;
  /** Later queries on the same page, each a different word (so no result cache helps). */
  warmQuery: Summary;
  index: { files: number; bytes: number };
}

const FIRST = 'idempotency';
const WARM = ['webhook', 'refund', 'pagination', 'signature', 'geocode', 'embedding', 'upload', 'funnel', 'retry'];

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/**
 * Pagefind through its JavaScript API (what the search dialog calls), timing a query until the data of its first
 * five results is in, as the dialog needs it to render them.
 */
export async function measureSearch(
  browser: Browser,
  origin: string,
  dist: string,
  runs: number,
): Promise<SearchResult> {
  const first: number[] = [];
  const firstWarmed: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await freshContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      const times = await page.evaluate(
        async ({ firstWord, warmWords }) => {
          type Pagefind = {
            init: () => Promise<void>;
            search: (term: string) => Promise<{ results: { data: () => Promise<unknown> }[] }>;
          };
          const query = async (pagefind: Pagefind, term: string) => {
            const { results } = await pagefind.search(term);
            await Promise.all(results.slice(0, 5).map((result) => result.data()));
            return results.length;
          };
          const started = performance.now();
          const pagefind = (await import(`${location.origin}/pagefind/pagefind.js`)) as Pagefind;
          await pagefind.init();
          if ((await query(pagefind, firstWord)) === 0) throw new Error(`no results for ${firstWord}`);
          const firstMs = performance.now() - started;
          const warmMs: number[] = [];
          for (const word of warmWords) {
            const begun = performance.now();
            await query(pagefind, word);
            warmMs.push(performance.now() - begun);
          }
          return { firstMs, warmMs };
        },
        { firstWord: FIRST, warmWords: WARM },
      );
      first.push(times.firstMs);
      warm.push(...times.warmMs);
    } finally {
      await context.close();
    }
    firstWarmed.push(await firstQueryAfterWarmUp(browser, origin));
  }
  return {
    firstQuery: summarize(first),
    firstQueryWarmed: summarize(firstWarmed),
    warmQuery: summarize(warm),
    index: folderSize(join(dist, 'pagefind')),
  };
}

/** The warm-up the search button runs (import, `init()`, `filters()`), untimed, then the first query, timed. */
async function firstQueryAfterWarmUp(browser: Browser, origin: string): Promise<number> {
  const context = await freshContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    return await page.evaluate(async (term) => {
      type Pagefind = {
        init: () => Promise<void>;
        filters: () => Promise<unknown>;
        search: (term: string) => Promise<{ results: { data: () => Promise<unknown> }[] }>;
      };
      const pagefind = (await import(`${location.origin}/pagefind/pagefind.js`)) as Pagefind;
      await pagefind.init();
      await pagefind.filters();
      const started = performance.now();
      const { results } = await pagefind.search(term);
      await Promise.all(results.slice(0, 5).map((result) => result.data()));
      if (results.length === 0) throw new Error(`no results for ${term}`);
      return performance.now() - started;
    }, FIRST);
  } finally {
    await context.close();
  }
}
