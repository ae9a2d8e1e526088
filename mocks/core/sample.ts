import { fragmentToken, schemaAt, type OpenApiDocument, type Schema, type SchemaObject } from './openapi.ts';
import { mergeSchemas } from './merge-schemas.ts';
import { hintedNumber, hintedString, seedOf } from './realistic-values.ts';
import { sampleNumber, sampleString } from './scalar-samples.ts';
import { mappingRef, SpecValidator } from './validate.ts';

// Still importable from here, where it lived before scalar-samples.ts held it.
export { fromPattern } from './scalar-samples.ts';

/** Deep enough for real payloads; below it only required properties are filled in, which also ends recursive schemas. */
const MAX_DEPTH = 8;
/** Past this, even required properties stop: a schema that requires itself forever has no finite value. */
const HARD_DEPTH = 48;
/** Schemas sampled for one value before choices stop trying further branches (nested unions multiply). */
const BUDGET = 20_000;

/**
 * A value that is valid against `schema`, for specs that give no example. Deterministic (the same schema always gives
 * the same value), prefers the author's own examples, defaults and enums when they are valid, and stops at circular
 * references. For `oneOf` it picks a branch that the value matches alone (honouring a discriminator), for `anyOf` one
 * that matches, and `allOf` parts are merged; required properties are always present, recursive ones as the smallest
 * value their schema allows. `pointer` (where `schema` sits in the document) lets the validator reuse its index.
 */
export function sampleFromSchema(
  document: OpenApiDocument,
  schema: Schema | undefined,
  /** `minimal`: only what the schema requires (a PUT that replaces a resource keeps no optional field unsent). */
  options: {
    validator?: SpecValidator;
    pointer?: string;
    minimal?: boolean;
    /** Varies the generated values (a sandbox key's seed gives that key its own, stable data); 1 by default. */
    seed?: number | undefined;
    /** The name of the field the value is for, when `schema` is a property's or a parameter's (`email`). */
    name?: string | undefined;
  } = {},
): unknown {
  const sampler = new Sampler(document, options.validator ?? SpecValidator.for(document));
  return sampler.sample(schema, {
    depth: 0,
    refs: [],
    seed: options.seed ?? 1,
    name: options.name,
    holder: options.seed ?? 1,
    minimal: options.minimal ?? false,
    pointer: options.pointer,
  });
}

interface State {
  depth: number;
  /** The `$ref`s being expanded, outermost first: one met again is a cycle. */
  refs: string[];
  seed: number;
  /** The property (or parameter) the value is for: its name hints at realistic values (`email`, `currency`). */
  name: string | undefined;
  /** The seed of the object the value is a field of, so that one object's name and email describe one person. */
  holder: number;
  /** Only what the schema requires: required properties, `minItems` items, `null` where allowed. */
  minimal: boolean;
  /** The JSON pointer of the schema being sampled, when it is a schema of the document (not a merged one). */
  pointer: string | undefined;
}

class Sampler {
  work = 0;

  readonly document: OpenApiDocument;
  readonly validator: SpecValidator;

  constructor(document: OpenApiDocument, validator: SpecValidator) {
    this.document = document;
    this.validator = validator;
  }

  valid(schema: Schema, state: State, value: unknown): boolean {
    return this.validator.accepts(schema, value, state.pointer);
  }

  /** A value for `schema`, or undefined for "leave this out if you may" (a cycle, or a `false` schema). */
  sample(schema: Schema | undefined, state: State): unknown {
    if (schema === undefined || schema === true) return {};
    if (schema === false) return undefined;
    if (state.depth > HARD_DEPTH) return undefined;
    this.work++;
    if (typeof schema.$ref === 'string') return this.sampleRef(schema, state);
    if (schema.const !== undefined) return schema.const;
    // The author's values first, when they are valid (vendors' examples drift from their schemas).
    const authored = [
      Array.isArray(schema.examples) ? schema.examples[0] : undefined,
      schema.example,
      schema.default,
      ...(Array.isArray(schema.enum) ? schema.enum : []),
    ].filter((value) => value !== undefined);
    for (const value of authored) if (this.valid(schema, state, value)) return value;
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
    if (schema.allOf) return this.sampleAllOf(schema, state);
    if (schema.oneOf || schema.anyOf) return this.sampleChoice(schema, state);
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [inferType(schema)];
    const type = state.minimal && types.includes('null') ? 'null' : (types.find((t) => t !== 'null') ?? 'null');
    switch (type) {
      case 'object':
        return this.sampleObject(schema, state);
      case 'array':
        return this.sampleArray(schema, state);
      case 'string': {
        // A realistic value where the name or format says what the field holds, if the schema takes it.
        const hinted = hintedString(state.name, schema, state.seed, state.holder);
        if (hinted !== undefined && this.valid(schema, state, hinted)) return hinted;
        return sampleString(schema, state.seed);
      }
      case 'integer':
      case 'number': {
        const hinted = hintedNumber(state.name, schema, state.seed, type === 'integer');
        if (hinted !== undefined && this.valid(schema, state, hinted)) return hinted;
        return sampleNumber(schema, type === 'integer');
      }
      case 'boolean':
        return true;
      default:
        return null;
    }
  }

