/** Which stored items a list's query asks for (`?status=active`): the filters a generic list applies before paging. */
import type { OpenApiDocument, Operation } from './openapi.ts';
import { isPlainObject } from './resource-build.ts';
import { normaliseName, propertiesAt } from './resource-schema.ts';
import type { Resource } from './resources.ts';
import type { Collection, OperationSandboxExtension } from './rest-shape.ts';

/** Query parameters that shape a list rather than pick its items, whatever the resource's fields are called. */
const NOT_FILTERS = new Set(['sort', 'sortby', 'order', 'orderby', 'direction', 'fields', 'expand', 'include']);

/**
 * The items a list's query asks for: each query parameter the operation declares that is named like a top-level
 * field of the resource (`?status=active`, `?email=a@b.co`) keeps the items whose field equals its value; an array
 * parameter (`?status=active,past_due`) keeps those equal to any of its values, and a field that is an array (`tags`)
 * matches when it holds one. Paging parameters, ranges (`created[gte]`) and `x-sandbox: { filters }` aside.
 */
export function filtered(
  document: OpenApiDocument,
  collection: Collection,
  operation: Operation,
  query: Record<string, unknown>,
  items: Resource[],
): Resource[] {
  const own = (operation.operation as { 'x-sandbox'?: OperationSandboxExtension })['x-sandbox']?.filters;
  if (own === 'none') return items;
  const paging = collection.pagination;
  const pagingNames = new Set(
    [paging.limit?.name, paging.after, paging.before, paging.token, paging.offset, paging.page?.name].filter(
      (name) => name !== undefined,
    ),
  );
  const properties = collection.schemaPointer ? propertiesAt(document, collection.schemaPointer) : new Map();
  const fields = new Map(
    [...(properties.size > 0 ? properties.keys() : items.flatMap((item) => Object.keys(item)))].map((name) => [
      normaliseName(name),
      name as string,
    ]),
  );
  const filters: [string, unknown[]][] = [];
  for (const parameter of operation.parameters) {
    const value = query[parameter.name];
    if (parameter.in !== 'query' || value === undefined || value === '') continue;
    if (
      own
        ? !own.includes(parameter.name)
        : pagingNames.has(parameter.name) || NOT_FILTERS.has(normaliseName(parameter.name))
    )
      continue;
    const field = fields.get(normaliseName(parameter.name));
    const wanted = Array.isArray(value) ? value : [value];
    if (!field || wanted.length === 0 || wanted.some((one) => one !== null && typeof one === 'object')) continue;
    filters.push([field, wanted]);
  }
  if (filters.length === 0) return items;
  const same = (stored: unknown, wanted: unknown) =>
    // An expandable reference (`customer: "cus_1"` or `customer: { id: "cus_1", … }`) matches by its id.
    String(isPlainObject(stored) && 'id' in stored ? stored.id : stored) === String(wanted);
  return items.filter((item) =>
    filters.every(([field, wanted]) => {
      const stored = item[field];
      const values = Array.isArray(stored) ? stored : [stored];
      return stored !== undefined && values.some((one) => wanted.some((want) => same(one, want)));
    }),
  );
}
