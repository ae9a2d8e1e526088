/**
 * The pages the MCP server knows, as the tools name them: their kinds and URLs, and the page a reader means by a URL,
 * a path or a slug. Light on purpose (no reference model), so that the tools can import it at start-up.
 */
import { absoluteUrl, twinPathOf } from '../src/lib/markdown-twin/twin-paths.ts';

export type PageKind = 'guide' | 'api' | 'operation' | 'schema' | 'webhook';

export interface SitePage {
  kind: PageKind;
  /** The page's path from the site root, without the base: `/guides/webhooks/`. */
  path: string;
  title: string;
  /** One line for a search result. */
  description: string;
  /** Other names a reader may ask for it by: an operationId, `payments/createPaymentIntent`, a schema name. */
  aliases: string[];
  /** The Markdown twin, made on first use. */
  markdown: () => string;
}

export interface SiteAddress {
  site: string;
  base: string;
}

/** The page's URL on the site, and its twin's. */
export const pageUrls = (page: SitePage, address: SiteAddress) => ({
  url: absoluteUrl(page.path, address.site, address.base),
  markdown_url: absoluteUrl(twinPathOf(page.path), address.site, address.base),
});

/**
 * The page a reader means by a URL (the page's or its twin's, with or without the site and base), a path, a slug
 * (`webhooks`, `guides/webhooks`) or an alias (`createPaymentIntent`, `payments/createPaymentIntent`).
 */
export function findPage(pages: readonly SitePage[], wanted: string, address: SiteAddress): SitePage | undefined {
  let path = wanted.trim();
  try {
    const url = new URL(path);
    path = url.pathname;
  } catch {
    // Not an absolute URL: a path or a slug.
  }
  const base = address.base.replace(/\/+$/, '');
  if (base && (path === base || path.startsWith(`${base}/`))) path = path.slice(base.length) || '/';
  path = path.replace(/\.md$/, '').replace(/^\/?/, '/').replace(/\/?$/, '/');
  const byPath = (candidate: string) => pages.find((page) => page.path === candidate);
  const bare = path.slice(1, -1);
  return (
    byPath(path) ??
    byPath(`/guides${path}`) ??
    byPath(`/reference${path}`) ??
    pages.find((page) => page.aliases.includes(bare)) ??
    pages.find((page) => page.aliases.some((alias) => alias.toLowerCase() === bare.toLowerCase()))
  );
}
