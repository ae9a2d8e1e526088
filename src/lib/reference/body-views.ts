/** Request and response bodies as the reference shows them: each media type's schema rows and a printable example. */
import { exampleOf } from '../../../mocks/core/generic-reply.ts';
import {
  deref,
  type MediaTypeObject,
  type OpenApiDocument,
  type ResponseObject,
  type SchemaObject,
} from '../../../mocks/core/openapi.ts';
import { withLinks, type SchemaLinks } from './schema-pages';
import { schemaRows, type SchemaRow } from './schema-rows';

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

export function responseViews(
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

export function bodies(
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
