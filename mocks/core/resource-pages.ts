import { ProblemError } from './problem.ts';
import type { Collection } from './rest-shape.ts';
import { normaliseName } from './resource-schema.ts';

type Resource = Record<string, unknown>;

/** One page of a generic list, and how to write its paging fields into the answer the spec documents. */
export interface ResourcePage {
  items: Resource[];
  /** Set `has_more`, the next cursor or token, the next link and totals where `body` has such fields. */
  annotate(body: Resource, valid: (value: unknown) => boolean): Resource;
}

const HAS_MORE = new Set(['hasmore', 'more', 'hasnextpage', 'hasnext']);
const NEXT_TOKEN = new Set([
  'nextcursor',
  'cursor',
  'nextpagetoken',
  'nexttoken',
  'continuationtoken',
  'nextpagecursor',
  'endcursor',
]);
const NEXT_LINK = new Set(['next', 'nextpageurl', 'nexturl', 'nextlink', 'nextpage', 'odatanextlink']);
const TOTAL = new Set(['total', 'totalcount', 'totalresults', 'totalitems', 'totalsize']);
const PAGE = new Set(['page', 'pagenumber', 'currentpage']);
const PAGE_SIZE = new Set(['pagesize', 'perpage', 'limit']);

/**
 * A page of `items` (newest first) as the list operation's query asks for it, in the spec's own paging style: a
 * cursor naming the last item seen (`starting_after`, `after`) or the first (`ending_before`, `before`), an opaque
 * token the previous page returned (`cursor`, `page_token`), an `offset`, or a `page` number.
 */
export function pageOf(
  items: Resource[],
  collection: Collection,
  query: Record<string, unknown>,
  url: URL,
): ResourcePage {
  const paging = collection.pagination;
  const asked = paging.limit ? Number(query[paging.limit.name]) : NaN;
  const limit = Number.isFinite(asked) && asked > 0 ? asked : (paging.limit?.fallback ?? Math.max(items.length, 1));
  const idOf = (item: Resource) => String(item[collection.idField]);
  const position = (name: string) => {
    const index = items.findIndex((item) => idOf(item) === String(query[name]));
    if (index < 0) throw badCursor(name, `must be the ${collection.idField} of an item in this list`);
    return index;
  };
  let start = 0;
  let end: number | undefined;
  if (paging.after && query[paging.after] !== undefined) start = position(paging.after) + 1;
  else if (paging.before && query[paging.before] !== undefined) {
    end = position(paging.before);
    start = Math.max(0, end - limit);
  } else if (paging.token && query[paging.token] !== undefined && query[paging.token] !== '') {
    start = decodeToken(String(query[paging.token]), paging.token);
  } else if (paging.offset && query[paging.offset] !== undefined)
    start = Math.max(0, Number(query[paging.offset]) || 0);
  else if (paging.page && query[paging.page.name] !== undefined)
    start = Math.max(0, (Number(query[paging.page.name]) - paging.page.first) * limit) || 0;
  const stop = end ?? start + limit;
  const pageItems = items.slice(start, stop);
  const hasMore = stop < items.length;

  const nextUrl = () => {
    const next = new URL(url);
    if (paging.after) next.searchParams.set(paging.after, idOf(pageItems.at(-1)!));
    else if (paging.token) next.searchParams.set(paging.token, encodeToken(stop));
    else if (paging.offset) next.searchParams.set(paging.offset, String(stop));
    else if (paging.page) next.searchParams.set(paging.page.name, String(Math.floor(stop / limit) + paging.page.first));
    if (paging.limit) next.searchParams.set(paging.limit.name, String(limit));
    return next.href;
  };
  const valueFor = (name: string, current: unknown): { value?: unknown; remove?: boolean } | undefined => {
    const normal = normaliseName(name);
    if (HAS_MORE.has(normal) && typeof current === 'boolean') return { value: hasMore };
    if (NEXT_TOKEN.has(normal) && (typeof current === 'string' || current === null))
      return hasMore
        ? { value: paging.after ? idOf(pageItems.at(-1)!) : encodeToken(stop) }
        : { value: null, remove: true };
    if (NEXT_LINK.has(normal) && (typeof current === 'string' || current === null))
      return hasMore && pageItems.length > 0 ? { value: nextUrl() } : { value: null, remove: true };
    if (TOTAL.has(normal) && typeof current === 'number') return { value: items.length };
    if (PAGE.has(normal) && typeof current === 'number')
      return { value: Math.floor(start / limit) + (paging.page?.first ?? 0) };
    if (PAGE_SIZE.has(normal) && typeof current === 'number') return { value: limit };
    return undefined;
  };

  return {
    items: pageItems,
    annotate(body, valid) {
      const result = structuredClone(body);
      // The paging fields sit at the top (`has_more`) or one level down (`meta.next_page_url`, `response_metadata`).
      const holders: Resource[] = [result];
      for (const value of Object.values(result))
        if (value && typeof value === 'object' && !Array.isArray(value)) holders.push(value as Resource);
      for (const holder of holders) {
        for (const [name, current] of Object.entries(holder)) {
          const change = valueFor(name, current);
          if (!change) continue;
          holder[name] = change.value;
          if (valid(result)) continue;
          // No next page: an empty string or no field at all, whichever the schema takes.
          if (change.remove) {
            holder[name] = '';
            if (valid(result)) continue;
            delete holder[name];
            if (valid(result)) continue;
          }
          holder[name] = current;
        }
      }
      return result;
    },
  };
}

/** Opaque page tokens hold an offset; clients must not read them, and the sandbox checks them. */
const encodeToken = (offset: number) => btoa(`sandbox:${offset}`).replace(/=+$/, '');

function decodeToken(token: string, name: string): number {
  try {
    const match = /^sandbox:(\d+)$/.exec(atob(token));
    if (match) return Number(match[1]);
  } catch {
    // Not base64: reported below like any other token this sandbox did not issue.
  }
  throw badCursor(name, 'must be a token from an earlier page of this list');
}

const badCursor = (name: string, detail: string) =>
  new ProblemError(400, `${name} ${detail}.`, { errors: [{ pointer: `/query/${name}`, detail }] });
