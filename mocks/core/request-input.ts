import {
  fragmentToken,
  deref,
  finalPointer,
  type OpenApiDocument,
  type Operation,
  type Parameter,
  type SchemaObject,
} from './openapi.ts';
import { ProblemError } from './problem.ts';
import { arrayDelimiter, isExploded, type Serialisation } from './parameter-style.ts';
import { pathKeyQuery } from './router.ts';
import type { FieldError, SpecValidator } from './validate.ts';

/** A request as the handlers see it: typed values, validated against the operation's spec. */
export interface RequestInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  /** Parsed JSON, form fields as an object, or raw bytes for binary media types; undefined when there is no body. */
  body: unknown;
  /** The request's media type, without parameters (`application/json`). */
  mediaType: string | undefined;
  /** The Content-Type header as sent, parameters included (`text/plain; charset=utf-8`). */
  contentType?: string;
  /** The raw body text, used to compare idempotent retries. */
  rawBody: string;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Read and validate a request against its operation. Malformed input (a bad parameter, unparseable JSON) is a 400;
 * a well-formed body that breaks the schema is a 422; a wrong media type 415; an oversized body 413. Every field at
 * fault is listed, each with its JSON pointer.
 */
export async function readRequest(
  request: Request,
  operation: Operation,
  pathParams: Record<string, string>,
  validator: SpecValidator,
): Promise<RequestInput> {
  const document = validator.document;
  const url = new URL(request.url);
  const input: RequestInput = { path: {}, query: {}, headers: {}, body: undefined, mediaType: undefined, rawBody: '' };
  const paramErrors: FieldError[] = [];

  for (const parameter of operation.parameters) {
    const raw = rawParameter(parameter, url, request.headers, pathParams);
    const where = parameter.in as 'path' | 'query' | 'header';
    const target = where === 'header' ? 'headers' : where;
    if (raw === undefined) {
      if (parameter.required || parameter.in === 'path')
        paramErrors.push({ pointer: `/${where}/${parameter.name}`, detail: 'is required' });
      continue;
    }
    const schema = deref<SchemaObject>(document, parameter.schema as SchemaObject) ?? {};
    const separator = arrayDelimiter(parameter);
    // Repeated keys of a parameter that is not exploded (`ids=a,b&ids=c`) each hold a delimited list.
    const items = Array.isArray(raw) && !isExploded(parameter) ? raw.flatMap((item) => item.split(separator)) : raw;
    const value = coerce(items, schema, document, separator);
    if (parameter.in === 'cookie') continue;
    input[target][parameter.name] = value;
    if (parameter.schema !== undefined) {
      paramErrors.push(...validator.validate(parameter.schemaPointer, value, `/${where}/${parameter.name}`));
    }
  }
  if (paramErrors.length > 0)
    throw new ProblemError(400, 'Some parameters are missing or not valid.', { errors: paramErrors });

  await readBody(request, operation, validator, input);
  return input;
}

/**
 * Of several operations on one path and method (`/engage#import` and `/engage#delete` both answer `POST /engage`),
 * the first whose parameters and body the request meets, or the first when it meets none. A key that fixes a query
 * (`/search?type=user`) is only chosen for requests with that query.
 */
export async function pickOperation(
  request: Request,
  candidates: Operation[],
  pathParams: Record<string, string>,
  validator: SpecValidator,
): Promise<Operation> {
  if (candidates.length > 1) {
    const query = new URL(request.url).searchParams;
    const fitting = candidates.filter((candidate) =>
      Object.entries(pathKeyQuery(candidate.path)).every(([name, value]) => query.get(name) === value),
    );
    for (const candidate of fitting) {
      try {
        await readRequest(request.clone(), candidate, pathParams, validator);
        return candidate;
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
      }
    }
  }
  return candidates[0]!;
}

