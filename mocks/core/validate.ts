import { dereference, validate, type OutputUnit, type Schema as CfSchema } from '@cfworker/json-schema';
import {
  escapePointer,
  fragmentKey,
  fragmentToken,
  percentDecoded,
  resolvePointer,
  schemaAt,
  type OpenApiDocument,
  type SchemaObject,
} from './openapi.ts';

/** One problem with one field, as the sandbox reports it (RFC 9457 `errors` member) and Try it shows it. */
export interface FieldError {
  /** JSON pointer to the field at fault, rooted at the part of the request: `/body/amount`, `/query/limit`. */
  pointer: string;
  detail: string;
}

/** Keywords whose errors only say that something below them failed: the errors below say what. */
const WRAPPERS = new Set([
  '$ref',
  'properties',
  'patternProperties',
  'items',
  'prefixItems',
  'allOf',
  'if',
  'then',
  'else',
  'dependentSchemas',
  '$dynamicRef',
  'additionalProperties',
]);

const DOCUMENT_URI = 'urn:engine-room:spec';

/** One validator per document for callers that have none at hand (generating examples for reference pages). */
const validators = new WeakMap<OpenApiDocument, SpecValidator>();

/**
 * Validates values against schemas inside one OpenAPI 3.1 document, with JSON Schema 2020-12 semantics. `$ref`s are
 * resolved from the document root, so circular schemas work. The same instance serves the sandbox (400/422
 * answers), the contract tests and Try it's live check.
 */
export class SpecValidator {
  readonly #lookup: Record<string, CfSchema | boolean>;
  /** Schemas that are not at a pointer of the document (merged while sampling), prepared once each. */
  readonly #loose = new WeakMap<object, { schema: CfSchema; lookup: Record<string, CfSchema | boolean> }>();
  #looseCount = 0;

  readonly document: OpenApiDocument;

