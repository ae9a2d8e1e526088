import { successResponse } from './generic-reply.ts';
import {
  escapePointer,
  deref,
  finalPointer,
  resolvePointer,
  type OpenApiDocument,
  type Operation,
  type SchemaObject,
} from './openapi.ts';
import { requestPath } from './router.ts';

/**
 * Which operations of a spec act on a collection of resources, read from the REST shape alone: `POST /things`
 * creates, `GET /things` lists, `GET|PUT|PATCH|DELETE /things/{id}` read, replace, update and delete, and nested
 * collections (`/users/{id}/things`) are kept per parent. The generic mocks use this to keep what clients create;
 * a spec author corrects a wrong guess with `x-sandbox` on the operation (see openapi/README.md).
 */

export type ResourceAction = 'create' | 'list' | 'read' | 'update' | 'replace' | 'delete';

export interface Collection {
  /** The collection's path template (`/users/{user_id}/things`); a key per parent comes from filling it in. */
  path: string;
  /** The item path's last parameter (`{thing_id}` → `thing_id`), when the spec has item operations. */
  itemParam: string | undefined;
  /** The resource's id property (`id`, Twilio's `sid`, the item parameter's own name). */
  idField: string;
  /** A singular name for events (`thing.created`). */
  name: string;
  /** Where the resource's schema is in the document (an item read's answer, unwrapped from its envelope). */
  schemaPointer: string | undefined;
  /** The schema of the id: the resource's id property, or else the item path parameter. */
  idPointer: string | undefined;
  /** How lists are paged, from the list operation's query parameters. */
  pagination: Pagination;
  /**
   * Operations whose example requests name one item of this collection: its own item operation, and those of the
   * collections nested in it (`/users/{user_id}/things`). A fresh sandbox starts with the items they name, so that
   * the documented requests work.
   */
  examples: ItemReference[];
  /** The collection this one is nested in, when that is one a client can add to (`POST /users`, a PUT that creates). */
  parent: ParentLink | undefined;
}

/** Where an operation's path names an item of a collection: its id, and the collection's own path parameters. */
export interface ItemReference {
  operation: Operation;
  /** The operation's path parameter holding the item's id. */
  idParam: string;
  /** The operation's name for each of the collection's path parameters, by the collection's name for it. */
  params: Record<string, string>;
}

/** A nested collection's parent: `/users` for `/users/{user_id}/things`. */
export interface ParentLink {
  collection: Collection;
  /** This collection's path parameter that holds the parent's id (`user_id`). */
  idParam: string;
  /** This collection's name for each of the parent's own path parameters, by the parent's name for it. */
  params: Record<string, string>;
}

export interface Pagination {
  /** The page-size parameter (`limit`, `per_page`, `PageSize`) and its default. */
  limit?: { name: string; fallback: number };
  /** A cursor naming the last item seen (`starting_after`, `after`) or the first one (`ending_before`, `before`). */
  after?: string;
  before?: string;
  /** An opaque token the previous page returned (`cursor`, `page_token`, `PageToken`). */
  token?: string;
  offset?: string;
  page?: { name: string; first: number };
}

export interface ResourceRole {
  action: ResourceAction;
  collection: Collection;
  /**
   * For a replace: whether a PUT to an id that is not there creates the item with that id (answering 201 when the
   * operation documents 201). By default it does when the collection has no create of its own, or when the PUT
   * documents a 201; `x-sandbox: { upsert: … }` on the operation says otherwise.
   */
  upsert?: boolean;
}

/** What a spec author may write on an operation to correct the inference. */
export interface OperationSandboxExtension {
  /** What the operation does to its collection, or `none` for "answer it like any other operation". */
  action?: ResourceAction | 'none';
  /** The collection's path template, when it is not the operation's own path (or its parent for items). */
  collection?: string;
  idField?: string;
  pagination?: Pagination | 'none';
  /** For a PUT: whether it creates an item that is not there (see `ResourceRole.upsert`). */
  upsert?: boolean;
  /**
   * For a list: the query parameters that filter it, or `none`. By default every declared query parameter named like
   * a top-level field of the resource (`?status=active`) filters it, paging and sorting parameters aside.
   */
  filters?: string[] | 'none';
}

