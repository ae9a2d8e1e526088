/**
 * A schema as rows of a table that a reader can scan: one row per field, nested fields indented under their parent
 * (`driver.vehicle.make`), alternatives (`oneOf`) as labelled groups, and a circular reference shown as a link back
 * to the row where that schema was first expanded, never expanded again.
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
  /** Set when this row repeats a schema that is already open above it: the anchor to link to. */
  circularTo?: string | undefined;
  /** A heading row for one alternative of a `oneOf`/`anyOf`. */
  variant?: string | undefined;
  anchor: string;
}

const MAX_DEPTH = 12;

export function schemaRows(document: OpenApiDocument, schema: Schema | undefined, idPrefix: string): SchemaRow[] {
  const rows: SchemaRow[] = [];
  walk(document, schema, { rows, idPrefix, path: '', anchorPath: '', depth: 0, open: new Map(), used: new Set() });
  return rows;
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
  /** Schemas ($ref targets) being expanded on the current path, with the anchor of the row that opened them. */
  open: Map<string, string>;
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
      const row: SchemaRow = {
        path: state.path,
        name: label,
        depth: state.depth,
        type: typeOf(document, alternative),
        required: false,
        constraints: [],
        variant: label,
        anchor,
      };
      state.rows.push(row);
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
  walkChildren(document, nonNull(document, input), state);
}

function walkChildren(document: OpenApiDocument, input: Schema | undefined, state: Walk): void {
  const schema = merged(document, input);
  if (!schema) return;
  const items = schema.items ? nonNull(document, schema.items) : undefined;
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
    const resolved = merged(document, property);
    const row: SchemaRow = {
      path,
      name,
      depth: state.depth,
      type: typeOf(document, property),
      required: required.has(name),
      description: (resolved?.description ?? (typeof property === 'object' ? property.description : undefined)) as
        string | undefined,
      constraints: constraintsOf(document, property),
      anchor,
    };
    state.rows.push(row);
    // `X or null` is documented as X: its fields are the ones a reader gets whenever the value is there.
    const inner = nonNull(document, property);
    const innerItems = merged(document, inner)?.items;
    const target = refOf(inner) ?? refOf(innerItems ? nonNull(document, innerItems) : undefined);
    if (target && state.open.has(target)) {
      row.circularTo = state.open.get(target);
      continue;
    }
    const open = new Map(state.open);
    if (target) open.set(target, anchor);
    walkChildren(document, inner, { ...state, path, anchorPath, depth: state.depth + 1, open });
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
    const target = resolvePointer(document, input.$ref) as Schema | undefined;
    const resolved = merged(document, target, new Set([...seen, input.$ref]));
    const { $ref: _ref, ...siblings } = input;
    return resolved ? { ...resolved, ...siblings } : undefined;
  }
  if (!input.allOf) return input;
  const result: SchemaObject = { ...input, properties: { ...input.properties }, required: [...(input.required ?? [])] };
  delete result.allOf;
  for (const part of input.allOf) {
    const piece = merged(document, part, seen);
    if (!piece) continue;
    Object.assign(result.properties!, piece.properties);
    result.required!.push(...(piece.required ?? []));
    for (const key of ['type', 'description', 'oneOf', 'anyOf', 'items', 'enum'] as const)
      result[key] ??= piece[key] as never;
  }
  if (Object.keys(result.properties!).length === 0) delete result.properties;
  return result;
}

export function typeOf(document: OpenApiDocument, input: Schema | undefined): string {
  const schema = merged(document, input);
  if (!schema) return typeof input === 'boolean' ? 'any' : 'object';
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const parts = alternatives.map((alternative) => typeOf(document, alternative));
    return [...new Set(parts)].join(' or ');
  }
  const name = refOf(input)?.split('/').pop();
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const described = types.map((type) => {
    if (type === 'array') return `array of ${typeOf(document, schema.items)}`;
    if (type === 'object' && name) return name;
    if (type === 'string' && schema.format) return `string (${schema.format})`;
    return type;
  });
  if (described.length === 0) {
    if (schema.const !== undefined) return typeof schema.const;
    if (schema.enum) return typeof schema.enum[0];
    if (schema.properties) return name ?? 'object';
    return 'any';
  }
  return described.join(' or ');
}

function constraintsOf(document: OpenApiDocument, input: Schema | undefined): string[] {
  const schema = merged(document, input);
  if (!schema) return [];
  const out: string[] = [];
  if (schema.const !== undefined) out.push(`always ${JSON.stringify(schema.const)}`);
  if (schema.enum) out.push(`one of ${schema.enum.map((value) => JSON.stringify(value)).join(', ')}`);
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

function variantLabel(document: OpenApiDocument, alternative: Schema, parent: SchemaObject, index: number): string {
  const property = parent.discriminator?.propertyName;
  const resolved = merged(document, alternative);
  const discriminated = property ? (resolved?.properties?.[property] as SchemaObject | undefined) : undefined;
  const value = discriminated?.const ?? discriminated?.enum?.[0];
  if (property && value !== undefined) return `When ${property} is ${JSON.stringify(value)}`;
  const name = resolved?.title ?? refOf(alternative)?.split('/').pop();
  return `Option ${index + 1}${name ? `: ${name}` : ''}`;
}

const refOf = (schema: Schema | undefined) => (typeof schema === 'object' ? schema.$ref : undefined);
const isNull = (schema: Schema) => typeof schema === 'object' && (schema.type === 'null' || schema.const === null);
const isNullable = (alternatives: Schema[]) => alternatives.length === 2 && alternatives.some(isNull);
/** The X of a `oneOf: [X, null]`; any other schema as it is. */
function nonNull(document: OpenApiDocument, input: Schema | undefined): Schema | undefined {
  const schema = merged(document, input);
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
