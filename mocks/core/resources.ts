import type { HandlerContext, Reply } from './define-api.ts';
import { parameterExample } from './example-request.ts';
import { successResponse } from './generic-reply.ts';
import {
  deref,
  finalPointer,
  resolvePointer,
  type OpenApiDocument,
  type Operation,
  type SchemaObject,
} from './openapi.ts';
import { pageOf } from './resource-pages.ts';
import {
  normaliseName,
  propertiesAt,
  type Collection,
  type OperationSandboxExtension,
  type ResourceRole,
} from './rest-shape.ts';
import { seedOf } from './realistic-values.ts';
import { fromPattern, sampleFromSchema } from './sample.ts';
import { ProblemError } from './problem.ts';
import type { SpecValidator } from './validate.ts';

/** A resource as the generic mocks keep it: a JSON object with its id at `Collection.idField`. */
export type Resource = Record<string, unknown>;

/** What a key's state holds for generic collections, by collection key (`/users/u_1/things`). */
export type ResourceData = Record<string, Resource[]>;

const CREATED = /^(created|creation|date_?created|created_?(at|on|time|date|timestamp)|creation_?(time|date))$/i;
const UPDATED = /^(updated|modified|date_?(updated|modified)|(updated|modified|last_?modified)_?(at|on|time|date))$/i;

/**
 * Answer an operation that acts on a collection the spec's shape describes: keep what a create sends (plus generated
 * fields), list it with the spec's paging, read, merge (PATCH, POST to an item) or replace (PUT) it, delete it, and
 * answer 404 for an id that is not there. Runs inside the sandbox's transaction, so a refusal changes nothing.
 */
export async function resourceReply(
  context: HandlerContext<unknown>,
  role: ResourceRole,
  validator: SpecValidator,
  url: URL,
): Promise<Reply> {
  const document = validator.document;
  const { collection } = role;
  const operation = context.operation;
  const resources = ((context.state as { resources?: ResourceData }).resources ??= {});
  // Generated fields come from the key's own seed: a reload (or another device with the key) shows the same data.
  const itemsOf = (of: Collection, key: string) =>
    (resources[key] ??= seedCollection(
      document,
      validator,
      of,
      key,
      context.now(),
      seedOf(context.principal.sandboxKey, key),
    ));
  requireParent(document, collection, context.input.path, itemsOf);
  const key = collectionKey(collection.path, context.input.path);
  const seed = seedOf(context.principal.sandboxKey, key);
  const items = itemsOf(collection, key);
  const success = successResponse(document, operation);
  const status = success?.status ?? 200;
  const reply = (body: unknown, answer = success): Reply =>
    answer?.media && answer.status !== 204
      ? { status: answer.status, body, headers: { 'content-type': answer.mediaType ?? 'application/json' } }
      : { status: answer?.status ?? status };

  switch (role.action) {
    case 'create': {
      const resource = build(document, validator, collection, {
        base: generated(document, validator, collection, false, seedOf(seed, items.length)),
        sent: context.input.body,
        now: context.now(),
        created: true,
      });
      // A resource whose schema has no id field (listed, never read one by one) is kept without one.
      if (holdsId(document, collection))
        resource[collection.idField] =
          clientId(document, validator, collection, items, context.input.body) ??
          newId(document, validator, collection, items, context.id);
      items.unshift(resource);
      await context.emit(`${collection.name}.created`, resource);
      return reply(embed(document, validator, success?.schemaPointer, resource, collection, seed));
    }
    case 'list': {
      const page = pageOf(
        filtered(document, collection, operation, context.input.query, items),
        collection,
        context.input.query,
        url,
      );
      return reply(embedList(document, validator, success?.schemaPointer, page, collection, seed));
    }
    case 'read':
      return reply(
        embed(document, validator, success?.schemaPointer, find(items, collection, context), collection, seed),
      );
    case 'update':
    case 'replace': {
      if (role.upsert && collection.itemParam !== undefined && lookup(items, collection, context) === undefined) {
        // A PUT that creates: the item takes the id in the path, as `PUT /buckets/{name}` does.
        const id = typed(document, collection, context.input.path[collection.itemParam]);
        const schema = idSchema(document, collection);
        // An id the resource's own schema refuses (the path's schema is looser) can name nothing.
        if (schema && !validator.accepts(schema, id)) throw notFound(collection, id);
        const resource = build(document, validator, collection, {
          base: generated(document, validator, collection, false, seedOf(seed, items.length)),
          sent: context.input.body,
          now: context.now(),
          created: true,
        });
        if (holdsId(document, collection)) resource[collection.idField] = id;
        items.unshift(resource);
        await context.emit(`${collection.name}.created`, resource);
        const created = successResponse(document, operation, 201) ?? success;
        return reply(embed(document, validator, created?.schemaPointer, resource, collection, seed), created);
      }
      const stored = find(items, collection, context);
      const base =
        role.action === 'replace'
          ? { ...generated(document, validator, collection, true, seed), ...keep(stored, collection) }
          : stored;
      const resource = build(document, validator, collection, {
        base,
        sent: context.input.body,
        now: context.now(),
        created: false,
        merge: role.action === 'update',
      });
      resource[collection.idField] = stored[collection.idField];
      items.splice(items.indexOf(stored), 1, resource);
      await context.emit(`${collection.name}.updated`, resource);
      return reply(embed(document, validator, success?.schemaPointer, resource, collection, seed));
    }
    case 'delete': {
      const stored = find(items, collection, context);
      items.splice(items.indexOf(stored), 1);
      await context.emit(`${collection.name}.deleted`, stored);
      return reply(deletedBody(document, validator, success?.schemaPointer, stored, collection, seed));
    }
  }
}

