/**
 * Where the machine-readable files live. A page's Markdown twin sits beside it, at the page's path without the
 * trailing slash plus `.md` (`/guides/webhooks/` → `/guides/webhooks.md`), the convention llmstxt.org proposes; a
 * single file per page also works on static hosts that do not serve `index.md` for a folder.
 */
import { prefixBase } from '../base-url';

export const twinPathOf = (pagePath: string): string => `${pagePath.replace(/\/+$/, '')}.md`;

export const guidePath = (id: string): string => `/${id}/`;
export const apiPath = (api: string): string => `/reference/${api}/`;
export const operationPath = (api: string, slug: string): string => `/reference/${api}/${slug}/`;
export const schemaIndexPath = (api: string): string => `/reference/${api}/schemas/`;
export const schemaPath = (api: string, slug: string): string => `/reference/${api}/schemas/${slug}/`;
export const openapiPath = (api: string, format: 'yaml' | 'json'): string => `/openapi/${api}.${format}`;

/** A root-relative site path as an absolute URL, under the configured base. */
export function absoluteUrl(path: string, site: URL | string, base: string): string {
  return new URL(prefixBase(path, base), site).href;
}

/** The page path (root-relative, without the base) of a URL path that carries the base. */
export function withoutBase(pathname: string, base: string): string {
  const root = base.replace(/\/+$/, '');
  return root && pathname.startsWith(root) ? pathname.slice(root.length) || '/' : pathname;
}
