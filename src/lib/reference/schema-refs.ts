/** Reading a schema through what wraps it: `$ref`s (the named schema one stands for), `allOf` parts and `X or null`. */
import {
  fragmentKey,
  resolvePointer,
  type OpenApiDocument,
  type Schema,
  type SchemaObject,
} from '../../../mocks/core/openapi.ts';

const NAMED = '#/components/schemas/';

/** The name of a `#/components/schemas/<name>` reference, or undefined for any other schema. */
export function schemaNameOf(schema: Schema | undefined): string | undefined {
  const ref = refOf(schema);
  if (!ref?.startsWith(NAMED)) return undefined;
  const rest = ref.slice(NAMED.length);
  return rest.includes('/') ? undefined : fragmentKey(rest);
}

export function resolveSafely(document: OpenApiDocument, ref: string): unknown {
  try {
    return resolvePointer(document, ref);
  } catch {
    return undefined;
  }
}

/** Follow `$ref`s and fold `allOf` parts into one schema, so that inherited fields appear as ordinary rows. */
export function merged(
  document: OpenApiDocument,
  input: Schema | undefined,
  seen = new Set<string>(),
): SchemaObject | undefined {
  if (input === undefined || typeof input === 'boolean') return undefined;
  if (input.$ref) {
    if (seen.has(input.$ref)) return undefined;
    const target = resolveSafely(document, input.$ref) as Schema | undefined;
    const resolved = merged(document, target, new Set([...seen, input.$ref]));
    const { $ref: _ref, ...siblings } = input;
    return resolved ? { ...resolved, ...siblings } : undefined;
  }
  if (!input.allOf) return input;
  // `allOf: [{ $ref: X }]` with a description beside it is how OpenAPI 3.0 documents a field of type X.
  if (input.allOf.length === 1 && schemaNameOf(input.allOf[0])) {
    const { allOf: _allOf, ...siblings } = input;
    return merged(document, { ...(input.allOf[0] as SchemaObject), ...siblings }, seen);
  }
  const result: SchemaObject = { ...input, properties: { ...input.properties }, required: [...(input.required ?? [])] };
  delete result.allOf;
  for (const part of input.allOf) {
    const piece = merged(document, part, seen);
    if (!piece) continue;
    Object.assign(result.properties!, piece.properties);
    result.required!.push(...(piece.required ?? []));
    for (const key of ['type', 'description', 'oneOf', 'anyOf', 'items', 'enum', 'discriminator'] as const)
      result[key] ??= piece[key] as never;
  }
  if (Object.keys(result.properties!).length === 0) delete result.properties;
  return result;
}

/** The `$ref` a schema stands for, also when wrapped as `allOf: [{ $ref }]`. */
export function singleRef(input: Schema | undefined): Schema | undefined {
  if (typeof input === 'object' && input.allOf?.length === 1 && refOf(input.allOf[0])) return input.allOf[0];
  return input;
}

export const refOf = (schema: Schema | undefined) => (typeof schema === 'object' ? schema.$ref : undefined);
const isNull = (schema: Schema) => typeof schema === 'object' && (schema.type === 'null' || schema.const === null);
export const isNullable = (alternatives: Schema[]) => alternatives.length === 2 && alternatives.some(isNull);
/** The X of a `oneOf: [X, null]` (or of `allOf: [X]`); any other schema as it is. */
export function nonNull(input: Schema | undefined): Schema | undefined {
  const single = singleRef(input);
  if (single !== input && typeof input === 'object') {
    const { allOf: _allOf, ...siblings } = input;
    return { ...(single as SchemaObject), ...siblings };
  }
  const schema = typeof input === 'object' && !input.$ref ? input : undefined;
  const alternatives = schema?.oneOf ?? schema?.anyOf;
  if (!alternatives || !isNullable(alternatives)) return input;
  return alternatives.find((alternative) => !isNull(alternative));
}
