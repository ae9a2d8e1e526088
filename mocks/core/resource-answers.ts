/** A resource, a page of them or a deletion in the answer the operation documents: bare, wrapped or overlaid. */
import { finalPointer, resolvePointer, type OpenApiDocument, type SchemaObject } from './openapi.ts';
import { isPlainObject } from './resource-build.ts';
import type { pageOf } from './resource-pages.ts';
import { normaliseName, propertiesAt } from './resource-schema.ts';
import type { Resource } from './resources.ts';
import type { Collection } from './rest-shape.ts';
import { sampleFromSchema } from './sample.ts';
import type { SpecValidator } from './validate.ts';

/**
 * The answer for one resource in the operation's own response schema: the resource itself, or the envelope the spec
 * wraps it in (`{ customer: {…} }`), or, when neither fits, a generated answer carrying the fields that do.
 */
export function embed(
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
export function embedList(
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
export function deletedBody(
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
