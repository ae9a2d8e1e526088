/** Collections kept per parent: a request's collection key from the parent ids, and the 404 for a missing parent. */
import type { OpenApiDocument } from './openapi.ts';
import { ProblemError } from './problem.ts';
import type { Resource } from './resources.ts';
import type { Collection } from './rest-shape.ts';

/** The collection's key for one request: its path template with the parent's parameters filled in. */
export function collectionKey(template: string, path: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(path[name] ?? '')));
}

/**
 * A 404 when the request's path names a parent that is not there (`/users/u_nope/things`), outermost first, for
 * parents a client can create: what a real API answers, instead of keeping things under nobody.
 */
export function requireParent(
  document: OpenApiDocument,
  collection: Collection,
  path: Record<string, unknown>,
  itemsOf: (collection: Collection, key: string) => Resource[],
  /** The request's name for each of `collection`'s path parameters, when it is not their own. */
  names: Record<string, string> = {},
): void {
  const link = collection.parent;
  if (!link) return;
  const parent = link.collection;
  const parentPath = Object.fromEntries(Object.entries(link.params).map(([own, theirs]) => [own, path[theirs]]));
  const parentNames = Object.fromEntries(
    Object.entries(link.params).map(([own, theirs]) => [own, names[theirs] ?? theirs]),
  );
  requireParent(document, parent, parentPath, itemsOf, parentNames);
  const id = path[link.idParam];
  const items = itemsOf(parent, collectionKey(parent.path, parentPath));
  if (items.some((item) => String(item[parent.idField]) === String(id))) return;
  const param = names[link.idParam] ?? link.idParam;
  throw new ProblemError(
    404,
    `No ${parent.name.replace(/_/g, ' ')} with ${parent.idField} ${String(id)} exists in this sandbox; create it first.`,
    { errors: [{ pointer: `/path/${param}`, detail: 'is not the id of anything in this sandbox' }] },
  );
}