  sampleRef(schema: SchemaObject, state: State): unknown {
    const ref = schema.$ref!;
    const target = schemaAt(this.document, ref);
    // A `$ref` to a schema that does not exist allows any value, as the validator reads it.
    if (target === undefined) return {};
    // A schema already on the path is a cycle: leave it out where the schema allows, else give its smallest value.
    const cycle = state.refs.includes(ref);
    if ((cycle && !state.minimal) || state.refs.length > HARD_DEPTH) return undefined;
    return this.sample(target, { ...state, refs: [...state.refs, ref], pointer: ref, minimal: state.minimal || cycle });
  }

  /** The child state for a subschema found at `token` (a pointer suffix) under the current one. */
  child(state: State, token: string | undefined, seed = state.seed, name = state.name, holder = state.holder): State {
    const depth = state.depth + 1;
    return {
      ...state,
      depth,
      seed,
      name,
      holder,
      minimal: state.minimal || depth > MAX_DEPTH,
      pointer: state.pointer !== undefined && token !== undefined ? `${state.pointer}/${token}` : undefined,
    };
  }

  sampleObject(schema: SchemaObject, state: State): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    const required = new Set(schema.required ?? []);
    const properties = schema.properties ?? {};
    for (const [name, property] of Object.entries(properties)) {
      if (state.minimal && !required.has(name)) continue;
      const at = this.child(state, `properties/${fragmentToken(name)}`, seedOf(state.seed, name), name, state.seed);
      let value = this.sample(property, at);
      // A required property that recursion left out gets the smallest value its schema allows.
      if (value === undefined && required.has(name)) value = this.sample(property, { ...at, minimal: true });
      if (value !== undefined) object[name] = value;
    }
    // Required names the schema lists but does not describe, and maps with a minimum size, need entries too.
    const extra = schema.additionalProperties;
    const extraSchema: Schema = typeof extra === 'object' ? extra : {};
    const extraToken = typeof extra === 'object' ? 'additionalProperties' : undefined;
    for (const name of required) {
      if (name in object) continue;
      const value = this.sample(extraSchema, {
        ...this.child(state, extraToken, seedOf(state.seed, name), name),
        minimal: true,
      });
      object[name] = value === undefined ? null : value;
    }
    const minimum = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
    for (let i = Object.keys(object).length; i < minimum; i++) {
      const value = this.sample(extraSchema, this.child(state, extraToken));
      object[`key${i + 1}`] =
        value === undefined ? this.sample(extraSchema, { ...this.child(state, undefined), minimal: true }) : value;
    }
    return object;
  }

  sampleArray(schema: SchemaObject, state: State): unknown[] {
    // Swagger-era tuples (`items: [a, b]`) are read as `prefixItems`, as the validator reads them.
    const tuple = Array.isArray(schema.prefixItems)
      ? { list: schema.prefixItems, token: 'prefixItems' }
      : Array.isArray(schema.items)
        ? { list: schema.items as Schema[], token: 'items' }
        : undefined;
    const rest = Array.isArray(schema.items) ? undefined : schema.items;
    const minItems = schema.minItems ?? 0;
    const count = state.minimal ? minItems : Math.max(minItems, 1);
    const items: unknown[] = [];
    for (let i = 0; i < count; i++) {
      const inTuple = tuple && i < tuple.list.length;
      const itemSchema = inTuple ? tuple.list[i] : rest;
      const token = inTuple ? `${tuple.token}/${i}` : rest !== undefined ? 'items' : undefined;
      if (tuple && !inTuple && rest === undefined && i >= minItems) break;
      const at = this.child(state, token, seedOf(state.seed, i));
      let value = this.sample(itemSchema, at);
      if (value === undefined && i < minItems) value = this.sample(itemSchema, { ...at, minimal: true });
      if (value === undefined) break;
      items.push(value);
    }
    if (schema.uniqueItems && items.length > 1) return distinct(items, schema);
    return items;
  }

  sampleAllOf(schema: SchemaObject, state: State): unknown {
    const merged = mergeSchemas(this.document, [schema], state.refs);
    return this.sample(merged.schema, { ...state, refs: merged.refs, pointer: undefined });
  }

  sampleChoice(schema: SchemaObject, state: State): unknown {
    const key = schema.oneOf ? 'oneOf' : 'anyOf';
    const branches = schema[key] ?? [];
    const { [key]: _branches, discriminator, ...rest } = schema;
    const shared = Object.keys(rest).some((keyword) => !ANNOTATIONS.has(keyword));
    const property = discriminator?.propertyName;
    let fallback: unknown;
    let nullFallback: unknown;
    if (shared) {
      // The keywords beside the choice may already pick a branch (`allOf: [{ oneOf: [A, B] }, B]`).
      const value = this.sample(rest, { ...state, pointer: undefined });
      if (value !== undefined && value !== null && this.valid(schema, state, value)) return value;
    }
    // The full value first; if no branch takes it alone (overlapping branches), the smallest one.
    for (const minimal of state.minimal ? [true] : [false, true]) {
      for (const [index, branch] of branches.entries()) {
        const at: State = { ...state, minimal };
        const merged = shared ? mergeSchemas(this.document, [rest, branch], state.refs) : undefined;
        const candidate = merged
          ? this.sample(merged.schema, { ...at, refs: merged.refs, pointer: undefined })
          : this.sample(branch, { ...at, pointer: at.pointer && `${at.pointer}/${key}/${index}` });
        if (candidate === undefined) continue;
        const value = property
          ? withDiscriminator(this.document, candidate, property, branch, discriminator)
          : candidate;
        if (value === null && !state.minimal) {
          nullFallback ??= value;
          continue;
        }
        fallback ??= value;
        if (this.valid(schema, state, value) || this.work > BUDGET) return value;
      }
    }
    if (nullFallback !== undefined && this.valid(schema, state, nullFallback)) return nullFallback;
    return fallback ?? nullFallback ?? null;
  }
}

