import { existsSync, readFileSync, readdirSync } from 'node:fs';

/**
 * The pages of the built root site, read from its sitemap at test-collection time so that each page becomes its own
 * test (and the sweep runs in parallel). Paths are relative, so they resolve under any project's base URL.
 */
export function builtSitePages(outDir = 'dist'): string[] {
  if (!existsSync(outDir))
    throw new Error(`No build in ${outDir}/: run \`npm run build:e2e\` before the browser tests.`);
  const sitemaps = readdirSync(outDir).filter((file) => /^sitemap-\d+\.xml$/.test(file));
  const locations = sitemaps.flatMap((file) =>
    [...readFileSync(`${outDir}/${file}`, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!),
  );
  return locations.map((loc) => new URL(loc).pathname.replace(/^\//, '') || './').sort();
}