async function readBody(request: Request, operation: Operation, validator: SpecValidator, input: RequestInput) {
  const document = validator.document;
  const bodyPointer = operation.operation.requestBody
    ? finalPointer(document, `${operation.pointer}/requestBody`)
    : undefined;
  const requestBody = bodyPointer
    ? deref<NonNullable<Operation['operation']['requestBody']>>(document, { $ref: bodyPointer })
    : undefined;
  const bytes = new Uint8Array(await request.arrayBuffer());
  const maxBytes = document['x-sandbox']?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (bytes.byteLength > maxBytes)
    throw new ProblemError(413, `The body is ${bytes.byteLength} bytes; the limit is ${maxBytes}.`);
  // A body declared on a GET or HEAD (Swagger 2.0 documents have them) cannot be sent by fetch; it is ignored.
  if (!requestBody?.content || request.method === 'GET' || request.method === 'HEAD') return;

  const declared = Object.keys(requestBody.content);
  const contentType = request.headers.get('content-type') ?? '';
  // Without a Content-Type, an operation that takes any bytes (`*/*`, octet-stream) reads them as octet-stream.
  const acceptsBytes = declared.some((type) => type === '*/*' || type === 'application/octet-stream');
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase() || (acceptsBytes ? 'application/octet-stream' : '');
  const match = matchMediaType(mediaType, declared);
  const schema = match ? (deref<SchemaObject>(document, requestBody.content[match]?.schema as SchemaObject) ?? {}) : {};
  // A binary schema means "store what was sent": no parsing, and an empty file is still a file (as is empty text).
  const binary = schema.format === 'binary' || 'contentMediaType' in schema || schema.contentEncoding !== undefined;

  if (bytes.byteLength === 0 && !binary && schema.type !== 'string') {
    if (requestBody.required)
      throw new ProblemError(400, 'This operation needs a request body.', {
        errors: [{ pointer: '/body', detail: 'is required' }],
      });
    return;
  }
  if (!match) {
    throw new ProblemError(
      415,
      `Send the body as ${declared.join(' or ')}${mediaType ? `, not ${mediaType}` : ' and set Content-Type'}.`,
      { headers: { 'accept-post': declared.join(', ') } },
    );
  }
  input.mediaType = mediaType;
  input.contentType = contentType || mediaType;
  const text = new TextDecoder().decode(bytes);
  input.rawBody = text;
  const schemaPointer = `${bodyPointer}/content/${fragmentToken(match)}/schema`;

  if (binary) {
    input.body = bytes;
    return;
  }
  if (isJson(mediaType)) {
    try {
      input.body = JSON.parse(text);
    } catch (error) {
      throw new ProblemError(400, 'The body is not valid JSON.', {
        errors: [{ pointer: '/body', detail: `is not valid JSON (${(error as Error).message})` }],
      });
    }
  } else if (mediaType === 'application/x-www-form-urlencoded') {
    const encoding = (requestBody.content[match] as { encoding?: Record<string, Serialisation> }).encoding;
    input.body = formToObject(new URLSearchParams(text), schema, document, encoding);
  } else if (mediaType === 'multipart/form-data') {
    let form: FormData;
    try {
      form = await new Request('http://sandbox.local/', {
        method: 'POST',
        headers: request.headers,
        body: bytes,
      }).formData();
    } catch {
      throw new ProblemError(400, 'The body is not valid multipart/form-data (check the boundary in Content-Type).', {
        errors: [{ pointer: '/body', detail: 'is not valid multipart/form-data' }],
      });
    }
    const encoding = (requestBody.content[match] as { encoding?: Record<string, { contentType?: string }> }).encoding;
    input.body = formToObject(form, schema, document, encoding);
  } else {
    input.body = bytes;
    return;
  }
  if (requestBody.content[match]?.schema === undefined) return;
  const errors = validator.validate(schemaPointer, input.body, '/body');
  if (errors.length > 0) throw new ProblemError(422, 'The request body does not match the schema.', { errors });
}

function rawParameter(parameter: Parameter, url: URL, headers: Headers, pathParams: Record<string, string>) {
  switch (parameter.in) {
    case 'path':
      return pathParams[parameter.name];
    case 'header':
      return headers.get(parameter.name) ?? undefined;
    case 'cookie':
      return undefined;
    case 'query': {
      if (parameter.style === 'deepObject') {
        const object: Record<string, string> = {};
        for (const [key, value] of url.searchParams) {
          const inner = new RegExp(`^${escapeRegExp(parameter.name)}\\[([^\\]]+)\\]$`).exec(key)?.[1];
          if (inner) object[inner] = value;
        }
        return Object.keys(object).length > 0 ? object : undefined;
      }
      // `expand[]=a&expand[]=b`, as PHP-style and Stripe clients send arrays, is the same array as `expand=a&expand=b`.
      const values = [...url.searchParams.getAll(parameter.name), ...url.searchParams.getAll(`${parameter.name}[]`)];
      if (values.length === 0) return undefined;
      if (values.length === 1 && url.searchParams.has(`${parameter.name}[]`)) return values;
      return values.length === 1 ? values[0] : values;
    }
  }
}

/** Turn text from a URL, header or form into the type its schema asks for; leave it alone when it cannot be. */
function coerce(raw: unknown, schema: SchemaObject, document: OpenApiDocument, separator = ','): unknown {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const out: Record<string, unknown> = {};
    const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
    for (const [key, value] of Object.entries(raw)) {
      const property = deref<SchemaObject>(document, (schema.properties?.[key] ?? extra) as SchemaObject) ?? {};
      out[key] = coerce(value, property, document);
    }
    return out;
  }
  if (types.includes('array')) {
    const items = deref<SchemaObject>(document, schema.items as SchemaObject) ?? {};
    // A form key indexed past a gap (`items[2]` alone) leaves holes; they are not items.
    const list = Array.isArray(raw) ? raw.filter((item) => item !== undefined) : String(raw).split(separator);
    return list.map((item) => coerce(item, items, document));
  }
  if (Array.isArray(raw)) return raw;
  const text = String(raw);
  if ((types.includes('integer') || types.includes('number')) && text.trim() !== '' && !Number.isNaN(Number(text)))
    return Number(text);
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  if (types.includes('null') && text === 'null') return null;
  return text;
}

