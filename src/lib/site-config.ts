/**
 * Where the site is served. Read once from the environment so that the same build scripts produce a site for the
 * root of a host (`/`) or for a sub-path such as GitHub Pages' `/<repo>/`.
 */

/** Normalise a base path to `/` or `/segment/.../` without a trailing slash, as Astro's `base` expects. */
export function normaliseBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}`;
}

/** The absolute origin used for canonical URLs and the sitemap. */
export function normaliseSite(raw: string | undefined): string {
  const value = (raw ?? '').trim() || 'http://localhost:4321';
  const url = new URL(value);
  return url.origin;
}

export const siteConfig = {
  site: normaliseSite(process.env.SITE_URL),
  base: normaliseBase(process.env.BASE_PATH),
  outDir: process.env.OUT_DIR?.trim() || './dist',
};
