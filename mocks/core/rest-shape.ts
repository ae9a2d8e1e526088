import type { OpenApiDocument, Operation } from './openapi.ts';
import { paginationOf, type Pagination } from './paging-params.ts';
import { listItemSchema, pickIdField, propertiesAt, resourceSchema } from './resource-schema.ts';
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
