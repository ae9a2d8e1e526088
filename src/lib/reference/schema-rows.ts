/**
 * A schema as rows of a table that a reader can scan: one row per field, nested fields indented under their parent
 * (`driver.vehicle.make`) and alternatives (`oneOf`) as labelled groups. A field whose type is a named schema
 * (`components/schemas/…`) links to that schema's own page instead of repeating its fields, so a page grows with
 * what the operation itself declares, never with the size of the document's schema graph. Inline objects deeper
 * than the table shows fold under their row.
 */
import { resolvePointer, type OpenApiDocument, type Schema } from '../../../mocks/core/openapi.ts';
import { isNullable, merged, nonNull, refOf, resolveSafely, schemaNameOf } from './schema-refs';
import { constraintsOf, isScalar, ownConstraints, typeOf, variantLabel } from './schema-words';

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

function uniqueAnchor(state: Walk, path: string): string {
  const base = anchorFor(state.idPrefix, path);
  let anchor = base;
  for (let n = 2; state.used.has(anchor); n++) anchor = `${base}-${n}`;
  state.used.add(anchor);
  return anchor;
}

const anchorFor = (prefix: string, path: string) =>
  `${prefix}-${path.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/g, '')}`;
