/**
 * Prefix a root-relative site URL (`/guides/x/`) with the configured base (`/docs`). External, protocol-relative and
 * relative URLs, and URLs that already start with the base, come back unchanged, so the function is safe to apply twice.
 */
export function prefixBase(url: string, base: string): string {
  const root = base.replace(/\/+$/, '');
  if (root === '' || !url.startsWith('/') || url.startsWith('//')) return url;
  const alreadyPrefixed = url.startsWith(root) && (url.length === root.length || '/?#'.includes(url[root.length]!));
  if (alreadyPrefixed) return url;
  return `${root}${url}`;
}

/** The same, for code that runs inside Astro and knows its base from `import.meta.env.BASE_URL`. */
export function withBase(url: string): string {
  return prefixBase(url, import.meta.env.BASE_URL);
}