const STRICT_ID_NAMES = ['id', 'sid', 'uuid'];
const ID_NAMES = [...STRICT_ID_NAMES, 'key', 'name', 'slug', 'code'];
const LIMIT_NAMES = [
  'limit',
  'per_page',
  'perpage',
  'page_size',
  'pagesize',
  'count',
  'max_results',
  'maxresults',
  'size',
  'top',
];
const AFTER_NAMES = ['starting_after', 'after', 'since_id', 'after_id'];
const BEFORE_NAMES = ['ending_before', 'before', 'before_id'];
const TOKEN_NAMES = [
  'cursor',
  'page_token',
  'pagetoken',
  'next_token',
  'continuation_token',
  'continuationtoken',
  'skiptoken',
  'token',
];
const OFFSET_NAMES = ['offset', 'skip', 'start'];
const PAGE_NAMES = ['page', 'page_number', 'pagenumber'];

/** Names compared without case, `_` or `-`: Twilio sends `FriendlyName` for the field it returns as `friendly_name`. */
export const normaliseName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Every operation's role in a collection, by operation id; operations that fit no collection are absent. */
export function inferResources(document: OpenApiDocument, operations: Operation[]): Map<string, ResourceRole> {
  const roles = new Map<string, ResourceRole>();
  if ((document['x-sandbox'] as { resources?: boolean } | undefined)?.resources === false) return roles;
  const extension = (operation: Operation) =>
    (operation.operation as { 'x-sandbox'?: OperationSandboxExtension })['x-sandbox'] ?? {};

  // Group operations by the collection they act on.
  const groups = new Map<string, { action: ResourceAction; operation: Operation }[]>();
  for (const operation of operations) {
    const own = extension(operation);
    if (own.action === 'none') continue;
    const guess = guessRole(operation);
    const action = own.action ?? guess?.action;
    const collection = own.collection ?? guess?.collection ?? (action ? collectionOf(operation, action) : undefined);
    if (!action || !collection) continue;
    groups.set(collection, [...(groups.get(collection) ?? []), { action, operation }]);
  }

  const built: { collection: Collection; operations: Operation[]; creatable: boolean }[] = [];
  for (const [path, all] of groups) {
    // A GET on a collection path that answers no array is a singleton (`/domains/{id}/config`), not a list.
    const members = all.filter(
      (member) =>
        member.action !== 'list' ||
        extension(member.operation).action === 'list' ||
        listItemSchema(document, member.operation) !== undefined,
    );
    const find = (action: ResourceAction) => members.find((member) => member.action === action)?.operation;
    const explicit = members.some((member) => extension(member.operation).action !== undefined);
    const create = find('create');
    // A create alone is an action (`POST /chat.postMessage`); a collection is one when what it creates can be seen.
    // Without a create, a PUT to an item may make it (`PUT /guilds/{id}/bans/{user_id}`, then read or list them).
    const creator = create ?? find('replace');
    if (!explicit && (!creator || members.length < 2)) continue;
    const item = members.find(
      (member) => member.action !== 'create' && member.action !== 'list' && lastParam(member.operation.path),
    );
    const itemParam = item ? lastParam(requestPath(item.operation.path)) : undefined;
    const reader = find('read') ?? create ?? find('update') ?? find('replace');
    const schemaPointer = reader ? resourceSchema(document, reader, itemParam) : listItemSchema(document, find('list'));
    const overrides = members.map((member) => extension(member.operation));
    const idField =
      overrides.find((own) => own.idField)?.idField ?? pickIdField(document, schemaPointer, itemParam) ?? 'id';
    const list = find('list');
    const idPointer =
      (schemaPointer ? propertiesAt(document, schemaPointer).get(idField) : undefined) ??
      item?.operation.parameters.find((parameter) => parameter.name === itemParam && parameter.in === 'path')
        ?.schemaPointer;
    const paginationOverride = overrides.find((own) => own.pagination !== undefined)?.pagination;
    const collection: Collection = {
      path,
      itemParam,
      idField,
      name: singular(lastLiteral(path)),
      schemaPointer,
      idPointer,
      pagination:
        paginationOverride === 'none' ? {} : (paginationOverride ?? (list ? paginationOf(document, list) : {})),
      examples: item && itemParam ? [{ operation: item.operation, idParam: itemParam, params: sameNames(path) }] : [],
      parent: undefined,
    };
    let creatable = create !== undefined;
    for (const member of members) {
      const role: ResourceRole = { action: member.action, collection };
      if (member.action === 'replace') {
        role.upsert =
          extension(member.operation).upsert ?? (!create || '201' in (member.operation.operation.responses ?? {}));
        creatable ||= role.upsert;
      }
      roles.set(member.operation.id, role);
    }
    built.push({ collection, operations: members.map((member) => member.operation), creatable });
  }
  linkParents(built);
  return roles;
}

/**
 * Give each nested collection its parent (the longest collection path its own path extends through an item,
 * `/users` for `/users/{user_id}/things`) when clients can add to that parent, and give each ancestor the examples
 * of its descendants' operations, so that the parent a documented request names is there in a fresh sandbox.
 */
