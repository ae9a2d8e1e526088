/**
 * The build-time model of the API reference: every spec in openapi/ as APIs, tag groups, operations, parameters,
 * bodies and responses, ready for pages to render. Plain TypeScript, no Astro or DOM, so it is unit-tested alone.
 */
import { exampleRequest } from '../../../mocks/core/example-request.ts';
import { exampleOf } from '../../../mocks/core/generic-reply.ts';
import {
  deref,
  finalPointer,
  HTTP_METHODS,
  listOperations,
  type MediaTypeObject,
  type OpenApiDocument,
  type Operation,
  type OperationObject,
  type ResponseObject,
  type SchemaObject,
} from '../../../mocks/core/openapi.ts';
import { requestPath } from '../../../mocks/core/router.ts';
import {
  LOCAL_SANDBOX_ORIGIN,
  sandboxLocation,
  serverUrl,
  type SandboxLocation,
} from '../../../mocks/core/sandbox-location.ts';
import { specs } from '../../../mocks/generated/specs.ts';
import { metaTitle, plainText } from './meta';
import { codeSamples, type CodeSample } from './samples';
import { schemaPages, withLinks, type SchemaLinks, type SchemaView } from './schema-pages';
import { linkedSchemas, schemaRows, typeOf, type SchemaRow } from './schema-rows';
import { slugify, uniqueSlugs } from './slugs';
import { specDates, today } from './spec-dates';
import { absoluteLinksIn, linkBaseOf } from './spec-links';

export type { SchemaView } from './schema-pages';

export const READER_KEY = 'sk_test_engine_room_reader';

export interface ParameterView {
  name: string;
  in: string;
  required: boolean;
  type: string;
  description?: string | undefined;
  rows: SchemaRow[];
}

export interface BodyView {
  mediaType: string;
  rows: SchemaRow[];
  example?: string | undefined;
}

export interface ResponseView {
  status: string;
  description?: string | undefined;
  bodies: BodyView[];
  headers: string[];
}

/** A request the API sends to the caller after an operation, to an address given by a runtime expression. */
export interface CallbackView {
  /** The callback's name in the spec, such as `statusCallback`. */
  name: string;
  /** Heading anchor on the operation page, unique on that page. */
  anchor: string;
  /** Where the request goes: a runtime expression such as `{$request.body#/callbackUrl}`. */
  expression: string;
  method: string;
  summary?: string | undefined;
  description?: string | undefined;
  requestBody?: { description?: string | undefined; bodies: BodyView[] };
  /** What the caller's server is expected to answer. */
  responses: ResponseView[];
}

export interface OperationView {
  api: string;
  slug: string;
  id: string;
  method: string;
  /** The path requests go to: the document's path key without a `#…` or `?…` that some vendors add to it. */
  path: string;
  /** The path key as the document writes it, when it differs from `path` (`/engage#import`). */
  pathKey?: string | undefined;
  /** The summary as plain text: the operation's name in links, cards and structured data. */
  summary: string;
  /** The page title: the summary, shortened at a word when it is longer than a title may be. */
  title: string;
  /** The summary as written (CommonMark), shown on the page when the title cannot say all of it. */
  lead?: string | undefined;
  description?: string | undefined;
  tag: string;
  deprecated: boolean;
  security: string[];
  parameters: ParameterView[];
  requestBody?: { required: boolean; description?: string | undefined; bodies: BodyView[] };
  responses: ResponseView[];
  callbacks: CallbackView[];
  samples: CodeSample[];
  /** The named schemas this page links to (each lists the page under "Used by"). */
  schemas: string[];
}

/** An event the API sends to the endpoint a reader registers (OpenAPI 3.1 `webhooks`), with a page of its own. */
export interface WebhookView {
  name: string;
  slug: string;
  /** Plain text, for links and titles. */
  summary?: string | undefined;
  title: string;
  description?: string | undefined;
  /** The request the API sends, in the same shape as an operation's callback. */
  request: CallbackView;
  schemas: string[];
}

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

