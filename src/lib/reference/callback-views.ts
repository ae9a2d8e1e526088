/** The requests an API sends on its own: an operation's callbacks, and the webhooks an API lists, each with a page. */
import {
  deref,
  HTTP_METHODS,
  type MediaTypeObject,
  type OpenApiDocument,
  type OperationObject,
} from '../../../mocks/core/openapi.ts';
import { bodies, responseViews, type BodyView, type ResponseView } from './body-views';
import { metaTitle, plainText } from './meta';
import type { SchemaLinks } from './schema-pages';
import { linkedSchemas } from './schema-rows';
import { slugify, uniqueSlugs } from './slugs';

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

/** Every webhook, one page each; a webhook with several methods (rare) shows the first. */
export function webhookViews(document: OpenApiDocument, links: SchemaLinks): WebhookView[] {
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
export function callbackViews(
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
