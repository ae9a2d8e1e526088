/**
 * Where the playground's browser code gets an API's catalogue: the static `/playground/<api>.json` the build writes
 * (src/pages/playground/[api].json.ts), fetched the first time the reader picks that API and kept for the visit. The
 * page itself carries only the list of APIs, so its weight does not grow with the specs.
 */
import type { CatalogApi } from '../../lib/playground/catalog';

export const catalogUrl = (base: string, api: string) =>
  `${base.replace(/\/?$/, '/')}playground/${encodeURIComponent(api)}.json`;

export type CatalogSource = (api: string) => Promise<CatalogApi>;

export function catalogSource(base: string, fetcher: typeof fetch = (...args) => fetch(...args)): CatalogSource {
  const loaded = new Map<string, Promise<CatalogApi>>();
  return (api) => {
    let found = loaded.get(api);
    if (!found) {
      found = load(fetcher, catalogUrl(base, api), api);
      // A failed fetch (offline for a moment) is not remembered: picking the API again tries again.
      found.catch(() => loaded.delete(api));
      loaded.set(api, found);
    }
    return found;
  };
}

async function load(fetcher: typeof fetch, url: string, api: string): Promise<CatalogApi> {
  let response: Response;
  try {
    response = await fetcher(url);
  } catch {
    throw new Error(`The operations of the ${api} API could not be loaded (no connection to the site?).`);
  }
  if (!response.ok)
    throw new Error(`The operations of the ${api} API could not be loaded (${url} answered ${response.status}).`);
  const catalog = (await response.json().catch(() => undefined)) as CatalogApi | undefined;
  if (catalog?.api !== api || !Array.isArray(catalog.operations))
    throw new Error(`The operations of the ${api} API could not be loaded (${url} is not a playground catalogue).`);
  return catalog;
}