function holdsId(document: OpenApiDocument, collection: Collection): boolean {
  if (!collection.schemaPointer) return true;
  const properties = propertiesAt(document, collection.schemaPointer);
  return properties.size === 0 || properties.has(collection.idField);
}

/** The collection's key for one request: its path template with the parent's parameters filled in. */
function collectionKey(template: string, path: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(path[name] ?? '')));
}

/** The stored item the request's path names, if there is one. */
function lookup(items: Resource[], collection: Collection, context: HandlerContext<unknown>): Resource | undefined {
  const id = collection.itemParam === undefined ? undefined : context.input.path[collection.itemParam];
  return items.find((item) => String(item[collection.idField]) === String(id));
}

/** The stored item the request's path names, or a 404 naming the path parameter. */
function find(items: Resource[], collection: Collection, context: HandlerContext<unknown>): Resource {
  const found = lookup(items, collection, context);
  if (found) return found;
  throw notFound(collection, collection.itemParam === undefined ? undefined : context.input.path[collection.itemParam]);
}

function notFound(collection: Collection, id: unknown): ProblemError {
  return new ProblemError(
    404,
    `No ${collection.name.replace(/_/g, ' ')} with ${collection.idField} ${String(id)} exists in this sandbox.`,
    {
      errors: [{ pointer: `/path/${collection.itemParam}`, detail: 'is not the id of anything in this sandbox' }],
    },
  );
}

/**
 * A 404 when the request's path names a parent that is not there (`/users/u_nope/things`), outermost first, for
 * parents a client can create: what a real API answers, instead of keeping things under nobody.
 */
function requireParent(
  document: OpenApiDocument,
  collection: Collection,
  path: Record<string, unknown>,
  itemsOf: (collection: Collection, key: string) => Resource[],
  /** The request's name for each of `collection`'s path parameters, when it is not their own. */
  names: Record<string, string> = {},
): void {
  const link = collection.parent;
  if (!link) return;
  const parent = link.collection;
  const parentPath = Object.fromEntries(Object.entries(link.params).map(([own, theirs]) => [own, path[theirs]]));
  const parentNames = Object.fromEntries(
    Object.entries(link.params).map(([own, theirs]) => [own, names[theirs] ?? theirs]),
  );
  requireParent(document, parent, parentPath, itemsOf, parentNames);
  const id = path[link.idParam];
  const items = itemsOf(parent, collectionKey(parent.path, parentPath));
  if (items.some((item) => String(item[parent.idField]) === String(id))) return;
  const param = names[link.idParam] ?? link.idParam;
  throw new ProblemError(
    404,
    `No ${parent.name.replace(/_/g, ' ')} with ${parent.idField} ${String(id)} exists in this sandbox; create it first.`,
    { errors: [{ pointer: `/path/${param}`, detail: 'is not the id of anything in this sandbox' }] },
  );
}

