/**
 * Links inside a vendor's descriptions are written for the vendor's own site: `[File](/docs/api-reference/files)`
 * means a page there, and on ours it would be a broken link. They are made absolute against the document's own
 * documentation address (`externalDocs`, then `info.contact.url`, then `info.termsOfService`); when the document
 * names none, the link becomes its text, so no page links to something that does not exist. Absolute and `mailto:`
 * links are left alone.
 */
import type { OpenApiDocument } from '../../../mocks/core/openapi.ts';

/** Where the document's relative links point to, if it says. */
export function linkBaseOf(document: OpenApiDocument): string | undefined {
  const info = document.info as { contact?: { url?: unknown }; termsOfService?: unknown };
  const candidates = [
    (document as { externalDocs?: { url?: unknown } }).externalDocs?.url,
    info.contact?.url,
    info.termsOfService,
  ];
  return candidates.find((url): url is string => typeof url === 'string' && /^https?:\/\//i.test(url));
}

const isRelative = (url: string) => !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//');
const MARKDOWN_LINK = /(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?((?:\s+"[^"]*")?)\s*\)/g;
const HTML_HREF = /\s(href|src)="([^"]*)"/g;

/** The Markdown with its relative links made absolute against `base`, or turned into their text without one. */
export function withAbsoluteLinks(markdown: string, base: string | undefined): string {
  if (!markdown.includes('](') && !/\s(href|src)="/.test(markdown)) return markdown;
  const resolve = (url: string) => (base ? new URL(url, base).href : undefined);
  return markdown
    .replace(MARKDOWN_LINK, (whole, bang: string, text: string, url: string, title: string) => {
      if (!url || !isRelative(url)) return whole;
      const absolute = resolve(url);
      if (absolute) return `${bang}[${text}](${absolute}${title})`;
      // An image of the vendor's that would load from our host: drop it; a link: keep its words.
      return bang ? '' : text;
    })
    .replace(HTML_HREF, (whole, name: string, url: string) => {
      if (!isRelative(url)) return whole;
      const absolute = resolve(url);
      return absolute ? ` ${name}="${absolute}"` : '';
    });
}

/**
 * Apply `withAbsoluteLinks` to every description and summary of a reference model, in place. Models share
 * objects (an operation sits in its tag group and in the full list), so each object is visited once.
 */
export function absoluteLinksIn(model: object, base: string | undefined, seen = new WeakSet<object>()): void {
  if (seen.has(model)) return;
  seen.add(model);
  for (const [key, value] of Object.entries(model)) {
    if (typeof value === 'string' && (key === 'description' || key === 'lead'))
      (model as Record<string, unknown>)[key] = withAbsoluteLinks(value, base);
    else if (value && typeof value === 'object') absoluteLinksIn(value as object, base, seen);
  }
}
