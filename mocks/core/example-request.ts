import { exampleOf, pickMedia } from './generic-reply.ts';
import {
  deref,
  finalPointer,
  type MediaTypeObject,
  type OpenApiDocument,
  type Operation,
  type Parameter,
  type SchemaObject,
} from './openapi.ts';
import { arrayDelimiter } from './parameter-style.ts';
import { pathKeyQuery, requestPath } from './router.ts';
import { sampleFromSchema } from './sample.ts';

/** A request ready to send, as Try it pre-fills it and the contract tests send it. */
export interface ExampleRequest {
  method: string;
  /** The path with its parameters filled in, relative to the API's base URL. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The body: text for JSON and form-encoded bodies, FormData for multipart, undefined when there is none. */
  body?: string | FormData;
  mediaType?: string;
}

/** Pagination cursors point into the reader's own data, so an example value would only produce a 400. */
const CURSORS = new Set([
  'starting_after',
  'ending_before',
  'cursor',
  'after',
  'before',
  'page_token',
  'next_page_token',
]);

/**
 * Build a valid request for an operation from the spec's own examples (or values generated from its schemas), with
 * the credentials its security requirements ask for.
 */
export function exampleRequest(
  document: OpenApiDocument,
  operation: Operation,
  sandboxKey: string,
  /** The name of one of the request body's `examples`; the first one when not given. */
  bodyExample?: string,
): ExampleRequest {
  const request: ExampleRequest = {
    method: operation.method.toUpperCase(),
    path: requestPath(operation.path),
    // A path key such as `/search?type=user` is reached with that query.
    query: pathKeyQuery(operation.path),
    headers: {},
  };
  for (const parameter of operation.parameters) {
    const explicit = authoredExample(document, parameter);
    const value = explicit ?? sampleFromSchema(document, parameter.schema, { name: parameter.name });
    if (parameter.in === 'path')
      request.path = request.path.replace(`{${parameter.name}}`, encodeURIComponent(text(value)));
    else if (
      parameter.in === 'query' &&
      (parameter.required || (explicit !== undefined && !CURSORS.has(parameter.name)))
    ) {
      addQuery(request.query, parameter, value);
    } else if (parameter.in === 'header' && parameter.required && parameter.name.toLowerCase() !== 'authorization')
      request.headers[parameter.name] = text(value);
  }
  Object.assign(request.headers, credentials(document, operation, sandboxKey, request.query));

  // fetch cannot send a body with GET or HEAD, and the sandbox ignores one declared there.
  const bodyless = request.method === 'GET' || request.method === 'HEAD';
  const bodyPointer =
    operation.operation.requestBody && !bodyless
      ? finalPointer(document, `${operation.pointer}/requestBody`)
      : undefined;
  const content = bodyPointer
    ? deref<{ content?: Record<string, MediaTypeObject> }>(document, { $ref: bodyPointer })?.content
    : undefined;
  const [mediaType, media] = pickMedia(content);
  if (mediaType && media) {
    const named = bodyExample === undefined ? undefined : media.examples?.[bodyExample];
    if (bodyExample !== undefined && !named) {
      const known = Object.keys(media.examples ?? {});
      throw new Error(
        `${operation.id} has no request example "${bodyExample}"; its examples are: ${known.join(', ') || 'none'}.`,
      );
    }
    // Without an example of the spec's own, only the required fields: a reader should not see (or send) every
    // optional field of a vendor's form set to a made-up value.
    const authored = media.example !== undefined || Object.keys(media.examples ?? {}).length > 0;
    const value = named
      ? deref<{ value?: unknown }>(document, named)?.value
      : authored
        ? exampleOf(document, media)
        : sampleFromSchema(document, media.schema, { minimal: true });
    request.mediaType = mediaType;
    if (mediaType === 'multipart/form-data') {
      // fetch sets the multipart Content-Type itself, with the boundary it chose.
      const form = new FormData();
      for (const [key, field] of Object.entries((value as Record<string, unknown>) ?? {}))
        form.append(key, text(field));
      request.body = form;
    } else {
      request.headers['content-type'] = mediaType;
      request.body = encodeBody(mediaType, value, deref<SchemaObject>(document, media.schema as SchemaObject));
    }
  }
  return request;
}

