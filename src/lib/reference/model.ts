/**
 * The build-time model of the API reference: every spec in openapi/ as APIs, tag groups, operations, parameters,
 * bodies and responses, ready for pages to render. Plain TypeScript, no Astro or DOM, so it is unit-tested alone.
 */
import { spawnSync } from 'node:child_process';
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
import { apiBasePath } from '../../../mocks/core/sandbox.ts';
import { specs } from '../../../mocks/generated/specs.ts';
import { codeSamples, type CodeSample } from './samples';
import { schemaRows, typeOf, type SchemaRow } from './schema-rows';
import { slugify, uniqueSlugs } from './slugs';

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
  path: string;
  summary: string;
  description?: string | undefined;
  tag: string;
  deprecated: boolean;
  security: string[];
  parameters: ParameterView[];
  requestBody?: { required: boolean; description?: string | undefined; bodies: BodyView[] };
  responses: ResponseView[];
  callbacks: CallbackView[];
  samples: CodeSample[];
}

export interface ApiView {
  api: string;
  title: string;
  summary?: string | undefined;
  description?: string | undefined;
  version: string;
  servers: { url: string; description?: string | undefined }[];
  security: { name: string; type: string; description?: string | undefined }[];
  groups: { tag: string; description?: string | undefined; operations: OperationView[] }[];
  webhooks: { name: string; summary?: string | undefined; description?: string | undefined }[];
  /** Whether the API also lists the events it sends behind `GET /events`, as every sandbox API does. */
  eventsListed: boolean;
  /** Every callback of every operation, with the operation that sends it, for the API's overview. */
  callbacks: { operation: OperationView; callback: CallbackView }[];
  operations: OperationView[];
  updated: Date;
}

let cache: ApiView[] | undefined;

export function referenceApis(): ApiView[] {
  cache ??= Object.keys(specs)
    .sort()
    .map((api) => apiView(api, specs[api]!));
  return cache;
}

export function apiView(api: string, document: OpenApiDocument): ApiView {
  const operations = listOperations(document);
  const slugs = uniqueSlugs(operations.map((operation) => operation.id));
  const views = operations.map((operation, index) => operationView(api, document, operation, slugs[index]!));
  const tags = document.tags ?? [];
  const groupNames = [...new Set(views.map((view) => view.tag))].sort(
    (a, b) => indexOr(tags.findIndex((t) => t.name === a)) - indexOr(tags.findIndex((t) => t.name === b)),
  );
  return {
    api,
    title: document.info.title,
    summary: document.info.summary,
    description: document.info.description,
    version: document.info.version,
    servers: document.servers ?? [],
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
    webhooks: Object.entries(document.webhooks ?? {}).map(([name, item]) => {
      const operation = deref<{ post?: { summary?: string | undefined; description?: string | undefined } }>(
        document,
        item,
      )?.post;
      return { name, summary: operation?.summary, description: operation?.description };
    }),
    eventsListed: views.some((view) => view.method === 'GET' && view.path === '/events'),
    callbacks: views.flatMap((operation) => operation.callbacks.map((callback) => ({ operation, callback }))),
    operations: views,
    updated: lastChanged(api),
  };
}

function operationView(api: string, document: OpenApiDocument, operation: Operation, slug: string): OperationView {
  const { operation: spec } = operation;
  const idPrefix = slug;
  const parameters = operation.parameters
    .filter((parameter) => !(parameter.in === 'header' && parameter.name.toLowerCase() === 'authorization'))
    .map((parameter) => ({
      name: parameter.name,
      in: parameter.in,
      required: Boolean(parameter.required || parameter.in === 'path'),
      type: typeOf(document, parameter.schema),
      description: parameter.description,
      rows: schemaRows(
        document,
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
  return {
    api,
    slug,
    id: operation.id,
    method: operation.method.toUpperCase(),
    path: operation.path,
    // Generated specs (Twilio's) often say `summary: ""`; a page and its link still need a name.
    summary: spec.summary?.trim() || `${operation.method.toUpperCase()} ${operation.path}`,
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
            bodies: bodies(document, body.content, `${idPrefix}-body`),
          },
        }
      : {}),
    responses: responseViews(document, spec.responses, idPrefix),
    callbacks: callbackViews(document, spec.callbacks, idPrefix),
    samples: example
      ? codeSamples(
          example,
          `http://localhost:4010/${api}/v1`,
          operation.path,
          operation.parameters.filter((parameter) => parameter.in === 'header').map((parameter) => parameter.name),
        )
      : [],
  };
}

function responseViews(
  document: OpenApiDocument,
  responses: Record<string, unknown> | undefined,
  idPrefix: string,
): ResponseView[] {
  return Object.entries(responses ?? {}).map(([status, raw]) => {
    const response = deref<ResponseObject>(document, raw as ResponseObject);
    return {
      status,
      description: response?.description,
      bodies: bodies(document, response?.content ?? {}, `${idPrefix}-${status}`),
      headers: Object.keys(response?.headers ?? {}),
    };
  });
}

/** Each callback of an operation, one view per runtime expression and method (a callback may have several). */
function callbackViews(
  document: OpenApiDocument,
  callbacks: Record<string, unknown> | undefined,
  idPrefix: string,
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
                  bodies: bodies(document, body.content, `${idPrefix}-${anchor}`),
                },
              }
            : {}),
          responses: responseViews(document, operation.responses, `${idPrefix}-${anchor}`),
        };
      });
    });
  });
}

function bodies(document: OpenApiDocument, content: Record<string, MediaTypeObject>, idPrefix: string): BodyView[] {
  return Object.entries(content).map(([mediaType, media], index) => {
    const value =
      media.example !== undefined || media.examples || media.schema ? exampleOf(document, media) : undefined;
    const schema = media.schema as SchemaObject | undefined;
    const binary = schema?.format === 'binary';
    return {
      mediaType,
      rows: schemaRows(document, media.schema, `${idPrefix}-${index}`),
      ...(value !== undefined && !binary
        ? { example: typeof value === 'string' ? value : JSON.stringify(value, null, 2) }
        : {}),
    };
  });
}

function safeExample(document: OpenApiDocument, operation: Operation) {
  try {
    return exampleRequest(document, operation, READER_KEY);
  } catch {
    return undefined;
  }
}

/** The date the spec last changed in git, for the page footer and structured data; today outside a checkout. */
function lastChanged(api: string): Date {
  const result = spawnSync('git', ['log', '-1', '--format=%cs', '--', `openapi/${api}.yaml`, `openapi/${api}.json`], {
    encoding: 'utf8',
  });
  const date = result.status === 0 ? result.stdout.trim() : '';
  return date ? new Date(date) : new Date(new Date().toISOString().slice(0, 10));
}

const indexOr = (index: number) => (index < 0 ? Number.MAX_SAFE_INTEGER : index);

export const sandboxServer = (api: string) => apiBasePath('/sandbox/', api);
