import { ProblemError } from '../../core/problem.ts';
import type { components } from '../../generated/types/storage.ts';
import { byCodeUnits, withCommas } from './objects.ts';

export type StoredDocument = components['schemas']['Document'];
type Json = unknown;

/** 64 KiB, measured as the compact JSON of the data, which is what the sandbox stores. */
export const MAX_DOCUMENT_BYTES = 64 * 1024;

export const documentETag = (document: StoredDocument) => `"${document.version}"`;

export function checkDocumentSize(data: Record<string, Json>): void {
  const size = new TextEncoder().encode(JSON.stringify(data)).length;
  if (size > MAX_DOCUMENT_BYTES) {
    throw new ProblemError(
      413,
      `The document is ${withCommas(size)} bytes as JSON; documents may be at most ${withCommas(MAX_DOCUMENT_BYTES)} bytes (64 KiB).`,
    );
  }
}

/**
 * Optimistic concurrency (RFC 9110 If-Match, strong comparison): the change goes ahead only if the client read the
 * version that is there now. No header means the last write wins, as the spec says.
 */
export function checkIfMatch(document: StoredDocument, ifMatch: string | undefined): void {
  if (ifMatch === undefined) return;
  const current = documentETag(document);
  const tags = ifMatch.split(',').map((tag) => tag.trim());
  if (tags.includes('*') || tags.includes(current)) return;
  // An unquoted version is the most likely mistake; saying so saves the reader a puzzling 412.
  const hint = tags.some((tag) => /^\d+$/.test(tag)) ? ' ETags include their double quotes.' : '';
  throw new ProblemError(
    412,
    `If-Match was ${ifMatch}, but the document is now at version ${document.version} (ETag ${current}). Read it again, reapply your change and retry.${hint}`,
  );
}

const isPlainObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON Merge Patch, RFC 7396 section 2, on copies: neither argument is changed. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isPlainObject(patch)) return patch;
  const result: Record<string, Json> = isPlainObject(target) ? { ...target } : {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete result[name];
    else result[name] = mergePatch(result[name], value);
  }
  return result;
}

/**
 * `where[field]=value`: values arrive as text, so a string field must equal the text and a number, boolean or null
 * must have it as its JSON text; objects, arrays and missing fields never match.
 */
export function matchesWhere(document: StoredDocument, where: Record<string, string> | undefined): boolean {
  return Object.entries(where ?? {}).every(([field, wanted]) => {
    if (!Object.hasOwn(document.data, field)) return false;
    const value = document.data[field];
    if (typeof value === 'string') return value === wanted;
    if (typeof value === 'number' || typeof value === 'boolean' || value === null)
      return JSON.stringify(value) === wanted;
    return false;
  });
}

/** Numbers, then strings, then everything else (missing, null, booleans, objects, arrays) whatever the direction. */
function rank(value: Json): number {
  if (typeof value === 'number') return 0;
  if (typeof value === 'string') return 1;
  return 2;
}

/**
 * The comparator for `order_by` (`created_at`, `updated_at` or `data.<field>`, `-` for descending). The direction
 * applies within numbers and within strings; ties, and the values that cannot be ordered, go by id so that pages
 * stay stable.
 */
export function documentOrder(orderBy = 'created_at'): (a: StoredDocument, b: StoredDocument) => number {
  const descending = orderBy.startsWith('-');
  const field = descending ? orderBy.slice(1) : orderBy;
  const valueOf = (document: StoredDocument): Json =>
    field.startsWith('data.')
      ? Object.hasOwn(document.data, field.slice(5))
        ? document.data[field.slice(5)]
        : undefined
      : // Timestamps compare as instants: seeded ones have no milliseconds, new ones do.
        Date.parse(document[field as 'created_at' | 'updated_at']);
  return (a, b) => {
    const [x, y] = [valueOf(a), valueOf(b)];
    const byRank = rank(x) - rank(y);
    if (byRank !== 0) return byRank;
    let byValue = 0;
    if (typeof x === 'number' && typeof y === 'number') byValue = x - y;
    else if (typeof x === 'string' && typeof y === 'string') byValue = byCodeUnits(x, y);
    return (descending ? -byValue : byValue) || byCodeUnits(a.id, b.id);
  };
}