/** Query parameters that shape a list rather than pick its items, whatever the resource's fields are called. */
const NOT_FILTERS = new Set(['sort', 'sortby', 'order', 'orderby', 'direction', 'fields', 'expand', 'include']);

/**
 * The items a list's query asks for: each query parameter the operation declares that is named like a top-level
 * field of the resource (`?status=active`, `?email=a@b.co`) keeps the items whose field equals its value; an array
 * parameter (`?status=active,past_due`) keeps those equal to any of its values, and a field that is an array (`tags`)
 * matches when it holds one. Paging parameters, ranges (`created[gte]`) and `x-sandbox: { filters }` aside.
 */
function filtered(
  document: OpenApiDocument,
  collection: Collection,
  operation: Operation,
  query: Record<string, unknown>,
  items: Resource[],
): Resource[] {
  const own = (operation.operation as { 'x-sandbox'?: OperationSandboxExtension })['x-sandbox']?.filters;
  if (own === 'none') return items;
  const paging = collection.pagination;
  const pagingNames = new Set(
    [paging.limit?.name, paging.after, paging.before, paging.token, paging.offset, paging.page?.name].filter(
      (name) => name !== undefined,
    ),
  );
  const properties = collection.schemaPointer ? propertiesAt(document, collection.schemaPointer) : new Map();
  const fields = new Map(
    [...(properties.size > 0 ? properties.keys() : items.flatMap((item) => Object.keys(item)))].map((name) => [
      normaliseName(name),
      name as string,
    ]),
  );
  const filters: [string, unknown[]][] = [];
  for (const parameter of operation.parameters) {
    const value = query[parameter.name];
    if (parameter.in !== 'query' || value === undefined || value === '') continue;
    if (
      own
        ? !own.includes(parameter.name)
        : pagingNames.has(parameter.name) || NOT_FILTERS.has(normaliseName(parameter.name))
    )
      continue;
    const field = fields.get(normaliseName(parameter.name));
    const wanted = Array.isArray(value) ? value : [value];
    if (!field || wanted.length === 0 || wanted.some((one) => one !== null && typeof one === 'object')) continue;
    filters.push([field, wanted]);
  }
  if (filters.length === 0) return items;
  const same = (stored: unknown, wanted: unknown) =>
    // An expandable reference (`customer: "cus_1"` or `customer: { id: "cus_1", … }`) matches by its id.
    String(isPlainObject(stored) && 'id' in stored ? stored.id : stored) === String(wanted);
  return items.filter((item) =>
    filters.every(([field, wanted]) => {
      const stored = item[field];
      const values = Array.isArray(stored) ? stored : [stored];
      return stored !== undefined && values.some((one) => wanted.some((want) => same(one, want)));
    }),
  );
}

/** Fields a replace keeps although the client did not send them: the id and when the resource was created. */
function keep(stored: Resource, collection: Collection): Resource {
  return Object.fromEntries(
    Object.entries(stored).filter(([name]) => name === collection.idField || CREATED.test(name) || name === 'object'),
  );
}

/**
 * The resources a collection starts with: those with the ids the spec's example requests use (its item operations',
 * and its nested collections', `/users/{user_id}/things` naming a user), so that the documented read, update and
 * delete requests work in a fresh sandbox as they do for the hand-written APIs.
 */
function seedCollection(
  document: OpenApiDocument,
  validator: SpecValidator,
  collection: Collection,
  key: string,
  now: Date,
  seed: number,
): Resource[] {
  const seeded: Resource[] = [];
  // An example id the resource's own schema refuses (`sandbox` for a `^AI[0-9a-f]{32}$` sid) cannot be answered.
  const schema = idSchema(document, collection);
  for (const reference of collection.examples) {
    const example = Object.fromEntries(
      reference.operation.parameters
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => [parameter.name, parameterExample(document, parameter)]),
    );
    const own = Object.fromEntries(Object.entries(reference.params).map(([name, theirs]) => [name, example[theirs]]));
    if (collectionKey(collection.path, own) !== key || example[reference.idParam] === undefined) continue;
    const id = typed(document, collection, example[reference.idParam]);
    if (
      (schema && !validator.accepts(schema, id)) ||
      seeded.some((item) => String(item[collection.idField]) === String(id))
    )
      continue;
    const resource = build(document, validator, collection, {
      base: generated(document, validator, collection, false, seeded.length === 0 ? seed : seedOf(seed, seeded.length)),
      sent: undefined,
      now,
      created: true,
    });
    resource[collection.idField] = id;
    seeded.push(resource);
  }
  return seeded;
}

