/**
 * A schema as rows of a table that a reader can scan: one row per field, nested fields indented under their parent
 * (`driver.vehicle.make`) and alternatives (`oneOf`) as labelled groups. A field whose type is a named schema
 * (`components/schemas/…`) links to that schema's own page instead of repeating its fields, so a page grows with
 * what the operation itself declares, never with the size of the document's schema graph. Inline objects deeper
 * than the table shows fold under their row.
 */
import { resolvePointer, type OpenApiDocument, type Schema, type SchemaObject } from '../../../mocks/core/openapi.ts';

export interface SchemaRow {
  /** Dotted path from the root (`data[].id`), also used to build the row's anchor. */
  path: string;
  name: string;
  depth: number;
  type: string;
  required: boolean;
  description?: string | undefined;
  /** Allowed values, formats and limits, in words: "one of usd, eur", "≥ 50". */
  constraints: string[];
  /** Set when this row repeats an (unnamed) schema that is already open above it: the anchor to link to. */
  circularTo?: string | undefined;
  /** A heading row for one alternative of a `oneOf`/`anyOf`. */
  variant?: string | undefined;
  anchor: string;
  /** The named schema this row's value is (`Customer`), whose page has its fields. */
  schema?: string | undefined;
  /** That schema's page, from the site root (`/reference/payments/schemas/customer/`); set by the API model. */
  link?: string | undefined;
  /** Set when the row's `$ref` points to nothing in the document: the name it asked for. */
  missing?: string | undefined;
  /** Fields of an inline object below the depth a table shows, shown folded under this row. */
  folded?: SchemaRow[] | undefined;
}

/** Inline objects are shown as rows this deep; deeper ones fold under their parent row. */
export const SHOWN_DEPTH = 3;
/** A last bound for inline nesting that no real schema reaches (folded rows count too). */
const MAX_DEPTH = 12;
const NAMED = '#/components/schemas/';

/** The name of a `#/components/schemas/<name>` reference, or undefined for any other schema. */
export function schemaNameOf(schema: Schema | undefined): string | undefined {
  const ref = refOf(schema);
  if (!ref?.startsWith(NAMED)) return undefined;
  const rest = ref.slice(NAMED.length);
  return rest.includes('/') ? undefined : decodeURIComponent(rest).replace(/~1/g, '/').replace(/~0/g, '~');
}

export function schemaRows(
  document: OpenApiDocument,
  schema: Schema | undefined,
  idPrefix: string,
  /** Expand a named root (a body that is `$ref: Customer` lists Customer's fields); schema pages do the same. */
  options: { expandRoot?: boolean } = { expandRoot: true },
): SchemaRow[] {
  const rows: SchemaRow[] = [];
  const state: Walk = { rows, idPrefix, path: '', anchorPath: '', depth: 0, open: new Map(), used: new Set() };
  const root = options.expandRoot === false ? schema : unwrapNamed(document, schema);
  walk(document, root, state);
  return rows;
}

/** Every named schema the rows link to, folded rows included: what the page "uses". */
export function linkedSchemas(rows: readonly SchemaRow[]): string[] {
  const names = new Set<string>();
  const visit = (list: readonly SchemaRow[]) => {
    for (const row of list) {
      if (row.schema) names.add(row.schema);
      if (row.folded) visit(row.folded);
    }
  };
  visit(rows);
  return [...names];
}

interface Walk {
  rows: SchemaRow[];
  idPrefix: string;
  path: string;
  /** Like `path`, but naming the oneOf/anyOf option too, so fields of two options never share an anchor. */
  anchorPath: string;
  depth: number;
  /** Anchors given out so far on this table: a last guard against two rows with one id. */
  used: Set<string>;
  /** Unnamed `$ref` targets being expanded on the current path, with the anchor of the row that opened them. */
  open: Map<string, string>;
  /** Inside the folded part of a row, below the shown depth. */
  folded?: boolean;
}

/** The root of a table is shown field by field even when it is a named schema (or an array or `X | null` of one). */
function unwrapNamed(document: OpenApiDocument, schema: Schema | undefined): Schema | undefined {
  const inner = nonNull(schema);
  const name = schemaNameOf(inner);
  if (name) return resolvePointer(document, refOf(inner)!) as Schema | undefined;
  const resolved = typeof inner === 'object' && !inner.$ref ? inner : undefined;
  const items = resolved?.items ? nonNull(resolved.items) : undefined;
  if (resolved?.type === 'array' && schemaNameOf(items)) {
    const target = resolvePointer(document, refOf(items)!) as Schema | undefined;
    return target === undefined ? schema : { ...resolved, items: target };
  }
  return schema;
}

function walk(document: OpenApiDocument, input: Schema | undefined, state: Walk): void {
  const schema = merged(document, input);
  if (!schema || state.depth > MAX_DEPTH) return;
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives && !isNullable(alternatives)) {
    alternatives.forEach((alternative, index) => {
      const label = variantLabel(document, alternative, schema, index);
      const anchorPath = `${state.anchorPath}~${index}`;
      const anchor = uniqueAnchor(state, anchorPath);
      const named = schemaNameOf(alternative);
      const row: SchemaRow = {
        path: state.path,
        name: label,
        depth: state.depth,
        type: typeOf(document, alternative),
        required: false,
        constraints: [],
        variant: label,
        anchor,
        ...linkOf(document, alternative),
      };
      state.rows.push(row);
      if (named || row.missing) return;
      // A tree whose children are "one of: this tree, a leaf" recurses through the option, not through a property.
      const target = refOf(alternative);
      if (target && state.open.has(target)) {
        row.circularTo = state.open.get(target);
        return;
      }
      const open = target ? new Map(state.open).set(target, anchor) : state.open;
      walkChildren(document, alternative, { ...state, anchorPath, depth: state.depth + 1, open });
    });
    return;
  }
  walkChildren(document, nonNull(input), state);
}