function operationView(
  api: string,
  document: OpenApiDocument,
  operation: Operation,
  slug: string,
  links: SchemaLinks,
): OperationView {
  const { operation: spec } = operation;
  const idPrefix = slug;
  const path = requestPath(operation.path);
  const rows = (schema: Parameters<typeof schemaRows>[1], prefix: string) =>
    withLinks(schemaRows(document, schema, prefix), links);
  const parameters = operation.parameters
    .filter((parameter) => !(parameter.in === 'header' && parameter.name.toLowerCase() === 'authorization'))
    .map((parameter) => ({
      name: parameter.name,
      in: parameter.in,
      required: Boolean(parameter.required || parameter.in === 'path'),
      type: typeOf(document, parameter.schema),
      description: parameter.description,
      rows: rows(
        { type: 'object', properties: { [parameter.name]: parameter.schema ?? {} } },
        `${idPrefix}-${parameter.in}`,
      ),
    }));
  const bodyPointer = spec.requestBody ? finalPointer(document, `${operation.pointer}/requestBody`) : undefined;
  const body = bodyPointer
    ? deref<{ required?: boolean; description?: string | undefined; content?: Record<string, MediaTypeObject> }>(
        document,
        { $ref: bodyPointer },
      )
    : undefined;
  const example = safeExample(document, operation);
  // Generated specs (Twilio's) often say `summary: ""`; a page and its link still need a name.
  const written = spec.summary?.trim() ?? '';
  const summary = plainText(written) || `${operation.method.toUpperCase()} ${path}`;
  const title = metaTitle(summary);
  const view: Omit<OperationView, 'schemas'> = {
    api,
    slug,
    id: operation.id,
    method: operation.method.toUpperCase(),
    path,
    ...(path !== operation.path ? { pathKey: operation.path } : {}),
    summary,
    title,
    ...(written && (title !== summary || summary !== written) && title !== written ? { lead: written } : {}),
    description: spec.description,
    tag: spec.tags?.[0] ?? `/${operation.path.split('/').filter(Boolean)[0] ?? ''}`,
    deprecated: Boolean(spec.deprecated),
    security: (spec.security ?? document.security ?? []).flatMap((requirement) => Object.keys(requirement)),
    parameters,
    ...(body?.content
      ? {
          requestBody: {
            required: Boolean(body.required),
            description: body.description,
            bodies: bodies(document, body.content, `${idPrefix}-body`, links),
          },
        }
      : {}),
    responses: responseViews(document, spec.responses, idPrefix, links),
    callbacks: callbackViews(document, spec.callbacks, idPrefix, links),
    samples: example
      ? codeSamples(
          example,
          sandboxLocation(api, document).local,
          path,
          operation.parameters.filter((parameter) => parameter.in === 'header').map((parameter) => parameter.name),
        )
      : [],
  };
  return { ...view, schemas: linkedSchemas(pageRows(view)) };
}

/** Every schema row one operation page shows: parameters, request bodies, responses and callbacks. */
export function pageRows(operation: Omit<OperationView, 'schemas'>): SchemaRow[] {
  return [
    ...operation.parameters.flatMap((parameter) => parameter.rows),
    ...(operation.requestBody?.bodies ?? []).flatMap((body) => body.rows),
    ...operation.responses.flatMap((response) => response.bodies.flatMap((body) => body.rows)),
    ...operation.callbacks.flatMap((callback) => [
      ...(callback.requestBody?.bodies ?? []).flatMap((body) => body.rows),
      ...callback.responses.flatMap((response) => response.bodies.flatMap((body) => body.rows)),
    ]),
  ];
}

function responseViews(
  document: OpenApiDocument,
  responses: Record<string, unknown> | undefined,
  idPrefix: string,
  links: SchemaLinks,
): ResponseView[] {
  return Object.entries(responses ?? {}).map(([status, raw]) => {
    const response = deref<ResponseObject>(document, raw as ResponseObject);
    return {
      status,
      description: response?.description,
      bodies: bodies(document, response?.content ?? {}, `${idPrefix}-${status}`, links),
      headers: Object.keys(response?.headers ?? {}),
    };
  });
}