/** An id value in the id field's own type (a path gives text; petstore's ids are integers). */
function typed(document: OpenApiDocument, collection: Collection, id: unknown): unknown {
  const schema = idSchema(document, collection);
  const types = [schema?.type ?? []].flat();
  if ((types.includes('integer') || types.includes('number')) && !Number.isNaN(Number(id))) return Number(id);
  return String(id);
}

function idSchema(document: OpenApiDocument, collection: Collection): SchemaObject | undefined {
  return collection.idPointer ? deref<SchemaObject>(document, { $ref: collection.idPointer }) : undefined;
}

/** The id a client chose for what it creates (`PUT`-less APIs that take a `Sid` or `key`), when it is valid and free. */
function clientId(
  document: OpenApiDocument,
  validator: SpecValidator,
  collection: Collection,
  items: Resource[],
  body: unknown,
): unknown {
  if (!isPlainObject(body)) return undefined;
  const name = Object.keys(body).find((candidate) => normaliseName(candidate) === normaliseName(collection.idField));
  if (name === undefined) return undefined;
  const value = body[name];
  const taken = items.some((item) => String(item[collection.idField]) === String(value));
  const schema = idSchema(document, collection);
  return !taken &&
    (typeof value === 'string' || typeof value === 'number') &&
    (!schema || validator.accepts(schema, value))
    ? value
    : undefined;
}

/** A fresh id that the id field's schema accepts: the spec's prefix (`cus_`), a number, a UUID, or its pattern. */
function newId(
  document: OpenApiDocument,
  validator: SpecValidator,
  collection: Collection,
  items: Resource[],
  id: (prefix: string) => string,
): unknown {
  const schema = idSchema(document, collection) ?? {};
  const types = [schema.type ?? []].flat();
  const taken = new Set(items.map((item) => String(item[collection.idField])));
  if (types.includes('integer') || types.includes('number')) {
    const highest = Math.max(0, ...items.map((item) => Number(item[collection.idField])).filter(Number.isFinite));
    return highest + 1;
  }
  const accepts = (value: string) => !taken.has(value) && validator.accepts(schema, value);
  if (schema.format === 'uuid') return uuidFrom(id(''), id(''));
  const pattern = typeof schema.pattern === 'string' ? schema.pattern : undefined;
  const sampled = sampleFromSchema(document, schema, { validator });
  const prefix = (pattern ? /^\^?([A-Za-z0-9_-]*)/.exec(pattern)?.[1] : /^[A-Za-z]+_/.exec(String(sampled))?.[0]) ?? '';
  const simple = id(prefix);
  if (accepts(simple)) return simple;
  // Numeric ids in text (Discord's snowflakes): digits made from a fresh id.
  const digits =
    `1${[...id('')].map((character) => character.charCodeAt(0) % 10).join('')}${[...id('')].map((character) => character.charCodeAt(0) % 10).join('')}`.slice(
      0,
      19,
    );
  if (accepts(digits)) return digits;
  for (let attempt = 0; attempt < 8; attempt++) {
    const seed = [...id('')].reduce((sum, character) => (sum * 31 + character.charCodeAt(0)) % 1_000_003, attempt);
    const candidate = pattern ? fromPattern(pattern, seed) : `${String(sampled)}${seed}`;
    if (accepts(candidate)) return candidate;
  }
  return simple;
}

function uuidFrom(a: string, b: string): string {
  const hex = [...`${a}${b}`]
    .map((character) => (character.charCodeAt(0) % 16).toString(16))
    .join('')
    .padEnd(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A whole resource generated from its schema, as a base for what the client sends. */
function generated(
  document: OpenApiDocument,
  validator: SpecValidator,
  collection: Collection,
  minimal: boolean,
  seed: number,
) {
  if (!collection.schemaPointer) return {};
  const schema = resolvePointer(document, finalPointer(document, collection.schemaPointer));
  const value = sampleFromSchema(document, schema as SchemaObject, {
    validator,
    pointer: finalPointer(document, collection.schemaPointer),
    minimal,
    seed,
  });
  return value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Resource) } : {};
}

