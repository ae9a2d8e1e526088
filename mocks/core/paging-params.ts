/** How a generic list is paged, read from the names of its list operation's query parameters. */
import { deref, type OpenApiDocument, type Operation, type SchemaObject } from './openapi.ts';
import { normaliseName } from './resource-schema.ts';

export interface Pagination {
  /** The page-size parameter (`limit`, `per_page`, `PageSize`) and its default. */
  limit?: { name: string; fallback: number };
  /** A cursor naming the last item seen (`starting_after`, `after`) or the first one (`ending_before`, `before`). */
  after?: string;
  before?: string;
  /** An opaque token the previous page returned (`cursor`, `page_token`, `PageToken`). */
  token?: string;
  offset?: string;
  page?: { name: string; first: number };
}

const LIMIT_NAMES = [
  'limit',
  'per_page',
  'perpage',
  'page_size',
  'pagesize',
  'count',
  'max_results',
  'maxresults',
  'size',
  'top',
];
const AFTER_NAMES = ['starting_after', 'after', 'since_id', 'after_id'];
const BEFORE_NAMES = ['ending_before', 'before', 'before_id'];
const TOKEN_NAMES = [
  'cursor',
  'page_token',
  'pagetoken',
  'next_token',
  'continuation_token',
  'continuationtoken',
  'skiptoken',
  'token',
];
const OFFSET_NAMES = ['offset', 'skip', 'start'];
const PAGE_NAMES = ['page', 'page_number', 'pagenumber'];

export function paginationOf(document: OpenApiDocument, list: Operation): Pagination {
  const query = list.parameters.filter((parameter) => parameter.in === 'query');
  const named = (names: string[]) =>
    query.find((parameter) => names.some((name) => normaliseName(name) === normaliseName(parameter.name)));
  const pagination: Pagination = {};
  const limit = named(LIMIT_NAMES);
  if (limit) {
    const schema = deref<SchemaObject>(document, limit.schema as SchemaObject) ?? {};
    const fallback =
      typeof schema.default === 'number'
        ? schema.default
        : typeof schema.maximum === 'number'
          ? Math.min(schema.maximum, 20)
          : 20;
    pagination.limit = { name: limit.name, fallback };
  }
  const after = named(AFTER_NAMES);
  if (after) pagination.after = after.name;
  const before = named(BEFORE_NAMES);
  if (before) pagination.before = before.name;
  const token = named(TOKEN_NAMES);
  if (token) pagination.token = token.name;
  const offset = named(OFFSET_NAMES);
  if (offset) pagination.offset = offset.name;
  const page = named(PAGE_NAMES);
  if (page) {
    const schema = deref<SchemaObject>(document, page.schema as SchemaObject) ?? {};
    pagination.page = { name: page.name, first: schema.minimum === 0 || schema.default === 0 ? 0 : 1 };
  }
  return pagination;
}
