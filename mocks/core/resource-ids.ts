/** A generic resource's id: in its field's own type, chosen by the client, or new and valid for the id's schema. */
import { deref, type OpenApiDocument, type SchemaObject } from './openapi.ts';
import { isPlainObject } from './resource-build.ts';
import { normaliseName } from './resource-schema.ts';
import type { Resource } from './resources.ts';
import type { Collection } from './rest-shape.ts';
import { fromPattern, sampleFromSchema } from './sample.ts';
import type { SpecValidator } from './validate.ts';

/** An id value in the id field's own type (a path gives text; petstore's ids are integers). */
export function typed(document: OpenApiDocument, collection: Collection, id: unknown): unknown {
  const schema = idSchema(document, collection);
  const types = [schema?.type ?? []].flat();
  if ((types.includes('integer') || types.includes('number')) && !Number.isNaN(Number(id))) return Number(id);
  return String(id);
}

export function idSchema(document: OpenApiDocument, collection: Collection): SchemaObject | undefined {
  return collection.idPointer ? deref<SchemaObject>(document, { $ref: collection.idPointer }) : undefined;
}

/** The id a client chose for what it creates (`PUT`-less APIs that take a `Sid` or `key`), when it is valid and free. */
export function clientId(
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
export function newId(
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
