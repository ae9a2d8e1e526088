/** A schema in words, as the reference's tables print it: its type, its limits and the label of each `oneOf` option. */
import type { OpenApiDocument, Schema, SchemaObject } from '../../../mocks/core/openapi.ts';
import { merged, refOf, resolveSafely, schemaNameOf, singleRef } from './schema-refs';

export function typeOf(document: OpenApiDocument, input: Schema | undefined, depth = 0): string {
  const single = singleRef(input);
  const ref = refOf(single);
  if (ref && resolveSafely(document, ref) === undefined) return ref.split('/').pop() ?? ref;
  const schema = merged(document, input);
  if (!schema) return typeof input === 'boolean' ? 'any' : 'object';
  if (depth > 4) return 'object';
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const parts = alternatives.map((alternative) => typeOf(document, alternative, depth + 1));
    return [...new Set(parts)].join(' or ');
  }
  const name = schemaNameOf(single);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const described = types.map((type) => {
    if (type === 'array') return `array of ${typeOf(document, schema.items, depth + 1)}`;
    if (type === 'object' && name) return name;
    if (type === 'string' && schema.format) return `string (${schema.format})`;
    return type;
  });
  if (described.length === 0) {
    if (schema.const !== undefined) return typeof schema.const;
    if (schema.enum) return typeof schema.enum[0];
    if (schema.properties || name) return name ?? 'object';
    return 'any';
  }
  return described.join(' or ');
}

/** Limits written beside a `$ref` (a default, an example); the named schema's own are on its page. */
export function ownConstraints(input: Schema | undefined): string[] {
  if (typeof input !== 'object') return [];
  const { $ref: _ref, allOf: _allOf, ...own } = input;
  return constraintsOf({} as OpenApiDocument, own);
}

export function constraintsOf(document: OpenApiDocument, input: Schema | undefined): string[] {
  const schema = merged(document, input);
  if (!schema) return [];
  const out: string[] = [];
  if (schema.const !== undefined) out.push(`always ${JSON.stringify(schema.const)}`);
  if (schema.enum) out.push(enumText(schema.enum));
  if (schema.minimum !== undefined) out.push(`≥ ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) out.push(`> ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined) out.push(`≤ ${schema.maximum}`);
  if (schema.exclusiveMaximum !== undefined) out.push(`< ${schema.exclusiveMaximum}`);
  if (schema.minLength !== undefined) out.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) out.push(`at most ${schema.maxLength} characters`);
  if (schema.minItems !== undefined) out.push(`at least ${schema.minItems} items`);
  if (schema.maxItems !== undefined) out.push(`at most ${schema.maxItems} items`);
  if (schema.pattern) out.push(`matches ${schema.pattern}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  const examples = Array.isArray(schema.examples)
    ? schema.examples
    : schema.example !== undefined
      ? [schema.example]
      : [];
  if (examples.length > 0 && typeof examples[0] !== 'object') out.push(`example ${JSON.stringify(examples[0])}`);
  return out;
}

/** Enums of countries or currencies run to hundreds of values; a table cell shows the first ones and the count. */
const ENUM_SHOWN = 20;
function enumText(values: unknown[]): string {
  const shown = values.slice(0, ENUM_SHOWN).map((value) => JSON.stringify(value));
  return values.length > ENUM_SHOWN
    ? `one of ${shown.join(', ')}, … (${values.length} values)`
    : `one of ${shown.join(', ')}`;
}

export function isScalar(schema: SchemaObject | undefined): boolean {
  if (!schema || schema.properties || schema.oneOf || schema.anyOf || schema.items) return false;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.every(
    (type) => type === 'string' || type === 'number' || type === 'integer' || type === 'boolean' || type === 'null',
  );
}

export function variantLabel(
  document: OpenApiDocument,
  alternative: Schema,
  parent: SchemaObject,
  index: number,
): string {
  const property = parent.discriminator?.propertyName;
  const name = schemaNameOf(alternative);
  const mapped = property
    ? Object.entries(parent.discriminator?.mapping ?? {}).find(([, ref]) => ref === refOf(alternative))?.[0]
    : undefined;
  const resolved = merged(document, alternative);
  const discriminated = property ? (resolved?.properties?.[property] as SchemaObject | undefined) : undefined;
  const value = mapped ?? discriminated?.const ?? discriminated?.enum?.[0];
  if (property && value !== undefined) return `When ${property} is ${JSON.stringify(value)}`;
  const label = resolved?.title ?? name;
  return `Option ${index + 1}${label ? `: ${label}` : ''}`;
}