function formToObject(
  form: URLSearchParams | FormData,
  schema: SchemaObject,
  document: OpenApiDocument,
  /** The media type's `encoding`: a part's content type, and a field's `style` and `explode`. */
  encoding?: Record<string, Serialisation & { contentType?: string }>,
) {
  const object: Record<string, unknown> = {};
  const multipart = form instanceof FormData;
  for (const [rawKey, value] of form as Iterable<[string, FormDataEntryValue]>) {
    // Nested keys as Stripe-style clients send them (`metadata[order]`, `items[0][price]`, `expand[]`), unless the
    // schema names a property with the brackets in it.
    const path = schema.properties?.[rawKey] !== undefined ? [rawKey] : splitFormKey(rawKey);
    const key = path[0]!;
    const property = deref<SchemaObject>(document, schema.properties?.[key] as SchemaObject) ?? {};
    if (path.length > 1) {
      if (typeof value === 'string') setNested(object, path, value);
      continue;
    }
    // A multipart part holding an object or array is JSON (OpenAPI's default for such parts, or its `encoding`).
    const json = multipart && typeof value === 'string' && isJsonPart(property, encoding?.[key]?.contentType);
    // Files are checked by name and size only; their bytes never need schema validation.
    const isArray = property.type === 'array' || (Array.isArray(property.type) && property.type.includes('array'));
    const rule = encoding?.[key];
    // Form fields explode by default (`tags=a&tags=b`); `explode: false` sends `tags=a,b` (pipes, spaces by style).
    const exploded =
      isArray && typeof value === 'string' && !json && isExploded(rule ?? {}) && !rule?.style?.endsWith('Delimited');
    const items = deref<SchemaObject>(document, property.items as SchemaObject) ?? {};
    const entry =
      typeof value !== 'string'
        ? value.name || 'file'
        : json
          ? parseJson(value)
          : exploded
            ? coerce(value, items, document)
            : coerce(value, property, document, arrayDelimiter(rule));
    if (isArray) object[key] = [...((object[key] as unknown[]) ?? []), ...(Array.isArray(entry) ? entry : [entry])];
    else object[key] = entry;
  }
  // Nested values arrive as text; give each the type its schema asks for.
  for (const [key, value] of Object.entries(object)) {
    if (value === null || typeof value !== 'object') continue;
    const property = deref<SchemaObject>(document, schema.properties?.[key] as SchemaObject) ?? {};
    object[key] = coerce(value, property, document);
  }
  return object;
}

/** `items[0][price]` → `['items', '0', 'price']`; `expand[]` → `['expand', '']`; a plain key is one segment. */
export function splitFormKey(key: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])+)$/.exec(key);
  if (!match) return [key];
  return [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1]!)];
}

/** Put `value` at `path` inside `target`: `''` appends to an array, digits index one, other names key an object. */
function setNested(target: Record<string, unknown>, path: string[], value: string) {
  let node: Record<string, unknown> | unknown[] = target;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    const nextIsIndex = !last && /^\d*$/.test(path[i + 1]!);
    if (Array.isArray(node)) {
      const index = segment === '' ? node.length : Number(segment);
      if (last) node[index] = value;
      else node = (node[index] ??= nextIsIndex ? [] : {}) as Record<string, unknown> | unknown[];
    } else {
      if (last) {
        node[segment] = value;
      } else {
        const existing = node[segment];
        node = (existing && typeof existing === 'object' ? existing : (node[segment] = nextIsIndex ? [] : {})) as
          Record<string, unknown> | unknown[];
      }
    }
  }
}

function isJsonPart(property: SchemaObject, contentType: string | undefined): boolean {
  if (contentType) return isJson(contentType.split(';')[0]!.trim().toLowerCase());
  const types = Array.isArray(property.type) ? property.type : property.type ? [property.type] : [];
  return types.includes('object') || property.properties !== undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function isJson(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** The declared media type a request's Content-Type matches: exact, then `type/*`, then `*\/*`. */
export function matchMediaType(mediaType: string, declared: string[]): string | undefined {
  const lower = declared.map((type) => type.toLowerCase());
  const exact = lower.indexOf(mediaType);
  if (exact >= 0) return declared[exact];
  if (!mediaType) return undefined;
  const wildcard = lower.indexOf(`${mediaType.split('/')[0]}/*`);
  if (wildcard >= 0) return declared[wildcard];
  const any = lower.indexOf('*/*');
  return any >= 0 ? declared[any] : undefined;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
