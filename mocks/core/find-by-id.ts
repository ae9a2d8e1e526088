import { problems } from './problem.ts';

/**
 * The item with this id, or the sandbox's 404 naming what was asked for (`No message with id msg_1 exists …`) and the
 * request field that held the id (the path's `id` unless told otherwise).
 */
export function findById<T extends { id: string }>(
  items: readonly T[],
  id: string,
  what: string,
  pointer = '/path/id',
): T {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw problems.notFound(what, id, pointer);
  return item;
}
