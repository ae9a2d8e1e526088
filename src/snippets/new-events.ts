/**
 * newEvents: the events an API recorded after the last one you handled, oldest first, read from an event list in
 * the Stripe style (`GET /events`, newest first, paged with `limit` and `starting_after`).
 *
 * A polling job calls it on a timer and hands each event to the same idempotent handler as the webhook endpoint, so
 * anything a failed webhook delivery missed is caught up. Store the id of the last event handled (in your database,
 * so a restart carries on where it stopped) and pass it next time.
 *
 * Without a last id, or with one that is no longer in the list (providers keep events for a limited time), it
 * returns every event the list still holds. It reads no further than the last id, one page at a time, through
 * listAll, which retries a failed page.
 */
import { listAll, type ListAllOptions } from './list-all.ts';

/** An event as event lists and webhooks carry it: what happened, when, and a snapshot of the object. */
export interface ApiEvent {
  id: string;
  type: string;
  created_at: string;
  data: { object: unknown };
}

export async function newEvents<E extends { id: string } = ApiEvent>(
  eventsUrl: string | URL,
  init: RequestInit,
  lastSeenId: string | undefined,
  options: ListAllOptions<E> = {},
): Promise<E[]> {
  const newer: E[] = [];
  for await (const event of listAll<E>(eventsUrl, init, options)) {
    if (event.id === lastSeenId) break; // everything from here on was handled before
    newer.push(event);
  }
  return newer.reverse(); // handle them in the order they happened
}