/**
 * `base` with the fields the client sent (matched by name without case or `_`: `FriendlyName` is `friendly_name`)
 * and the timestamps of this change; a sent field the resource's schema cannot hold keeps the base's value.
 */
function build(
  document: OpenApiDocument,
  validator: SpecValidator,
  collection: Collection,
  change: { base: Resource; sent: unknown; now: Date; created: boolean; merge?: boolean },
): Resource {
  const resource: Resource = { ...change.base };
  const properties = collection.schemaPointer ? propertiesAt(document, collection.schemaPointer) : new Map();
  const byName = new Map([...properties.keys()].map((name: string) => [normaliseName(name), name]));
  const applied = new Set<string>();
  if (change.sent && typeof change.sent === 'object' && !Array.isArray(change.sent)) {
    for (const [name, value] of Object.entries(change.sent as Record<string, unknown>)) {
      const field = properties.size === 0 ? name : byName.get(normaliseName(name));
      if (!field || field === collection.idField) continue;
      const before = resource[field];
      // A PATCH of a map (`metadata`) adds to it, as Stripe-style APIs do.
      resource[field] = change.merge && isPlainObject(before) && isPlainObject(value) ? { ...before, ...value } : value;
      applied.add(field);
    }
  }
  for (const [field, pointer] of properties) {
    if (!(field in resource) && !(change.created && CREATED.test(field))) continue;
    if ((change.created && CREATED.test(field)) || UPDATED.test(field)) {
      if (applied.has(field)) continue;
      resource[field] = timestamp(deref<SchemaObject>(document, { $ref: pointer }) ?? {}, change.now, resource[field]);
      applied.add(field);
    }
  }
  if (!collection.schemaPointer) return resource;
  // Undo, field by field, what the schema refuses: the answer must stay valid whatever the request body held.
  for (let round = 0; round < 16; round++) {
    const errors = validator.validate(collection.schemaPointer, resource);
    if (errors.length === 0) break;
    const fields = new Set(errors.map((error) => decodeToken(error.pointer.split('/')[1] ?? '')));
    const culprits = [...fields].filter((field) => applied.has(field));
    if (culprits.length === 0) {
      // The fault is not in one sent field (a `oneOf` at the root); drop the newest change.
      const last = [...applied].pop();
      if (last === undefined) break;
      culprits.push(last);
    }
    for (const field of culprits) {
      // A value in another type than the answer uses (`0` for a permissions string, `"12"` from a form) is converted.
      const converted = convert(resource[field], properties.get(field), document);
      if (converted !== undefined && converted !== resource[field]) {
        const trial = { ...resource, [field]: converted };
        const still = validator
          .validate(collection.schemaPointer, trial)
          .some((error) => decodeToken(error.pointer.split('/')[1] ?? '') === field);
        if (!still) {
          resource[field] = converted;
          continue;
        }
      }
      applied.delete(field);
      if (field in change.base) resource[field] = change.base[field];
      else delete resource[field];
    }
  }
  return resource;
}