  constructor(document: OpenApiDocument) {
    this.document = document;
    this.#lookup = dereference(
      forValidation(document, document) as CfSchema,
      Object.create(null),
      new URL(DOCUMENT_URI),
    );
    if (!validators.has(document)) validators.set(document, this);
  }

  /** The validator of a document: the first one made for it, or a new one. */
  static for(document: OpenApiDocument): SpecValidator {
    return validators.get(document) ?? new SpecValidator(document);
  }

  /**
   * Validate `value` against the schema found at `schemaPointer` (`#/paths/~1customers/post/...`), reporting field
   * pointers under `prefix` (`/body`).
   */
  validate(schemaPointer: string, value: unknown, prefix = ''): FieldError[] {
    const root = { $ref: this.#index(schemaPointer) };
    const result = validate(value, root, '2020-12', this.#lookup, false);
    return result.valid ? [] : this.#explain(result.errors, root, prefix);
  }

  /**
   * Whether `value` is valid against `schema`, a schema object of the document or one made from its parts; `$ref`s
   * resolve from the document's root. `pointer`, when given, says where `schema` is in the document.
   */
  accepts(schema: SchemaObject | boolean, value: unknown, pointer?: string): boolean {
    if (typeof schema === 'boolean') return schema;
    if (pointer !== undefined && resolvePointer(this.document, pointer) === schema) {
      return validate(value, { $ref: this.#index(pointer) }, '2020-12', this.#lookup, true).valid;
    }
    let prepared = this.#loose.get(schema);
    if (!prepared) {
      // A lookup of its own that falls back to the document's, so loose schemas never crowd the shared index.
      const lookup = Object.create(this.#lookup) as Record<string, CfSchema | boolean>;
      const copy = forValidation(schema, this.document) as CfSchema;
      dereference(copy, lookup, new URL(`${DOCUMENT_URI}#/x-sample/${++this.#looseCount}`));
      prepared = { schema: copy, lookup };
      this.#loose.set(schema, prepared);
    }
    return validate(value, prepared.schema, '2020-12', prepared.lookup, true).valid;
  }

  /** The URI the schema at `schemaPointer` is indexed under, indexing it on first use. */
  #index(schemaPointer: string): string {
    // The validator indexes subschemas by URI, each key encoded as it encodes them (`{id}` as `%7Bid%7D`, `#` as
    // `%23`): the tokens are decoded first, so a pointer from a `$ref` (`%7Bid%7D`) or from fragmentToken (`100%25`)
    // finds the schema it indexed up front instead of indexing it again under an encoding of its own.
    const uri = `${DOCUMENT_URI}${validatorFragment(schemaPointer)}`;
    if (!(uri in this.#lookup)) {
      // Schemas inside arrays that are not JSON Schema keywords (an operation's `parameters`) are not indexed up
      // front; index them on first use, relative to the document so that their `$ref`s resolve from its root.
      const schema = forValidation(resolvePointer(this.document, schemaPointer), this.document);
      if (schema === undefined) throw new Error(`No schema at ${schemaPointer}`);
      dereference(schema as CfSchema, this.#lookup, new URL(uri));
    }
    return uri;
  }

  #explain(errors: OutputUnit[], root: SchemaObject, prefix: string): FieldError[] {
    const alternatives = errors
      .filter((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf')
      .map((error) => error.keywordLocation);
    const found = new Map<string, FieldError>();
    for (const error of errors) {
      if (WRAPPERS.has(error.keyword)) continue;
      // Inside a failed oneOf/anyOf, each branch's complaints would contradict each other; report the choice once.
      if (alternatives.some((location) => error.keywordLocation.startsWith(`${location}/`))) continue;
      const field = this.#describe(error, root);
      // The validator writes the field's location as a URI fragment (`/pet%20food`); a 400 names fields with plain
      // RFC 6901 pointers, as the suffixes below do, so the same field reads the same in every complaint.
      const location = error.instanceLocation
        .replace(/^#/, '')
        .split('/')
        .map((token) => escapePointer(fragmentKey(token)))
        .join('/');
      const pointer = `${prefix}${location}${field.suffix ?? ''}`;
      found.set(`${pointer} ${field.detail}`, { pointer, detail: field.detail });
    }
    return [...found.values()];
  }

  #describe(error: OutputUnit, root: SchemaObject): { detail: string; suffix?: string } {
    const schema = this.#schemaAt(root, error.keywordLocation);
    const named = /"([^"]+)"/.exec(error.error)?.[1];
    switch (error.keyword) {
      case 'type':
        return { detail: `must be ${article(schema?.type)}` };
      case 'required':
        return { detail: 'is required', suffix: named ? `/${escapePointer(named)}` : '' };
      case 'false':
      case 'unevaluatedProperties':
        return error.keyword === 'false'
          ? { detail: 'is not a known field' }
          : { detail: 'is not a known field', suffix: named ? `/${escapePointer(named)}` : '' };
      case 'minimum':
        return { detail: `must be at least ${schema?.minimum}` };
      case 'maximum':
        return { detail: `must be at most ${schema?.maximum}` };
      case 'exclusiveMinimum':
        return { detail: `must be greater than ${schema?.exclusiveMinimum}` };
      case 'exclusiveMaximum':
        return { detail: `must be less than ${schema?.exclusiveMaximum}` };
      case 'minLength':
        return { detail: `must be at least ${schema?.minLength} characters long` };
      case 'maxLength':
        return { detail: `must be at most ${schema?.maxLength} characters long` };
      case 'minItems':
        return { detail: `must have at least ${schema?.minItems} items` };
      case 'maxItems':
        return { detail: `must have at most ${schema?.maxItems} items` };
      case 'pattern':
        return { detail: `must match the pattern ${schema?.pattern}` };
      case 'format':
        return { detail: `must be a valid ${schema?.format}` };
      case 'enum':
        return schema?.enum?.length
          ? { detail: `must be one of: ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}` }
          : { detail: 'cannot match: the spec allows no value here (empty enum)' };
      case 'const':
        return { detail: `must be ${JSON.stringify(schema?.const)}` };
      case 'oneOf':
      case 'anyOf':
        return { detail: 'does not match any of the allowed shapes' };
      default:
        return { detail: error.error.replace(/\.$/, '') };
    }
  }

  /** The schema that holds the keyword at `keywordLocation` (`#/$ref/properties/amount/minimum`). */
  #schemaAt(root: SchemaObject, keywordLocation: string): SchemaObject | undefined {
    const tokens = keywordLocation.replace(/^#\/?/, '').split('/').filter(Boolean);
    let node: unknown = root;
    for (const token of tokens.slice(0, -1)) {
      if (token === '$ref' && node && typeof node === 'object' && '$ref' in node) {
        // Walk the schemas the validator saw (examples removed, discriminators expanded), not the raw document.
        const ref = (node as { __absolute_ref__?: string }).__absolute_ref__ ?? String((node as SchemaObject).$ref);
        node = this.#lookup[ref];
      } else if (node && typeof node === 'object') {
        // The validator writes each key as a URI fragment does (`pet%20food`), so it is decoded like a `$ref`'s.
        node = (node as Record<string, unknown>)[fragmentKey(token)];
      }
    }
    return node && typeof node === 'object' ? (node as SchemaObject) : undefined;
  }
}

/** Keywords whose values are maps from names (to schemas, or to `$ref`s for `mapping`): their keys are never keywords. */
const SCHEMA_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'schemas',
  'mapping',
]);

/**
 * A copy without examples and extensions. The validator indexes every object it walks, and reads an `id` field as a
 * schema id, so an example such as `{ "id": "cus_123" }` would otherwise be taken for a schema.
 */
function forValidation(node: unknown, document: OpenApiDocument, inMap = false): unknown {
  if (Array.isArray(node)) return node.map((item) => forValidation(item, document));
  if (!node || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (!inMap && (key === 'example' || key === 'examples' || key.startsWith('x-'))) continue;
    if (!inMap && key === '$ref' && typeof value === 'string') {
      // A `$ref` to nothing (a schema the vendor forgot to ship) allows any value instead of failing every request.
      if (!schemaAt(document, value)) continue;
      // Written as the validator writes the keys it indexes, or a hand-written `100%` or `caf%C3` finds nothing.
      copy[key] = validatorFragment(value);
      continue;
    }
    // The validator reads `id` (draft 4) and `$id` as base URIs; a relative one (`"id": "pet"`) cannot be resolved
    // against the document's URN and would make every request fail.
    if (!inMap && (key === 'id' || key === '$id') && !(key === '$id' && isAbsoluteUri(value))) continue;
    copy[key] = forValidation(value, document, !inMap && SCHEMA_MAPS.has(key));
  }
  return inMap ? copy : byDiscriminator(copy as SchemaObject, document);
}

/**
 * A local pointer (`#/…`) as the validator writes the URIs of the subschemas it indexes: each token decoded, then
 * encoded with encodeURI, and `#` as `%23`. The comment in #index says why both sides must agree.
 */
const validatorFragment = (pointer: string) =>
  `#${pointer
    .slice(1)
    .split('/')
    .map((token) => encodeURI(percentDecoded(token)))
    .join('/')
    .replace(/#/g, '%23')}`;

/** A discriminator mapping value as a `$ref`: `Dog` means `#/components/schemas/Dog`. */
export const mappingRef = (target: string) =>
  target.includes('/') ? target : `#/components/schemas/${fragmentToken(target)}`;

function isAbsoluteUri(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * `oneOf` with a `discriminator` becomes "if kind is X, then schema X": a wrong field in an SMS message is then
 * reported as that field, not as "matches none of sms, email or push".
 */
function byDiscriminator(schema: SchemaObject, document: OpenApiDocument): SchemaObject {
  const branches = schema.oneOf ?? schema.anyOf;
  const property = schema.discriminator?.propertyName;
  if (!branches || !property) return schema;
  const cases: [unknown, unknown][] = [];
  if (schema.discriminator?.mapping) {
    for (const [value, target] of Object.entries(schema.discriminator.mapping)) {
      // Mapping values are `$ref`s or bare schema names; one that names nothing allows any value.
      const ref = mappingRef(target);
      cases.push([value, schemaAt(document, ref) ? { $ref: validatorFragment(ref) } : {}]);
    }
  } else {
    for (const branch of branches) {
      const target = (
        typeof branch === 'object' && branch.$ref ? resolvePointer(document, branch.$ref) : branch
      ) as SchemaObject;
      const declared = target?.properties?.[property] as SchemaObject | undefined;
      const value =
        declared?.const ??
        declared?.enum?.[0] ??
        // Without a mapping, a branch's value is its schema's name (OpenAPI's Discriminator Object), not its escapes.
        (typeof branch === 'object' && branch.$ref ? fragmentKey(branch.$ref.split('/').pop()!) : undefined);
      if (value === undefined) return schema;
      cases.push([value, branch]);
    }
  }
  const { oneOf: _oneOf, anyOf: _anyOf, ...rest } = schema;
  return {
    ...rest,
    allOf: [
      ...(rest.allOf ?? []),
      { required: [property], properties: { [property]: { enum: cases.map(([value]) => value) } } },
      ...cases.map(([value, then]) => ({
        if: { required: [property], properties: { [property]: { const: value } } },
        then,
      })),
    ],
  };
}

function article(type: unknown): string {
  const names: Record<string, string> = {
    integer: 'an integer',
    number: 'a number',
    string: 'a string',
    boolean: 'true or false',
    object: 'an object',
    array: 'an array',
    null: 'null',
  };
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => names[String(t)] ?? String(t)).join(' or ');
}
