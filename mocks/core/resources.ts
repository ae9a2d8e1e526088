import type { HandlerContext, Reply } from './define-api.ts';
import { successResponse } from './generic-reply.ts';
import type { OpenApiDocument } from './openapi.ts';
import { ProblemError } from './problem.ts';
import { seedOf } from './realistic-values.ts';
import { deletedBody, embed, embedList } from './resource-answers.ts';
import { build, generated, keep } from './resource-build.ts';
import { filtered } from './resource-filters.ts';
import { clientId, idSchema, newId, typed } from './resource-ids.ts';
import { pageOf } from './resource-pages.ts';
import { collectionKey, requireParent } from './resource-parents.ts';
import { propertiesAt } from './resource-schema.ts';
import { seedCollection } from './resource-seeds.ts';
import type { Collection, ResourceRole } from './rest-shape.ts';
import type { SpecValidator } from './validate.ts';

/** A resource as the generic mocks keep it: a JSON object with its id at `Collection.idField`. */
export type Resource = Record<string, unknown>;

/** What a key's state holds for generic collections, by collection key (`/users/u_1/things`). */
export type ResourceData = Record<string, Resource[]>;

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

  // An id kept only so that the next request finds the item is not part of what the API documents it returns.
  const documentsId = holdsId(document, collection);
  const shown = (resource: Resource): Resource => {
    if (documentsId) return resource;
    const { [collection.idField]: _kept, ...rest } = resource;
    return rest;
  };

  switch (role.action) {
    case 'create': {
      const resource = build(document, validator, collection, {
        base: generated(document, validator, collection, false, seedOf(seed, items.length)),
        sent: context.input.body,
        now: context.now(),
        created: true,
      });
      // A resource whose schema has no id field is still kept under one when the API reads items by id (Discord's
      // members are `user.id`); one that is only ever listed is kept without.
      if (collection.itemParam !== undefined || documentsId)
        resource[collection.idField] =
          clientId(document, validator, collection, items, context.input.body) ??
          newId(document, validator, collection, items, context.id);
      items.unshift(resource);
      await context.emit(`${collection.name}.created`, resource);
      return reply(embed(document, validator, success?.schemaPointer, shown(resource), collection, seed));
    }
    case 'list': {
      const page = pageOf(
        filtered(document, collection, operation, context.input.query, items),
        collection,
        context.input.query,
        url,
      );
      const listed = { ...page, items: page.items.map(shown) };
      return reply(embedList(document, validator, success?.schemaPointer, listed, collection, seed));
    }
    case 'read':
      return reply(
        embed(document, validator, success?.schemaPointer, shown(find(items, collection, context)), collection, seed),
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
        // Kept under the path's id even where the schema lists no id field: that id is how the next request finds it.
        resource[collection.idField] = id;
        items.unshift(resource);
        await context.emit(`${collection.name}.created`, resource);
        const created = successResponse(document, operation, 201) ?? success;
        return reply(embed(document, validator, created?.schemaPointer, shown(resource), collection, seed), created);
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
      return reply(embed(document, validator, success?.schemaPointer, shown(resource), collection, seed));
    }
    case 'delete': {
      const stored = find(items, collection, context);
      items.splice(items.indexOf(stored), 1);
      await context.emit(`${collection.name}.deleted`, stored);
      return reply(deletedBody(document, validator, success?.schemaPointer, shown(stored), collection, seed));
    }
  }
}

function holdsId(document: OpenApiDocument, collection: Collection): boolean {
  if (!collection.schemaPointer) return true;
  const properties = propertiesAt(document, collection.schemaPointer);
  return properties.size === 0 || properties.has(collection.idField);
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
