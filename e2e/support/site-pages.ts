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
 * One page per template where templates repeat: every page except explorers and operation pages, plus the largest
 * operation page of each API (the most fields, alternatives and recursive schemas). The sub-path build is swept
 * with this sample: pages that share a template break together when links forget the base path.
 */
export function onePagePerTemplate(outDir = process.env.E2E_DIST ?? 'dist'): string[] {
  const pages = builtSitePages(outDir).filter((path) => !EXPLORER_PATH.test(path));
  const operation = /^reference\/([^/]+)\/[^/]+\/$/;
  const largest = new Map<string, { path: string; size: number }>();
  for (const path of pages) {
    const api = operation.exec(path)?.[1];
    if (!api) continue;
    const size = statSync(`${outDir}/${path}index.html`).size;
    if (size > (largest.get(api)?.size ?? -1)) largest.set(api, { path, size });
  }
  return [...pages.filter((path) => !operation.test(path)), ...[...largest.values()].map(({ path }) => path)].sort();
}