/** Every webhook, one page each; a webhook with several methods (rare) shows the first. */
function webhookViews(document: OpenApiDocument, links: SchemaLinks): WebhookView[] {
  const entries = Object.entries(document.webhooks ?? {});
  const slugs = uniqueSlugs(entries.map(([name]) => name));
  return entries.flatMap(([name, item], index) => {
    const [request] = callbackViews(document, { [name]: { [name]: item } }, `webhook-${slugs[index]}`, links);
    if (!request) return [];
    const summary = plainText(request.summary) || undefined;
    const rows = [
      ...(request.requestBody?.bodies ?? []).flatMap((body) => body.rows),
      ...request.responses.flatMap((response) => response.bodies.flatMap((body) => body.rows)),
    ];
    return [
      {
        name,
        slug: slugs[index]!,
        summary,
        title: metaTitle(summary ? `${name}: ${summary}` : `The ${name} webhook`),
        description: request.description,
        request,
        schemas: linkedSchemas(rows),
      },
    ];
  });
}

/** Each callback of an operation, one view per runtime expression and method (a callback may have several). */
function callbackViews(
  document: OpenApiDocument,
  callbacks: Record<string, unknown> | undefined,
  idPrefix: string,
  links: SchemaLinks,
): CallbackView[] {
  const anchors = new Set<string>();
  return Object.entries(callbacks ?? {}).flatMap(([name, raw]) => {
    const callback = deref<Record<string, unknown>>(document, raw as Record<string, unknown>) ?? {};
    return Object.entries(callback).flatMap(([expression, rawItem]) => {
      const item = deref<Partial<Record<string, OperationObject>>>(document, rawItem as object) ?? {};
      return HTTP_METHODS.filter((method) => item[method]).map((method) => {
        const operation = item[method]!;
        const base = `callback-${slugify(name)}`;
        const anchor = anchors.has(base) ? `${base}-${anchors.size + 1}` : base;
        anchors.add(anchor);
        const body = deref<{ description?: string | undefined; content?: Record<string, MediaTypeObject> }>(
          document,
          operation.requestBody,
        );
        return {
          name,
          anchor,
          expression,
          method: method.toUpperCase(),
          summary: operation.summary,
          description: operation.description,
          ...(body?.content
            ? {
                requestBody: {
                  description: body.description,
                  bodies: bodies(document, body.content, `${idPrefix}-${anchor}`, links),
                },
              }
            : {}),
          responses: responseViews(document, operation.responses, `${idPrefix}-${anchor}`, links),
        };
      });
    });
  });
}

function bodies(
  document: OpenApiDocument,
  content: Record<string, MediaTypeObject>,
  idPrefix: string,
  links: SchemaLinks,
): BodyView[] {
  return Object.entries(content).map(([mediaType, media], index) => {
    const schema = media.schema as SchemaObject | undefined;
    const binary = schema?.format === 'binary';
    const example = binary ? undefined : exampleText(document, media);
    return {
      mediaType,
      rows: withLinks(schemaRows(document, media.schema, `${idPrefix}-${index}`), links),
      ...(example !== undefined ? { example } : {}),
    };
  });
}

/** Generated examples of a large schema graph can run to megabytes; a page shows one only up to this size. */
export const EXAMPLE_LIMIT = 6_000;

/** The example of a body as the page prints it, or undefined when there is none or it is too large to print. */
export function exampleText(document: OpenApiDocument, media: MediaTypeObject): string | undefined {
  if (media.example === undefined && !media.examples && !media.schema) return undefined;
  let value: unknown;
  try {
    value = exampleOf(document, media);
  } catch {
    return undefined;
  }
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return text.length <= EXAMPLE_LIMIT ? text : undefined;
}

function safeExample(document: OpenApiDocument, operation: Operation) {
  try {
    return exampleRequest(document, operation, READER_KEY);
  } catch {
    return undefined;
  }
}

const indexOr = (index: number) => (index < 0 ? Number.MAX_SAFE_INTEGER : index);