/** The parameter's own example (`example`, or the first of `examples`), if the spec gives one. */
function authoredExample(document: OpenApiDocument, parameter: Parameter): unknown {
  return (
    parameter.example ??
    Object.values(parameter.examples ?? {}).map((e) => deref<{ value?: unknown }>(document, e)?.value)[0]
  );
}

/** The value an example request sends for a parameter: the spec's example, or one generated from its schema. */
export function parameterExample(document: OpenApiDocument, parameter: Parameter): unknown {
  return authoredExample(document, parameter) ?? sampleFromSchema(document, parameter.schema, { name: parameter.name });
}

function encodeBody(mediaType: string, value: unknown, schema: SchemaObject | undefined): string {
  if (mediaType === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams();
    for (const [key, field] of Object.entries((value as Record<string, unknown>) ?? {})) appendForm(form, key, field);
    return form.toString();
  }
  if (mediaType.includes('json') || schema?.type === 'object') return JSON.stringify(value, null, 2);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A form field as Stripe-style APIs and their client libraries send it: objects as `metadata[order]=12`, arrays of
 * objects as `items[0][price]=p_1`, arrays of values as repeated keys (OpenAPI's form style, exploded).
 */
function appendForm(form: URLSearchParams, key: string, field: unknown) {
  if (Array.isArray(field)) {
    field.forEach((item, index) =>
      item && typeof item === 'object'
        ? appendForm(form, `${key}[${index}]`, item)
        : // Top-level arrays repeat the key; nested ones need brackets to stay arrays (`metadata[tags][]`).
          form.append(key.includes('[') ? `${key}[]` : key, text(item)),
    );
  } else if (field && typeof field === 'object') {
    for (const [name, inner] of Object.entries(field)) appendForm(form, `${key}[${name}]`, inner);
  } else {
    form.append(key, text(field));
  }
}

function addQuery(query: Record<string, string>, parameter: Parameter, value: unknown) {
  const { name } = parameter;
  if (parameter.style === 'deepObject' && value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) query[`${name}[${key}]`] = text(inner);
  } else {
    // One value per parameter: the items joined as the parameter's style says (`a|b` for pipes, commas otherwise).
    query[name] = Array.isArray(value) ? value.map(text).join(arrayDelimiter(parameter)) : text(value);
  }
}

/** Headers (or query values) that satisfy the first security requirement the sandbox can meet with a key alone. */
function credentials(
  document: OpenApiDocument,
  operation: Operation,
  key: string,
  query: Record<string, string>,
): Record<string, string> {
  const requirements = operation.operation.security ?? document.security ?? [];
  if (requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0)) return {};
  const schemes = document.components?.securitySchemes ?? {};
  const headers: Record<string, string> = {};
  const requirement =
    requirements.find((r) => Object.keys(r).every((name) => schemes[name]?.type !== 'oauth2')) ?? requirements[0]!;
  for (const name of Object.keys(requirement)) {
    const scheme = schemes[name];
    if (scheme?.type === 'apiKey' && scheme.name) {
      if (scheme.in === 'query') query[scheme.name] = key;
      else if (scheme.in === 'cookie') headers.cookie = `${scheme.name}=${key}`;
      else headers[scheme.name] = key;
    } else if (scheme?.type === 'http' && scheme.scheme?.toLowerCase() === 'basic') {
      headers.authorization = `Basic ${btoa(`${key}:`)}`;
    } else {
      headers.authorization = `Bearer ${key}`;
    }
  }
  return headers;
}

const text = (value: unknown) => (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value));
