import {
  fragmentToken,
  deref,
  finalPointer,
  type MediaTypeObject,
  type OpenApiDocument,
  type Operation,
  type ResponseObject,
} from './openapi.ts';
import type { Reply } from './define-api.ts';
import { sampleFromSchema } from './sample.ts';
import type { SpecValidator } from './validate.ts';

/** The success response an operation documents: its status, media type and where its schema is. */
export interface SuccessResponse {
  status: number;
  mediaType: string | undefined;
  media: MediaTypeObject | undefined;
  /** The JSON pointer of the response's schema, when it has a JSON body with one. */
  schemaPointer: string | undefined;
}

/** The operation's first documented success (`200` before `201`), or the `wanted` one when it documents that. */
export function successResponse(
  document: OpenApiDocument,
  operation: Operation,
  wanted?: number,
): SuccessResponse | undefined {
  const responses = operation.operation.responses ?? {};
  const statuses = Object.keys(responses);
  if (wanted !== undefined && !statuses.includes(String(wanted))) return undefined;
  const success =
    (wanted === undefined ? undefined : String(wanted)) ??
    statuses.filter((status) => /^2\d\d$/.test(status)).sort()[0] ??
    (statuses.includes('2XX') ? '200' : statuses.includes('default') ? '200' : undefined);
  if (!success) return undefined;
  const key = success in responses ? success : statuses.includes('2XX') ? '2XX' : 'default';
  const pointer = finalPointer(document, `${operation.pointer}/responses/${key}`);
  const response = deref<ResponseObject>(document, { $ref: pointer });
  const [mediaType, media] = pickMedia(response?.content);
  const schemaPointer =
    media?.schema !== undefined && mediaType?.includes('json')
      ? `${pointer}/content/${fragmentToken(mediaType)}/schema`
      : undefined;
  return { status: Number(success), mediaType, media, schemaPointer };
}

/**
 * The answer for an operation no one wrote a handler for: the success response the spec documents, with the spec's
 * own example when it has one, or a value generated from the schema when it does not (from `seed`, the caller's
 * key's, so that one key sees the same answer every time).
 */
export function genericReply(validator: SpecValidator, operation: Operation, seed?: number): Reply {
  const document = validator.document;
  const success = successResponse(document, operation);
  if (!success) return { status: 200, body: {} };
  const { status, mediaType, media, schemaPointer } = success;
  if (!media || status === 204) return { status };
  let body = exampleOf(document, media);
  // Vendors' examples drift from their schemas; a mock must not answer with a body its own spec forbids.
  if (schemaPointer && validator.validate(schemaPointer, body).length > 0)
    body = sampleFromSchema(document, media.schema, { validator, pointer: schemaPointer, seed });
  return { status, body, headers: { 'content-type': mediaType! } };
}

/** Prefer JSON, as clients do, then whatever the spec lists first. */
export function pickMedia(
  content: Record<string, MediaTypeObject> | undefined,
): [string | undefined, MediaTypeObject | undefined] {
  const entries = Object.entries(content ?? {});
  const json = entries.find(([type]) => type === 'application/json' || type.endsWith('+json'));
  return json ?? entries[0] ?? [undefined, undefined];
}

export function exampleOf(document: OpenApiDocument, media: MediaTypeObject): unknown {
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  if (first) {
    const example = deref<{ value?: unknown }>(document, first);
    if (example?.value !== undefined) return example.value;
  }
  return sampleFromSchema(document, media.schema);
}