/** Keywords that do not constrain a value: a `oneOf` beside only these needs no merging. */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
  'externalDocs',
]);

/** Set the discriminator property to the value that selects `branch`, as the spec's mapping (or its name) says. */
function withDiscriminator(
  document: OpenApiDocument,
  value: unknown,
  property: string,
  branch: Schema,
  discriminator: SchemaObject['discriminator'],
): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value) || typeof branch !== 'object') return value;
  const ref = branch.$ref;
  const mapped = ref
    ? Object.entries(discriminator?.mapping ?? {}).find(([, target]) => mappingRef(target) === ref)?.[0]
    : undefined;
  const target = ref ? schemaAt(document, ref) : branch;
  const declared = typeof target === 'object' ? (target.properties?.[property] as SchemaObject | undefined) : undefined;
  const chosen = mapped ?? declared?.const ?? declared?.enum?.[0] ?? ref?.split('/').pop();
  return chosen === undefined ? value : { ...value, [property]: chosen };
}

/** Items made different from each other where the schema allows (an enum, a string, a number). */
function distinct(items: unknown[], schema: SchemaObject): unknown[] {
  const key = (value: unknown) => JSON.stringify(value);
  const seen = new Set<string>();
  return items
    .map((item, index) => {
      let value = item;
      if (seen.has(key(value))) {
        if (typeof value === 'string') value = `${value}${index + 1}`;
        else if (typeof value === 'number') value = value + index;
      }
      seen.add(key(value));
      return value;
    })
    .slice(0, schema.maxItems ?? items.length);
}

function inferType(schema: SchemaObject): string {
  if (schema.properties || schema.additionalProperties || schema.required) return 'object';
  if (schema.items || schema.prefixItems) return 'array';
  if (schema.pattern || schema.format || schema.minLength !== undefined) return 'string';
  if (schema.minimum !== undefined || schema.maximum !== undefined) return 'number';
  return 'object';
}
