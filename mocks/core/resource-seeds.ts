/** The resources a fresh collection starts with, so that the spec's documented requests find what they name. */
import { parameterExample } from './example-request.ts';
import type { OpenApiDocument } from './openapi.ts';
import { seedOf } from './realistic-values.ts';
import { build, generated } from './resource-build.ts';
import { idSchema, typed } from './resource-ids.ts';
import { collectionKey } from './resource-parents.ts';
import type { Resource } from './resources.ts';
import type { Collection } from './rest-shape.ts';
import type { SpecValidator } from './validate.ts';

/**
 * The resources a collection starts with: those with the ids the spec's example requests use (its item operations',
 * and its nested collections', `/users/{user_id}/things` naming a user), so that the documented read, update and
 * delete requests work in a fresh sandbox as they do for the hand-written APIs.
 */
export function seedCollection(
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
