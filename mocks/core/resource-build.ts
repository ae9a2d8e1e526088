/** What a stored resource holds: generated fields, what the client sent and timestamps, kept valid for its schema. */
import {
  deref,
  finalPointer,
  resolvePointer,
  unescapePointer,
  type OpenApiDocument,
  type SchemaObject,
} from './openapi.ts';
import { normaliseName, propertiesAt } from './resource-schema.ts';
import type { Resource } from './resources.ts';
import type { Collection } from './rest-shape.ts';
import { sampleFromSchema } from './sample.ts';
import type { SpecValidator } from './validate.ts';

const CREATED = /^(created|creation|date_?created|created_?(at|on|time|date|timestamp)|creation_?(time|date))$/i;
const UPDATED = /^(updated|modified|date_?(updated|modified)|(updated|modified|last_?modified)_?(at|on|time|date))$/i;

/** Fields a replace keeps although the client did not send them: the id and when the resource was created. */
export function keep(stored: Resource, collection: Collection): Resource {
  return Object.fromEntries(
    Object.entries(stored).filter(([name]) => name === collection.idField || CREATED.test(name) || name === 'object'),
  );
}

/** A whole resource generated from its schema, as a base for what the client sends. */
export function generated(
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
export function build(
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
    const fields = new Set(errors.map((error) => unescapePointer(error.pointer.split('/')[1] ?? '')));
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
          .some((error) => unescapePointer(error.pointer.split('/')[1] ?? '') === field);
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

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

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
