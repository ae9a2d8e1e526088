/**
 * Where an operation's requests go, from the document's path key and servers. Vendors write several operations on
 * one path as `/engage#import` and `/engage#export`, or fix a query parameter in the key (`/search?type=user`); the
 * request still goes to `/engage` or `/search?type=user`.
 */
export interface Route {
  path: string;
  /** Query parameters the path key fixes. */
  query: Record<string, string>;
}

export function routeOf(pathKey: string): Route {
  const withoutFragment = pathKey.split('#')[0] || '/';
  const [path = '/', search = ''] = withoutFragment.split(/\?(.*)/s);
  return { path: path || '/', query: Object.fromEntries(new URLSearchParams(search)) };
}

/** A server URL with its variables at their defaults (`https://{region}.example.com` → `https://eu.example.com`). */
export function serverUrl(server: {
  url: string;
  variables?: Record<string, { default?: unknown; enum?: unknown[] }>;
}): string {
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = server.variables?.[name];
    const value = variable?.default ?? variable?.enum?.[0];
    return value === undefined ? whole : String(value);
  });
}
