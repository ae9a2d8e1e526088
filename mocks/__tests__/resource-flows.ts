/**
 * The create → read → list → update → delete journey a client makes against one generic collection, shared by the
 * tests that run it on our fixtures and on the vendor documents in ../shared/specs.
 */
import { exampleRequest, parameterExample } from '../core/example-request.ts';
import type { OpenApiDocument, Operation } from '../core/openapi.ts';
import type { Collection, ResourceRole } from '../core/rest-shape.ts';
import { normaliseName } from '../core/resource-schema.ts';
import { requestPath } from '../core/router.ts';
import type { Sandbox } from '../core/sandbox.ts';

export interface CollectionOperations {
  collection: Collection;
  create?: Operation;
  list?: Operation;
  read?: Operation;
  update?: Operation;
  delete?: Operation;
}

/** The collections a sandbox inferred for an API, each with its operations. */
export function collectionsOf(sandbox: Sandbox, api: string): CollectionOperations[] {
  const { router, resources } = sandbox.engine(api);
  const found = new Map<Collection, CollectionOperations>();
  for (const operation of router.operations) {
    const role: ResourceRole | undefined = resources.get(operation.id);
    if (!role) continue;
    const entry = found.get(role.collection) ?? { collection: role.collection };
    const slot = role.action === 'replace' ? 'update' : role.action;
    entry[slot] ??= operation;
    found.set(role.collection, entry);
  }
  return [...found.values()];
}

export interface Sent {
  status: number;
  body: unknown;
  text: string;
  contentType: string | null;
  request: ReturnType<typeof exampleRequest>;
}

/**
 * Send an operation's example request, to `path` instead of the example's own path when given, with `withQuery`'s
 * changes to its query.
 */
export async function sendExample(
  sandbox: Sandbox,
  document: OpenApiDocument,
  base: string,
  operation: Operation,
  key: string,
  path?: string,
  withQuery: (query: Record<string, string>) => Record<string, string> = (query) => query,
): Promise<Sent> {
  const request = exampleRequest(document, operation, key);
  const query = new URLSearchParams(withQuery(request.query)).toString();
  const response = (await sandbox.handle(
    new Request(`${base}${path ?? request.path}${query ? `?${query}` : ''}`, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
    }),
  ))!;
  const text = await response.text();
  const contentType = response.headers.get('content-type');
  let body: unknown = text;
  if (contentType?.includes('json') && text) body = JSON.parse(text);
  return { status: response.status, body, text, contentType, request };
}

/** The path of an item operation for the item with `id`, the parent parameters taken from the examples. */
export function itemPath(document: OpenApiDocument, operation: Operation, collection: Collection, id: unknown): string {
  let path = requestPath(operation.path);
  for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'path')) {
    const value = parameter.name === collection.itemParam ? id : parameterExample(document, parameter);
    path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
  }
  return path;
}

/** The created resource's id, in the answer itself or in the envelope around it (`{ customer: { id } }`). */
export function idIn(body: unknown, idField: string): unknown {
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  if (idField in record) return record[idField];
  for (const value of Object.values(record)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && idField in value)
      return (value as Record<string, unknown>)[idField];
  }
  return undefined;
}

/** The resource inside an answer: the answer, or the envelope's member that carries the id. */
export function resourceIn(body: unknown, idField: string): Record<string, unknown> | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  if (idField in record) return record;
  for (const value of Object.values(record)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && idField in value)
      return value as Record<string, unknown>;
  }
  return undefined;
}

/**
 * The fields of a request body that a read answer should show again: those whose name the resource has (compared
 * without case or `_`), with plain values.
 */
export function sentFields(request: Sent['request']): Record<string, unknown> {
  const body = request.body;
  if (typeof body !== 'string' || body === '') return {};
  if (request.mediaType === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(body);
    // A repeated key is an array (`OptInImageUrls=a&OptInImageUrls=b`).
    return Object.fromEntries(
      [...new Set(form.keys())].map((name) => {
        const values = form.getAll(name);
        return [name, values.length > 1 ? values : values[0]];
      }),
    );
  }
  if (!request.mediaType?.includes('json')) return {};
  const parsed = JSON.parse(body) as unknown;
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

/** Sent fields the resource does not show as sent: `[name, sent, shown]` for each. */
export function unreadFields(
  sent: Record<string, unknown>,
  resource: Record<string, unknown>,
): [string, unknown, unknown][] {
  const byName = new Map(Object.keys(resource).map((name) => [normaliseName(name), name]));
  const missing: [string, unknown, unknown][] = [];
  for (const [name, value] of Object.entries(sent)) {
    const field = byName.get(normaliseName(name));
    if (!field) continue;
    const shown = resource[field];
    // Form bodies carry text; a number or a boolean reads back in its own type.
    const same =
      JSON.stringify(shown) === JSON.stringify(value) ||
      String(shown) === String(value) ||
      (Array.isArray(shown) && shown.length === 1 && String(shown[0]) === String(value));
    if (!same) missing.push([name, value, shown]);
  }
  return missing;
}

/**
 * A list's example query, its filters (parameters named like a field of the resource: Square's `location_id`) set to
 * the values `resource` has, so that the list should show it.
 */
export function matchingQuery(resource: Record<string, unknown>) {
  const byName = new Map(Object.keys(resource).map((name) => [normaliseName(name), name]));
  return (query: Record<string, string>): Record<string, string> => {
    const matched = { ...query };
    for (const name of Object.keys(query)) {
      const field = byName.get(normaliseName(name));
      if (field === undefined) continue;
      const value = resource[field];
      if (value === null || typeof value !== 'object') matched[name] = String(value);
      else if (Array.isArray(value) && value.length > 0) matched[name] = String(value[0]);
    }
    return matched;
  };
}
