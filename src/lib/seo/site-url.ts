import { prefixBase } from '../base-url';

/**
 * An absolute URL on the site for a root-relative path: `/og/index.png` on site `https://x.dev` with base `/docs`
 * becomes `https://x.dev/docs/og/index.png`. Social networks and crawlers ignore relative image URLs.
 */
export function absoluteUrl(site: string | URL, base: string, path: string): string {
  const rooted = path.startsWith('/') ? path : `/${path}`;
  return new URL(prefixBase(rooted, base), site).href;
}

/** The site's home page as an absolute URL, always with a trailing slash. */
export function homeUrl(site: string | URL, base: string): string {
  return absoluteUrl(site, base, '/').replace(/\/?$/, '/');
}
