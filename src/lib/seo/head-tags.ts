/** The `<head>` entries Starlight renders for a page: `<meta>`, `<link>`, `<script>`, `<title>`. */
export interface HeadEntry {
  tag: string;
  attrs?: Record<string, string | boolean | undefined> | undefined;
  content?: string | undefined;
}

export interface SocialTags {
  title: string;
  description: string;
  image: string;
  imageAlt: string;
  imageWidth: number;
  imageHeight: number;
  /** `website` for the home page, `article` for the rest (Starlight's default). */
  type: 'website' | 'article';
  jsonLd: string;
}

const meta = (key: 'property' | 'name', id: string, content: string): HeadEntry => ({
  tag: 'meta',
  attrs: { [key]: id, content },
});

/** The tags Starlight does not write itself (it already writes og:title, og:url, og:description and the rest). */
export function socialHead(tags: SocialTags): HeadEntry[] {
  return [
    meta('property', 'og:type', tags.type),
    meta('property', 'og:image', tags.image),
    meta('property', 'og:image:type', 'image/png'),
    meta('property', 'og:image:width', String(tags.imageWidth)),
    meta('property', 'og:image:height', String(tags.imageHeight)),
    meta('property', 'og:image:alt', tags.imageAlt),
    meta('name', 'twitter:title', tags.title),
    meta('name', 'twitter:description', tags.description),
    meta('name', 'twitter:image', tags.image),
    meta('name', 'twitter:image:alt', tags.imageAlt),
    { tag: 'script', attrs: { type: 'application/ld+json' }, content: tags.jsonLd },
  ];
}

const metaKey = (entry: HeadEntry) =>
  entry.tag === 'meta' ? (entry.attrs?.['property'] ?? entry.attrs?.['name']) : undefined;
const isJsonLd = (entry: HeadEntry) => entry.tag === 'script' && entry.attrs?.['type'] === 'application/ld+json';

/**
 * `head` with `additions` merged in: an added `<meta>` replaces one with the same property or name, and an added
 * JSON-LD script replaces an earlier one, so that every page has each tag exactly once. Changes `head` in place.
 */
export function mergeHead(head: HeadEntry[], additions: readonly HeadEntry[]): void {
  for (const addition of additions) {
    const key = metaKey(addition);
    const existing = head.findIndex((entry) =>
      key !== undefined ? metaKey(entry) === key : isJsonLd(addition) && isJsonLd(entry),
    );
    if (existing === -1) head.push(addition);
    else head[existing] = addition;
  }
}

export function canonicalHref(head: readonly HeadEntry[]): string | undefined {
  const href = head.find((entry) => entry.tag === 'link' && entry.attrs?.['rel'] === 'canonical')?.attrs?.['href'];
  return typeof href === 'string' ? href : undefined;
}
