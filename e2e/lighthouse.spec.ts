import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from './support/chromium';
import { expect, ROOT_ONLY, test } from './support/test';

/** One page of each type. Lighthouse's scores, unlike its timings, do not depend on how busy the machine is. */
const PAGES = [
  { type: 'home', path: '' },
  { type: 'article', path: 'guides/payment-apis/' },
  { type: 'operation', path: 'reference/payments/create-payment-intent/' },
  { type: 'API overview', path: 'reference/payments/' },
  { type: 'schema', path: 'reference/payments/schemas/payment-intent/' },
  { type: 'explorer', path: 'reference/payments/explorer/' },
  { type: 'playground', path: 'playground/' },
];

/**
 * Failures we accept, each caused by Scalar itself (docs/decisions/0006-quality-gates.md): its endpoint lists are
 * `<a>` elements without an `href`, which crawlers cannot follow (the static reference pages are the crawlable
 * ones), and its megabyte bundle ships without source maps (an unscored audit).
 */
const ACCEPTED: Record<string, string[]> = { explorer: ['crawlable-anchors', 'valid-source-maps'] };

// Scores do not depend on the base path.
const title = 'Lighthouse: SEO and accessibility score 100 and best practices at least 95 on every page type';
test(title, { tag: ROOT_ONLY }, async ({ baseURL }) => {
  test.setTimeout(300_000);
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium()!,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  const findings: string[] = [];
  try {
    for (const { type, path } of PAGES) {
      const result = await lighthouse(new URL(path, baseURL).href, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['seo', 'accessibility', 'best-practices'],
      });
      const { categories, audits } = result!.lhr;
      const accepted = ACCEPTED[type] ?? [];
      const failing = Object.values(audits)
        .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
        .filter((audit) => !accepted.includes(audit.id))
        .map((audit) => audit.id);
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const minimum = { seo: type === 'explorer' ? 90 : 100, accessibility: 100, 'best-practices': 95 };
      for (const [category, floor] of Object.entries(minimum))
        if (score(category) < floor) findings.push(`${type}: ${category} ${score(category)} < ${floor}`);
      if (failing.length > 0) findings.push(`${type}: failing audits ${failing.join(', ')}`);
    }
  } finally {
    chrome.kill();
  }
  expect(findings).toEqual([]);
});
