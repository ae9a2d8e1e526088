/**
 * What the tools share: the sandbox (one per server, state per key, as in the browser), the reference model and the
 * site's pages. The reference and the search index are built on first use, so the server starts without them.
 */
import { createEngineRoomSandbox } from '../mocks/catalog.ts';
import type { Sandbox } from '../mocks/core/sandbox.ts';
import { specs } from '../mocks/generated/specs.ts';
import type { GuideSource } from '../src/lib/markdown-twin/guide-markdown.ts';
import { referenceApis, type ApiView } from '../src/lib/reference/model.ts';
import { siteConfig } from '../src/lib/site-config.ts';
import { readGuides } from './guides.ts';
import { SearchIndex } from './search-index.ts';
import { sitePages, type SiteAddress, type SitePage } from './site-pages.ts';

/** The key the tools use when none is given: like the reader's key in the browser, its state is its own. */
export const DEFAULT_KEY = 'sk_test_engine_room_assistant';

export interface McpContext {
  sandbox: Sandbox;
  /** Every API name, from the specs `npm run generate` found (openapi/ and OPENAPI_EXTRA). */
  apiNames: string[];
  address: SiteAddress;
  guides: () => GuideSource[];
  apis: () => ApiView[];
  api: (name: string) => ApiView;
  pages: () => SitePage[];
  search: () => SearchIndex;
}

export function createContext(address: SiteAddress = siteConfig): McpContext {
  const sandbox = createEngineRoomSandbox({ mount: '/' });
  let guides: GuideSource[] | undefined;
  let pages: SitePage[] | undefined;
  let index: SearchIndex | undefined;
  const context: McpContext = {
    sandbox,
    apiNames: Object.keys(specs).sort(),
    address,
    guides: () => (guides ??= readGuides()),
    apis: referenceApis,
    api: (name) => referenceApis().find((view) => view.api === name)!,
    pages: () => (pages ??= sitePages(context.guides(), referenceApis(), address)),
    search: () => (index ??= new SearchIndex(context.pages())),
  };
  return context;
}
