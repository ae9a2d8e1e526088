import { ProblemError } from './problem.ts';

export interface Page<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
}

/**
 * Cursor pagination over a list in its display order: `starting_after` is the id of the last item the client saw.
 * Cursors survive inserts, unlike page numbers, which is why most payment and messaging APIs use them.
 */
export function paginate<T>(
  items: readonly T[],
  query: { limit?: unknown; starting_after?: unknown },
  /** What `starting_after` refers to: the `id` by default; a bucket's `name` or an object's `key` elsewhere. */
  cursorOf: (item: T) => string = (item) => (item as { id: string }).id,
): Page<T> {
  const limit = typeof query.limit === 'number' ? query.limit : 10;
  let start = 0;
  if (typeof query.starting_after === 'string') {
    const index = items.findIndex((item) => cursorOf(item) === query.starting_after);
    if (index < 0) {
      throw new ProblemError(
        400,
        `starting_after must be the id of an item in this list; ${query.starting_after} is not.`,
        {
          errors: [{ pointer: '/query/starting_after', detail: 'is not the id of an item in this list' }],
        },
      );
    }
    start = index + 1;
  }
  const data = items.slice(start, start + limit);
  return { object: 'list', data, has_more: start + limit < items.length };
}
