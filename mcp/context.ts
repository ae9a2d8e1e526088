/**
 * What the tools share: the sandbox (one per server, state per key, as in the browser), the reference model and the
 * site's pages. Only the API names are read at start-up; everything else is imported and built on first use, so
 * the server starts in the same time whatever the number and size of the specs (see bench/mcp.ts).
 */
import { readFileSync } from 'node:fs';
import type { Sandbox } from '../mocks/core/sandbox.ts';
import type { GuideSource } from '../src/lib/markdown-twin/guide-markdown.ts';
import type { ApiView } from '../src/lib/reference/model.ts';
import type { SearchIndex } from './search-index.ts';
import type { SiteAddress, SitePage } from './page-lookup.ts';

/** The key the tools use when none is given: like the reader's key in the browser, its state is its own. */
export const DEFAULT_KEY = 'sk_test_engine_room_assistant';

/** Where `npm run generate` lists every API it generated (openapi/ and OPENAPI_EXTRA), relative to the project. */
export const SOURCES_FILE = 'mocks/generated/sources.json';

export interface McpContext {
  /** Every API name, in the order the reference lists them. */
  apiNames: string[];
  address: SiteAddress;
  sandbox: () => Promise<Sandbox>;
  guides: () => Promise<GuideSource[]>;
  apis: () => Promise<ApiView[]>;
  api: (name: string) => Promise<ApiView>;
  pages: () => Promise<SitePage[]>;
  search: () => Promise<SearchIndex>;
}

export function readApiNames(file = SOURCES_FILE): string[] {
  let sources: { api: string }[];
  try {
    sources = JSON.parse(readFileSync(file, 'utf8')) as { api: string }[];
  } catch (error) {
    throw new Error(`Cannot read ${file} (${(error as Error).message}); run npm run generate first.`, {
      cause: error,
    });
  }
  return sources.map((source) => source.api).sort();
}

export function createContext(address: SiteAddress, apiNames = readApiNames()): McpContext {
  const sandbox = lazy(async () => (await import('../mocks/catalog.ts')).createEngineRoomSandbox({ mount: '/' }));
  const apis = lazy(async () => (await import('../src/lib/reference/model.ts')).referenceApis());
  const guides = lazy(async () => (await import('./guides.ts')).readGuides());
  const pages = lazy(async () => (await import('./site-pages.ts')).sitePages(await guides(), await apis(), address));
  const search = lazy(async () => new (await import('./search-index.ts')).SearchIndex(await pages()));
  return {
    apiNames,
    address,
    sandbox,
    guides,
    apis,
    api: async (name) => (await apis()).find((view) => view.api === name)!,
    pages,
    search,
  };
}

/** Made once, on first call; a failure is not kept, so the next call tries again. */
function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () =>
    (made ??= make().catch((error: unknown) => {
      made = undefined;
      throw error;
    }));
}
