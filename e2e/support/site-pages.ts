import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { EXPLORER_PATH } from '../../bench/budgets.ts';

/**
 * The pages of the built root site, read from its sitemap at test-collection time so that each page becomes its own
 * test (and the sweep runs in parallel). Paths are relative, so they resolve under any project's base URL.
 */
export function builtSitePages(outDir = process.env.E2E_DIST ?? 'dist'): string[] {
  if (!existsSync(outDir))
    throw new Error(`No build in ${outDir}/: run \`npm run build:e2e\` before the browser tests.`);
  const sitemaps = readdirSync(outDir).filter((file) => /^sitemap-\d+\.xml$/.test(file));
  const locations = sitemaps.flatMap((file) =>
    [...readFileSync(`${outDir}/${file}`, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!),
  );
  return locations.map((loc) => new URL(loc).pathname.replace(/^\//, '') || './').sort();
}

/**
 * One page per template where templates repeat: every page except explorers, operation, schema and webhook pages,
 * plus the largest page of each of those kinds per API (the most fields, alternatives and links). The sub-path build
 * is swept with this sample: pages that share a template break together when links forget the base path.
 */
export function onePagePerTemplate(outDir = process.env.E2E_DIST ?? 'dist'): string[] {
  const pages = builtSitePages(outDir).filter((path) => !EXPLORER_PATH.test(path));
  const repeated = /^reference\/([^/]+)\/(?:(schemas|webhooks)\/)?[^/]+\/$/;
  const largest = new Map<string, { path: string; size: number }>();
  for (const path of pages) {
    const match = repeated.exec(path);
    if (!match || path.endsWith('/schemas/')) continue;
    const template = `${match[1]} ${match[2] ?? 'operation'}`;
    const size = statSync(`${outDir}/${path}index.html`).size;
    if (size > (largest.get(template)?.size ?? -1)) largest.set(template, { path, size });
  }
  const sampled = new Set([...largest.values()].map(({ path }) => path));
  return pages.filter((path) => sampled.has(path) || !repeated.test(path) || path.endsWith('/schemas/')).sort();
}
