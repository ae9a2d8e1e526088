/**
 * The page of every named schema (`components/schemas`; Swagger 2.0 `definitions` arrive there upgraded): its fields
 * one level deep with named fields linked, its variants, an example, and the pages that link to it. Each page is
 * built from the schema alone and from links the other pages already computed, so its cost does not grow with the
 * size of the document.
 */
import type { OpenApiDocument, SchemaObject } from '../../../mocks/core/openapi.ts';
import { fragmentToken } from '../../../mocks/core/openapi.ts';
import { metaTitle } from './meta';
import { merged } from './schema-refs';
import { linkedSchemas, schemaRows, type SchemaRow } from './schema-rows';
import { typeOf } from './schema-words';

/** Named schema → its page, from the site root. */
export type SchemaLinks = ReadonlyMap<string, string>;

/** A page that links to a schema: an operation (`POST /customers`) or a webhook. */
export interface UsedBy {
  href: string;
  title: string;
  method: string;
  path: string;
}

export interface SchemaView {
  name: string;
  slug: string;
  /** The page, from the site root: `/reference/payments/schemas/customer/`. */
  href: string;
  title: string;
  /** The schema's own description (CommonMark), or its title. */
  description?: string | undefined;
  /** The schema's type in words: `object`, `string`, `Card or BankAccount`. */
  type: string;
  rows: SchemaRow[];
  example?: string | undefined;
  /** Operations and webhooks whose page links here, in the document's order. */
  usedBy: UsedBy[];
  /** Other schemas whose page links here. */
  usedIn: { name: string; href: string }[];
}

/** `Engine Room Payments API` → `Payments API`; a vendor's title as it is. */
export const shortTitle = (title: string) => title.replace(/^Engine Room\s+/, '');

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

/** Rows of the API's own tables, with each named schema's page attached (recursively, folded rows too). */
export function withLinks(rows: SchemaRow[], links: SchemaLinks): SchemaRow[] {
  for (const row of rows) {
    if (row.schema) row.link = links.get(row.schema);
    if (row.folded) withLinks(row.folded, links);
  }
  return rows;
}

export function schemaPages(
  document: OpenApiDocument,
  links: SchemaLinks,
  pages: readonly (UsedBy & { schemas: readonly string[] })[],
  exampleOf: (schemaPointer: string) => string | undefined,
): SchemaView[] {
  const schemas = document.components?.schemas ?? {};
  const views = Object.keys(schemas).map((name): SchemaView => {
    const href = links.get(name)!;
    const slug = href.split('/').filter(Boolean).pop()!;
    const pointer = `#/components/schemas/${fragmentToken(name)}`;
    const schema = merged(document, { $ref: pointer }) as SchemaObject | undefined;
    const rows = withLinks(schemaRows(document, { $ref: pointer }, `schema-${slug}`), links);
    return {
      name,
      slug,
      href,
      // Every API has its Problem or Event: the API's name keeps each title unique across the site.
      title: metaTitle(`${name} schema (${shortTitle(document.info.title)})`),
      description: text(schema?.description) ?? text(schema?.title),
      type: typeOf(document, schema),
      rows,
      example: exampleOf(pointer),
      usedBy: [],
      usedIn: [],
    };
  });
  const byName = new Map(views.map((view) => [view.name, view]));
  for (const { href, title, method, path, schemas: names } of pages) {
    for (const name of names) byName.get(name)?.usedBy.push({ href, title, method, path });
  }
  for (const view of views) {
    for (const name of linkedSchemas(view.rows)) {
      if (name !== view.name) byName.get(name)?.usedIn.push({ name: view.name, href: view.href });
    }
  }
  return views;
}