function walkChildren(document: OpenApiDocument, input: Schema | undefined, state: Walk): void {
  const schema = merged(document, input);
  if (!schema) return;
  const items = schema.items ? nonNull(schema.items) : undefined;
  if (schemaNameOf(items)) return;
  const itemSchema = merged(document, items);
  if (itemSchema && (itemSchema.properties || itemSchema.oneOf || itemSchema.anyOf)) {
    walkProperties(document, items, { ...state, path: `${state.path}[]`, anchorPath: `${state.anchorPath}[]` });
    return;
  }
  walkProperties(document, input, state);
}

function walkProperties(document: OpenApiDocument, input: Schema | undefined, state: Walk): void {
  const schema = merged(document, input);
  if (!schema?.properties) {
    const alternatives = schema?.oneOf ?? schema?.anyOf;
    if (alternatives && !isNullable(alternatives)) walk(document, input, state);
    return;
  }
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties)) {
    const path = state.path ? `${state.path}.${name}` : name;
    const anchorPath = state.anchorPath ? `${state.anchorPath}.${name}` : name;
    const anchor = uniqueAnchor(state, anchorPath);
    const inner = nonNull(property);
    const innerItems = merged(document, inner)?.items;
    const link = linkOf(document, inner, innerItems ? nonNull(innerItems) : undefined);
    const resolved = link.schema || link.missing ? undefined : merged(document, property);
    const row: SchemaRow = {
      path,
      name,
      depth: state.depth,
      type: typeOf(document, property),
      required: required.has(name),
      description: (resolved?.description ?? (typeof property === 'object' ? property.description : undefined)) as
        string | undefined,
      // A named string or number (an enum of currencies, an id format) is short: its limits are shown here too.
      constraints:
        link.missing || (link.schema && !isScalar(merged(document, inner)))
          ? ownConstraints(property)
          : constraintsOf(document, property),
      anchor,
      ...link,
    };
    state.rows.push(row);
    // A named schema has a page of its own, and a missing one has nothing to show.
    if (link.schema || link.missing) continue;
    // `X or null` is documented as X: its fields are the ones a reader gets whenever the value is there.
    const target = refOf(inner) ?? refOf(innerItems ? nonNull(innerItems) : undefined);
    if (target && state.open.has(target)) {
      row.circularTo = state.open.get(target);
      continue;
    }
    const open = new Map(state.open);
    if (target) open.set(target, anchor);
    const child: Walk = { ...state, path, anchorPath, depth: state.depth + 1, open };
    // Folding happens once, at the shown depth; rows already inside a fold stay in it.
    if (state.folded || state.depth + 1 < SHOWN_DEPTH) {
      walkChildren(document, inner, child);
      continue;
    }
    const folded: SchemaRow[] = [];
    walkChildren(document, inner, { ...child, rows: folded, folded: true });
    if (folded.length > 0) row.folded = folded;
  }
}

/** Where a value's named schema lives, or that it names one the document lacks. */
function linkOf(document: OpenApiDocument, ...candidates: (Schema | undefined)[]): Partial<SchemaRow> {
  for (const candidate of candidates) {
    const ref = refOf(candidate);
    if (!ref) continue;
    if (resolveSafely(document, ref) === undefined) return { missing: ref.split('/').pop() ?? ref };
    const name = schemaNameOf(candidate);
    if (name) return { schema: name };
  }
  return {};
}

function resolveSafely(document: OpenApiDocument, ref: string): unknown {
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

/** The `$ref` a schema stands for, also when wrapped as `allOf: [{ $ref }]`. */
function singleRef(input: Schema | undefined): Schema | undefined {
  if (typeof input === 'object' && input.allOf?.length === 1 && refOf(input.allOf[0])) return input.allOf[0];
  return input;
}

/** Limits written beside a `$ref` (a default, an example); the named schema's own are on its page. */
function ownConstraints(input: Schema | undefined): string[] {
  if (typeof input !== 'object') return [];
  const { $ref: _ref, allOf: _allOf, ...own } = input;
  return constraintsOf({} as OpenApiDocument, own);
}

function constraintsOf(document: OpenApiDocument, input: Schema | undefined): string[] {
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

function isScalar(schema: SchemaObject | undefined): boolean {
  if (!schema || schema.properties || schema.oneOf || schema.anyOf || schema.items) return false;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.every(
    (type) => type === 'string' || type === 'number' || type === 'integer' || type === 'boolean' || type === 'null',
  );
}

function variantLabel(document: OpenApiDocument, alternative: Schema, parent: SchemaObject, index: number): string {
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

const refOf = (schema: Schema | undefined) => (typeof schema === 'object' ? schema.$ref : undefined);
const isNull = (schema: Schema) => typeof schema === 'object' && (schema.type === 'null' || schema.const === null);
const isNullable = (alternatives: Schema[]) => alternatives.length === 2 && alternatives.some(isNull);
/** The X of a `oneOf: [X, null]` (or of `allOf: [X]`); any other schema as it is. */
function nonNull(input: Schema | undefined): Schema | undefined {
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
function uniqueAnchor(state: Walk, path: string): string {
  const base = anchorFor(state.idPrefix, path);
  let anchor = base;
  for (let n = 2; state.used.has(anchor); n++) anchor = `${base}-${n}`;
  state.used.add(anchor);
  return anchor;
}

const anchorFor = (prefix: string, path: string) =>
  `${prefix}-${path.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/g, '')}`;