function linkParents(built: { collection: Collection; operations: Operation[]; creatable: boolean }[]): void {
  for (const child of built) {
    let best: { parent: Collection; link: Omit<ParentLink, 'collection'> } | undefined;
    for (const parent of built) {
      if (parent === child || !parent.creatable) continue;
      const link = alignItem(parent.collection.path, child.collection.path, true);
      if (link && (!best || parent.collection.path.length > best.parent.path.length))
        best = { parent: parent.collection, link };
    }
    if (best) child.collection.parent = { collection: best.parent, ...best.link };
  }
  for (const { collection, operations } of built) {
    for (let ancestor = collection.parent?.collection; ancestor; ancestor = ancestor.parent?.collection) {
      for (const operation of operations) {
        const reference = alignItem(ancestor.path, requestPath(operation.path), false);
        if (reference) ancestor.examples.push({ operation, ...reference });
      }
    }
  }
}

/**
 * Whether `path` runs through an item of the collection at `collection` (`/users/{user_id}/things` through
 * `/users/{id}`), and if so `path`'s names for the item's id and for the collection's own parameters. A parent link
 * (`nested`) needs more path after the item.
 */
function alignItem(
  collection: string,
  path: string,
  nested: boolean,
): { idParam: string; params: Record<string, string> } | undefined {
  const outer = collection.split('/').filter(Boolean);
  const inner = path.split('/').filter(Boolean);
  if (inner.length < outer.length + (nested ? 2 : 1)) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of outer.entries()) {
    const own = paramName(segment);
    const theirs = paramName(inner[index]!);
    if (own === undefined ? segment !== inner[index] : theirs === undefined) return undefined;
    if (own !== undefined) params[own] = theirs!;
  }
  const idParam = paramName(inner[outer.length]!);
  return idParam === undefined ? undefined : { idParam, params };
}

const paramName = (segment: string) => /^\{([^}]+)\}$/.exec(segment)?.[1];

/** A collection path's own parameters, each by its own name. */
const sameNames = (path: string): Record<string, string> =>
  Object.fromEntries([...path.matchAll(/\{([^}]+)\}/g)].map((match) => [match[1]!, match[1]!]));

/** The role the path and method suggest: literal last segment = collection, a lone `{param}` = item. */
function guessRole(operation: Operation): { action: ResourceAction; collection: string } | undefined {
  const path = requestPath(operation.path);
  // A path key with a `?` fixes a query (a filtered view) and one with `#` names one of several actions.
  if (path !== operation.path) return undefined;
  const segments = path.split('/').filter(Boolean);
  const last = segments.at(-1);
  if (!last) return undefined;
  const parent = `/${segments.slice(0, -1).join('/')}`;
  if (/^\{[^}]+\}$/.test(last)) {
    if (segments.length < 2 || segments.at(-2)!.includes('{')) return undefined;
    const action = ({ get: 'read', put: 'replace', patch: 'update', post: 'update', delete: 'delete' } as const)[
      operation.method as 'get'
    ];
    return action ? { action, collection: parent } : undefined;
  }
  if (last.includes('{')) return undefined;
  const action = ({ get: 'list', post: 'create' } as const)[operation.method as 'get'];
  return action ? { action, collection: path } : undefined;
}

function collectionOf(operation: Operation, action: ResourceAction): string {
  const path = requestPath(operation.path);
  return action === 'create' || action === 'list' ? path : path.replace(/\/[^/]+$/, '') || '/';
}

const lastParam = (path: string) => /\{([^}]+)\}$/.exec(path)?.[1];
const lastLiteral = (path: string) =>
  path
    .split('/')
    .filter((segment) => segment && !segment.includes('{'))
    .at(-1) ?? 'resource';

function singular(word: string): string {
  const lower = word
    .replace(/[-.]/g, '_')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
  if (/ies$/.test(lower)) return lower.replace(/ies$/, 'y');
  if (/(ss|sh|ch|x)es$/.test(lower)) return lower.replace(/es$/, '');
  return lower.replace(/s$/, '');
}

/** Property names of an object schema at `pointer`, its `allOf` parts included, each with its own pointer. */
export function propertiesAt(document: OpenApiDocument, pointer: string, depth = 0): Map<string, string> {
  const found = new Map<string, string>();
  if (depth > 8) return found;
  const at = finalPointer(document, pointer);
  const schema = resolvePointer(document, at) as SchemaObject | undefined;
  if (!schema || typeof schema !== 'object') return found;
  for (const name of Object.keys(schema.properties ?? {})) found.set(name, `${at}/properties/${escapePointer(name)}`);
  // `allOf` parts, and the branches of a `oneOf` or `anyOf` (Twilio answers `oneOf: [v1, v2]` of one resource).
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
    (schema[keyword] ?? []).forEach((_, index) => {
      for (const [name, where] of propertiesAt(document, `${at}/${keyword}/${index}`, depth + 1))
        if (!found.has(name)) found.set(name, where);
    });
  }
  return found;
}

