/**
 * The few OpenAPI 3.1 shapes the sandbox reads, and helpers to walk them. Specs reach the sandbox already upgraded to
 * 3.1 (see scripts/generate-sandbox.ts) but not dereferenced: `$ref`s are resolved on demand, which keeps circular
 * schemas finite.
 */

export type Schema = boolean | SchemaObject;
export interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema;
  required?: string[];
  items?: Schema;
  prefixItems?: Schema[];
  enum?: unknown[];
  const?: unknown;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  [keyword: string]: unknown;
}

export interface ParameterObject {
  $ref?: string;
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
  style?: string;
  explode?: boolean;
  /** Swagger 2.0's `tsv`, which no OpenAPI 3 style can say: kept by `mocks/load-spec.ts` when it upgrades. */
  'x-collectionFormat'?: string;
  example?: unknown;
  examples?: Record<string, { value?: unknown; $ref?: string }>;
  description?: string;
}

export interface MediaTypeObject {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { value?: unknown; $ref?: string; summary?: string }>;
}

export interface ResponseObject {
  $ref?: string;
  description?: string;
  headers?: Record<string, { $ref?: string; schema?: Schema; required?: boolean }>;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: ParameterObject[];
  requestBody?: { $ref?: string; required?: boolean; content?: Record<string, MediaTypeObject> };
  responses?: Record<string, ResponseObject>;
  security?: Record<string, string[]>[];
  deprecated?: boolean;
  /** Requests the API sends back to the caller, by name, then by runtime expression (a path item each). */
  callbacks?: Record<string, unknown>;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItemObject = { parameters?: ParameterObject[]; $ref?: string } & Partial<
  Record<HttpMethod, OperationObject>
>;

export interface SecuritySchemeObject {
  type: 'http' | 'apiKey' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  scheme?: string;
  name?: string;
  in?: 'header' | 'query' | 'cookie';
  description?: string;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string; summary?: string };
  servers?: { url: string; description?: string }[];
  paths?: Record<string, PathItemObject>;
  webhooks?: Record<string, PathItemObject>;
  components?: {
    schemas?: Record<string, Schema>;
    parameters?: Record<string, ParameterObject>;
    responses?: Record<string, ResponseObject>;
    securitySchemes?: Record<string, SecuritySchemeObject>;
    [section: string]: unknown;
  };
  security?: Record<string, string[]>[];
  tags?: { name: string; description?: string }[];
  'x-sandbox'?: { rateLimit?: { limit: number; windowSeconds: number }; maxBodyBytes?: number };
}

/** A parameter together with the JSON pointer of its schema, so `$ref`s inside it resolve from the root. */
export type Parameter = ParameterObject & { schemaPointer: string };

/** One operation with everything the sandbox needs, parameters merged from the path item. */
export interface Operation {
  /** The spec's operationId, or a stable one made from method and path when the spec has none. */
  id: string;
  method: HttpMethod;
  path: string;
  operation: OperationObject;
  parameters: Parameter[];
  /** JSON pointer of the operation inside the document, for validators that resolve `$ref`s from the root. */
  pointer: string;
}

/**
 * One key as a token of a plain JSON pointer (RFC 6901), such as the field a 400 names (`/body/a~1b`). A `#/…`
 * pointer is a URI fragment, which resolvePointer percent-decodes: build its tokens with fragmentToken.
 */
export const escapePointer = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
/** The inverse of escapePointer: one JSON pointer token (RFC 6901) back to the key it names. */
export const unescapePointer = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * One key as a token of a `#/…` pointer (a URI fragment, RFC 6901 §6): escaped, then `%`, `#`, `?`, whitespace and
 * `"` percent-encoded (`/files/100%` → `~1files~1100%25`), so that resolvePointer's decoding gives the key back. The
 * rest stays as written, so an ordinary key's pointer (`#/paths/~1customers~1{id}`) reads as it always has.
 */
export const fragmentToken = (key: string) =>
  escapePointer(key).replace(/[%#?\s"]/g, (character) => encodeURIComponent(character));
/**
 * The inverse of fragmentToken, and how a `$ref`'s tokens are read: percent-decoded, then unescaped. A `%` that starts
 * no well-formed escape (`100%`, `%zz`, a cut UTF-8 sequence) stays as written: vendors write such `$ref`s by hand,
 * and the key they mean holds that `%`.
 */
export const fragmentKey = (token: string) => unescapePointer(percentDecoded(token));

/** One character's escapes: an ASCII byte, or a lead byte and its continuation bytes (UTF-8, RFC 3629). */
const ESCAPED_CHARACTER =
  /%[0-7][0-9a-f]|%[c-d][0-9a-f]%[89ab][0-9a-f]|%e[0-9a-f](?:%[89ab][0-9a-f]){2}|%f[0-7](?:%[89ab][0-9a-f]){3}/gi;

/** Decodes each well-formed escape (`caf%C3%A9%C3` → `café%C3`) and keeps anything else as written. */
export const percentDecoded = (text: string) =>
  text.includes('%')
    ? text.replace(ESCAPED_CHARACTER, (escape) => {
        try {
          return decodeURIComponent(escape);
        } catch {
          // An overlong form or a surrogate (`%C0%AF`, `%ED%A0%80`) is no character: it stays as written.
          return escape;
        }
      })
    : text;

/**
 * A local `$ref` written as fragmentToken writes pointers (`#/components/schemas/Discount%2010%` becomes
 * `…/Discount%2010%25`): tools that decode pointers strictly, such as Scalar and openapi-typescript, can then read the
 * ones vendors write by hand. Any other `$ref` is returned as it is.
 */
export const canonicalRef = (ref: string) =>
  ref.startsWith('#')
    ? `#${ref
        .slice(1)
        .split('/')
        .map((token) => token && fragmentToken(fragmentKey(token)))
        .join('/')}`
    : ref;

/** Look up a local `$ref` (`#/components/schemas/Customer`), or a pointer built with fragmentToken, in the document. */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) throw new Error(`Only local $refs are supported, not ${ref}`);
  let node: unknown = document;
  for (const token of ref.slice(1).split('/').filter(Boolean)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[fragmentKey(token)];
  }
  return node;
}

