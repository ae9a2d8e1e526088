/**
 * The build-time model of the API reference: every spec in openapi/ as APIs, tag groups, operations, parameters,
 * bodies and responses, ready for pages to render. Plain TypeScript, no Astro or DOM, so it is unit-tested alone.
 * This file assembles an API's view; the views of its parts are in operation-view.ts, callback-views.ts (callbacks
 * and webhooks) and body-views.ts (bodies and responses), and pages import them all from here.
 */
import { listOperations, type OpenApiDocument } from '../../../mocks/core/openapi.ts';
import {
  LOCAL_SANDBOX_ORIGIN,
  sandboxLocation,
  serverUrl,
  type SandboxLocation,
} from '../../../mocks/core/sandbox-location.ts';
import { specs } from '../../../mocks/generated/specs.ts';
import { exampleText } from './body-views';
import { webhookViews, type CallbackView, type WebhookView } from './callback-views';
import { operationView, type OperationView } from './operation-view';
import { schemaPages, type SchemaLinks, type SchemaView } from './schema-pages';
import { uniqueSlugs } from './slugs';
import { specDates, today } from './spec-dates';
import { absoluteLinksIn, linkBaseOf } from './spec-links';

export type { BodyView, ResponseView } from './body-views';
export type { CallbackView, WebhookView } from './callback-views';
export { pageRows, type OperationView, type ParameterView } from './operation-view';
export type { SchemaView } from './schema-pages';

export interface ApiView {
  api: string;
  title: string;
  summary?: string | undefined;
  description?: string | undefined;
  version: string;
  /** The servers the document lists other than the sandbox (a vendor's production and test hosts). */
  servers: { url: string; description?: string | undefined }[];
  /** Where this API's sandbox answers, in the browser and locally (its name and its first server's path). */
  sandbox: SandboxLocation;
  security: { name: string; type: string; description?: string | undefined }[];
  groups: { tag: string; description?: string | undefined; operations: OperationView[] }[];
  webhooks: WebhookView[];
  /** Whether the API also lists the events it sends behind `GET /events`, as every sandbox API does. */
  eventsListed: boolean;
  /** Every callback of every operation, with the operation that sends it, for the API's overview. */
  callbacks: { operation: OperationView; callback: CallbackView }[];
  operations: OperationView[];
  /** A page per named schema (`components/schemas`), in the document's order. */
  schemas: SchemaView[];
  updated: Date;
}

let cache: ApiView[] | undefined;

export function referenceApis(): ApiView[] {
  if (!cache) {
    const dates = specDates();
    cache = Object.keys(specs)
      .sort()
      .map((api) => apiView(api, specs[api]!, dates[api]));
  }
  return cache;
}

/** One API's reference. `updated` is when its document last changed (see spec-dates.ts). */
export function apiView(api: string, document: OpenApiDocument, updated: Date = today()): ApiView {
  const operations = listOperations(document);
  const slugs = uniqueSlugs(operations.map((operation) => operation.id));
  const names = Object.keys(document.components?.schemas ?? {});
  const schemaSlugs = uniqueSlugs(names);
  const links: SchemaLinks = new Map(
    names.map((name, index) => [name, `/reference/${api}/schemas/${schemaSlugs[index]}/`]),
  );
  const views = operations.map((operation, index) => operationView(api, document, operation, slugs[index]!, links));
  const webhooks = webhookViews(document, links);
  const tags = document.tags ?? [];
  const groupNames = [...new Set(views.map((view) => view.tag))].sort(
    (a, b) => indexOr(tags.findIndex((t) => t.name === a)) - indexOr(tags.findIndex((t) => t.name === b)),
  );
  const view: ApiView = {
    api,
    title: document.info.title,
    summary: document.info.summary,
    description: document.info.description,
    version: document.info.version,
    servers: (document.servers ?? [])
      .map((server) => ({ url: serverUrl(server), description: server.description }))
      .filter(({ url }) => !url.startsWith('/sandbox/') && !url.startsWith(LOCAL_SANDBOX_ORIGIN)),
    sandbox: sandboxLocation(api, document),
    security: Object.entries(document.components?.securitySchemes ?? {}).map(([name, scheme]) => ({
      name,
      type: scheme.type === 'http' ? `HTTP ${scheme.scheme ?? ''}`.trim() : scheme.type,
      description: scheme.description,
    })),
    groups: groupNames.map((tag) => ({
      tag,
      description: tags.find((t) => t.name === tag)?.description,
      operations: views.filter((view) => view.tag === tag),
    })),
    webhooks,
    eventsListed: views.some((view) => view.method === 'GET' && view.path === '/events'),
    callbacks: views.flatMap((operation) => operation.callbacks.map((callback) => ({ operation, callback }))),
    operations: views,
    schemas: schemaPages(
      document,
      links,
      [
        ...views.map((view) => ({ ...view, href: `/reference/${api}/${view.slug}/` })),
        ...webhooks.map((hook) => ({
          href: `/reference/${api}/webhooks/${hook.slug}/`,
          title: hook.title,
          method: hook.request.method,
          path: `webhook ${hook.name}`,
          schemas: hook.schemas,
        })),
      ],
      (pointer) => exampleText(document, { schema: { $ref: pointer } }),
    ),
    updated,
  };
  absoluteLinksIn(view, linkBaseOf(document));
  return view;
}

const indexOr = (index: number) => (index < 0 ? Number.MAX_SAFE_INTEGER : index);