/** The schema of the resource an operation answers with, unwrapped from an envelope (`{ customer: {…} }`). */
function resourceSchema(document: OpenApiDocument, operation: Operation, itemParam: string | undefined) {
  const response = successResponse(document, operation);
  if (!response?.schemaPointer) return undefined;
  const own = propertiesAt(document, response.schemaPointer);
  if (pickIdField(document, response.schemaPointer, itemParam, own, true)) return response.schemaPointer;
  // An envelope (`{ customer: {…}, errors: […] }`) is small; a resource that merely links others (an invite's
  // `inviter`) is not one, and an answer with a weaker id (`code`, `name`) is the resource itself.
  if (own.size > 4 || pickIdField(document, response.schemaPointer, itemParam, own)) return response.schemaPointer;
  for (const where of own.values()) {
    if (pickIdField(document, where, itemParam, undefined, true)) return finalPointer(document, where);
  }
  return response.schemaPointer;
}

function listItemSchema(document: OpenApiDocument, operation: Operation | undefined): string | undefined {
  if (!operation) return undefined;
  const response = successResponse(document, operation);
  if (!response?.schemaPointer) return undefined;
  const schema = deref<SchemaObject>(document, { $ref: response.schemaPointer });
  if (schema?.items !== undefined) return `${finalPointer(document, response.schemaPointer)}/items`;
  for (const [name, where] of propertiesAt(document, response.schemaPointer)) {
    // An `errors` array beside a single object (`{ snippet, errors }`) does not make the answer a list.
    if (/^(errors|warnings)$/i.test(name)) continue;
    const property = deref<SchemaObject>(document, { $ref: where });
    if (property?.items !== undefined && !Array.isArray(property.items))
      return `${finalPointer(document, where)}/items`;
  }
  return undefined;
}

function pickIdField(
  document: OpenApiDocument,
  schemaPointer: string | undefined,
  itemParam: string | undefined,
  own = schemaPointer ? propertiesAt(document, schemaPointer) : new Map<string, string>(),
  /** Only names that can mean nothing but an id: used to tell a resource from the envelope around it. */
  strict = false,
): string | undefined {
  const byNorm = new Map([...own.keys()].map((name) => [normaliseName(name), name]));
  for (const candidate of [...(itemParam ? [itemParam] : []), ...STRICT_ID_NAMES]) {
    const hit = byNorm.get(normaliseName(candidate));
    if (hit) return hit;
  }
  // `{exception_id}` names Discord's `event_exception_id`.
  const param = itemParam ? normaliseName(itemParam) : undefined;
  const suffixed = param && param.length > 3 ? [...byNorm].find(([name]) => name.endsWith(param))?.[1] : undefined;
  if (suffixed) return suffixed;
  if (strict) return undefined;
  for (const candidate of ID_NAMES) {
    const hit = byNorm.get(normaliseName(candidate));
    if (hit) return hit;
  }
  return undefined;
}

function paginationOf(document: OpenApiDocument, list: Operation): Pagination {
  const query = list.parameters.filter((parameter) => parameter.in === 'query');
  const named = (names: string[]) =>
    query.find((parameter) => names.some((name) => normaliseName(name) === normaliseName(parameter.name)));
  const pagination: Pagination = {};
  const limit = named(LIMIT_NAMES);
  if (limit) {
    const schema = deref<SchemaObject>(document, limit.schema as SchemaObject) ?? {};
    const fallback =
      typeof schema.default === 'number'
        ? schema.default
        : typeof schema.maximum === 'number'
          ? Math.min(schema.maximum, 20)
          : 20;
    pagination.limit = { name: limit.name, fallback };
  }
  const after = named(AFTER_NAMES);
  if (after) pagination.after = after.name;
  const before = named(BEFORE_NAMES);
  if (before) pagination.before = before.name;
  const token = named(TOKEN_NAMES);
  if (token) pagination.token = token.name;
  const offset = named(OFFSET_NAMES);
  if (offset) pagination.offset = offset.name;
  const page = named(PAGE_NAMES);
  if (page) {
    const schema = deref<SchemaObject>(document, page.schema as SchemaObject) ?? {};
    pagination.page = { name: page.name, first: schema.minimum === 0 || schema.default === 0 ? 0 : 1 };
  }
  return pagination;
}