/**
 * What a `$ref` points to when that is an object or a boolean, taken to be a schema (nothing checks that it is one);
 * undefined for anything else: a local `$ref` to nothing or to another kind of value, a `$ref` to another file or a
 * URL. Unlike resolvePointer it never throws, because vendors' documents carry `$ref`s to schemas
 * they never published: the sampler, the validator and the schema merger read undefined as "any value", and spec
 * loading warns about them.
 */
export function schemaAt(document: unknown, ref: string): Schema | undefined {
  if (!ref.startsWith('#')) return undefined;
  const target = resolvePointer(document, ref);
  return typeof target === 'boolean' || (target !== null && typeof target === 'object')
    ? (target as Schema)
    : undefined;
}

/** Follow `$ref`s until a concrete object (bounded, so a self-referencing alias cannot loop). */
export function deref<T>(document: OpenApiDocument, value: T | { $ref?: string } | undefined): T | undefined {
  let current: unknown = value;
  for (let hops = 0; hops < 32 && current && typeof current === 'object' && '$ref' in current; hops++) {
    const ref = (current as { $ref?: string }).$ref;
    if (typeof ref !== 'string') break;
    current = resolvePointer(document, ref);
  }
  return current as T | undefined;
}

/** A readable id for an operation without an operationId: `get /users/{id}` becomes `get-users-id`. */
export function fallbackOperationId(method: string, path: string): string {
  const words = path
    .replace(/[{}]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [method.toLowerCase(), ...words].join('-').toLowerCase();
}

/** Every operation of the document, with path-level parameters merged in and ids made unique. */
export function listOperations(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  const seen = new Map<string, number>();
  for (const [path, rawItem] of Object.entries(document.paths ?? {})) {
    const item = deref<PathItemObject>(document, rawItem) ?? {};
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const pointer = `#/paths/${fragmentToken(path)}/${method}`;
      const merged = new Map<string, Parameter>();
      const sources = [
        ...(item.parameters ?? []).map((_, i) => `#/paths/${fragmentToken(path)}/parameters/${i}`),
        ...(operation.parameters ?? []).map((_, i) => `${pointer}/parameters/${i}`),
      ];
      for (const at of sources) {
        const target = finalPointer(document, at);
        const parameter = resolvePointer(document, target) as ParameterObject | undefined;
        if (parameter?.name)
          merged.set(`${parameter.in}:${parameter.name}`, { ...parameter, schemaPointer: `${target}/schema` });
      }
      const base = operation.operationId ?? fallbackOperationId(method, path);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      operations.push({
        id: count === 0 ? base : `${base}-${count + 1}`,
        method,
        path,
        operation,
        parameters: [...merged.values()],
        pointer,
      });
    }
  }
  return operations;
}

/** Follow the `$ref` chain that starts at `pointer` and return the pointer of the object it ends at. */
export function finalPointer(document: OpenApiDocument, pointer: string): string {
  let current = pointer;
  for (let hops = 0; hops < 32; hops++) {
    const node = resolvePointer(document, current);
    if (!node || typeof node !== 'object' || typeof (node as { $ref?: unknown }).$ref !== 'string') return current;
    current = (node as { $ref: string }).$ref;
  }
  return current;
}

/**
 * The response an operation documents for a status: exact (`404`), as a range (`4XX`), or `default`; with the JSON
 * pointer it finally lives at (after `$ref`s), for validating against its schemas.
 */
export function documentedResponse(
  document: OpenApiDocument,
  operation: Operation,
  status: number,
): { key: string; pointer: string; response: ResponseObject | undefined } | undefined {
  const responses = operation.operation.responses ?? {};
  const code = String(status);
  const key = [code, `${code[0]}XX`, 'default'].find((candidate) => candidate in responses);
  if (!key) return undefined;
  const pointer = finalPointer(document, `${operation.pointer}/responses/${key}`);
  return { key, pointer, response: deref<ResponseObject>(document, { $ref: pointer }) };
}