/** The same value in the type the field's schema declares, when there is an obvious one. */
function convert(value: unknown, pointer: string | undefined, document: OpenApiDocument): unknown {
  const schema = pointer ? deref<SchemaObject>(document, { $ref: pointer }) : undefined;
  const types = [schema?.type ?? []].flat();
  if (types.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  if (
    (types.includes('integer') || types.includes('number')) &&
    typeof value === 'string' &&
    value.trim() !== '' &&
    !Number.isNaN(Number(value))
  )
    return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  if (types.includes('array') && !Array.isArray(value) && value !== undefined) return [value];
  return undefined;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);
const decodeToken = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** A timestamp in the field's own convention: unix seconds (or milliseconds) for numbers, ISO 8601 for text. */
function timestamp(schema: SchemaObject, now: Date, previous: unknown): unknown {
  const types = [schema.type ?? []].flat();
  if (types.includes('integer') || types.includes('number')) {
    const millis = typeof previous === 'number' && previous > 1e11;
    return millis ? now.getTime() : Math.floor(now.getTime() / 1000);
  }
  if (schema.format === 'date') return now.toISOString().slice(0, 10);
  if (typeof previous === 'string' && /^\w{3}, \d\d \w{3} \d{4}/.test(previous)) return now.toUTCString();
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The answer for one resource in the operation's own response schema: the resource itself, or the envelope the spec
 * wraps it in (`{ customer: {…} }`), or, when neither fits, a generated answer carrying the fields that do.
 */
function embed(
  document: OpenApiDocument,
  validator: SpecValidator,
  pointer: string | undefined,
  resource: Resource,
  collection: Collection,
  seed: number,
): unknown {
  if (!pointer) return resource;
  const properties = propertiesAt(document, pointer);
  // A schema that lists no id of its own (`{ note: Note }`) is an envelope, even where the bare resource would pass.
  const direct = properties.size === 0 || properties.has(collection.idField);
  if (direct && validator.validate(pointer, resource).length === 0) return resource;
  const sample = sampleFromSchema(document, resolvePointer(document, finalPointer(document, pointer)) as SchemaObject, {
    validator,
    pointer: finalPointer(document, pointer),
    seed,
  });
  if (!isPlainObject(sample)) return sample;
  const own = collection.schemaPointer ? finalPointer(document, collection.schemaPointer) : undefined;
  const rankOf = (name: string) =>
    finalPointer(document, properties.get(name)!) === own
      ? 0
      : normaliseName(name) === normaliseName(collection.name)
        ? 1
        : 2;
  const names = [...properties.keys()].sort((a, b) => rankOf(a) - rankOf(b));
  for (const name of names) {
    const candidate = { ...sample, [name]: resource };
    if (validator.validate(pointer, candidate).length === 0) return candidate;
  }
  if (validator.validate(pointer, resource).length === 0) return resource;
  const overlaid = { ...sample };
  for (const [name, value] of Object.entries(resource)) {
    if (!(name in overlaid)) continue;
    const before = overlaid[name];
    overlaid[name] = value;
    if (validator.validate(pointer, overlaid).length > 0) overlaid[name] = before;
  }
  return overlaid;
}

/** A page of resources in the list operation's own schema, with its paging fields filled in where it has them. */
function embedList(
  document: OpenApiDocument,
  validator: SpecValidator,
  pointer: string | undefined,
  page: ReturnType<typeof pageOf>,
  collection: Collection,
  seed: number,
): unknown {
  if (!pointer) return page.items;
  if (validator.validate(pointer, page.items).length === 0) return page.items;
  const sample = sampleFromSchema(document, resolvePointer(document, finalPointer(document, pointer)) as SchemaObject, {
    validator,
    pointer: finalPointer(document, pointer),
    seed,
  });
  if (!isPlainObject(sample)) return sample;
  const arrays = Object.entries(sample).filter(([, value]) => Array.isArray(value));
  const preferred = ['data', 'items', 'results', normaliseName(`${collection.name}s`), normaliseName(collection.name)];
  arrays.sort(([a], [b]) => rank(preferred, a) - rank(preferred, b));
  let body: Resource = sample;
  for (const [name] of arrays) {
    const candidate = { ...sample, [name]: page.items };
    if (validator.validate(pointer, candidate).length === 0) {
      body = candidate;
      break;
    }
  }
  return page.annotate(body, (value) => validator.validate(pointer, value).length === 0);
}

function rank(preferred: string[], name: string): number {
  const index = preferred.indexOf(normaliseName(name));
  return index < 0 ? preferred.length : index;
}

/** What a delete answers: Stripe's `{ id, deleted: true }`, the deleted resource, or the documented answer. */
function deletedBody(
  document: OpenApiDocument,
  validator: SpecValidator,
  pointer: string | undefined,
  stored: Resource,
  collection: Collection,
  seed: number,
): unknown {
  if (!pointer) return undefined;
  const sample = sampleFromSchema(document, resolvePointer(document, finalPointer(document, pointer)) as SchemaObject, {
    validator,
    pointer: finalPointer(document, pointer),
    seed,
  });
  if (isPlainObject(sample)) {
    const marked: Resource = { ...sample };
    for (const [name, value] of [
      [collection.idField, stored[collection.idField]],
      ['deleted', true],
      ['object', stored.object],
    ] as const) {
      if (!(name in marked) || value === undefined) continue;
      const before = marked[name];
      marked[name] = value;
      if (validator.validate(pointer, marked).length > 0) marked[name] = before;
    }
    if ('deleted' in marked) return marked;
  }
  return validator.validate(pointer, stored).length === 0 ? stored : sample;
}
