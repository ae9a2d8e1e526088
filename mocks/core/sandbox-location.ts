/**
 * Where an API's sandbox lives. An API is served under its name plus the path of the first server URL its document
 * lists, with server variables at their defaults: a document whose server is `https://api.example.com/v2` is served
 * at `/sandbox/<api>/v2/…` in the browser and `http://localhost:4010/<api>/v2/…` locally, so the paths a vendor's
 * client library builds work unchanged under the sandbox's root. Our own documents list the sandbox itself as their
 * server (`/sandbox/payments/v1`); such a URL counts from after the API's name (decision 0013).
 */
import type { OpenApiDocument } from './openapi.ts';

/** The local sandbox server's address (`npm run sandbox`), as samples and the reference print it. */
export const LOCAL_SANDBOX_ORIGIN = 'http://localhost:4010';

export interface SandboxLocation {
  /** The API's name and the path of its first server: `payments/v1`, `stripe`, `quirks/v2`. */
  root: string;
  /** In the browser, relative to the site's base: `/sandbox/payments/v1`. */
  browser: string;
  /** The local server: `http://localhost:4010/payments/v1`. */
  local: string;
}

interface Server {
  url: string;
  variables?: Record<string, { default?: unknown; enum?: unknown[] }> | undefined;
}

/** A server URL with its variables at their defaults (`https://{region}.example.com` → `https://eu.example.com`). */
export function serverUrl(server: Server): string {
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = server.variables?.[name];
    const value = variable?.default ?? variable?.enum?.[0];
    return value === undefined ? whole : String(value);
  });
}

/** The path an API serves under its name: `/v1`, `/api/v10`, or `` when its first server has no path. */
export function serverPath(api: string, document: Pick<OpenApiDocument, 'servers'>): string {
  const first = document.servers?.[0];
  if (!first || typeof first.url !== 'string') return '';
  const url = serverUrl(first);
  let parsed: URL;
  try {
    parsed = new URL(url, 'relative:/');
  } catch {
    return '';
  }
  const segments = parsed.pathname.split('/').filter(Boolean);
  // A variable without a default cannot be guessed: leave its segment out rather than serve a literal `{version}`.
  const known = segments.filter((segment) => !/%7B|%7D|[{}]/i.test(segment));
  const ownSandbox =
    (parsed.protocol === 'relative:' && known[0] === 'sandbox' && known[1] === api) ||
    (parsed.origin === LOCAL_SANDBOX_ORIGIN && known[0] === api);
  const path = ownSandbox ? known.slice(known[0] === 'sandbox' ? 2 : 1) : known;
  return path.map((segment) => `/${segment}`).join('');
}

export function sandboxLocation(api: string, document: Pick<OpenApiDocument, 'servers'>): SandboxLocation {
  const root = `${api}${serverPath(api, document)}`;
  return { root, browser: `/sandbox/${root}`, local: `${LOCAL_SANDBOX_ORIGIN}/${root}` };
}
