import { describe, expect, test } from 'vitest';
import { createEngineRoomSandbox } from '../../../mocks/catalog.ts';
import type { RetryOptions } from '../fetch-with-retry.ts';
import { newEvents, type ApiEvent } from '../new-events.ts';

const EVENTS = 'http://site.test/sandbox/messaging/v1/events';

/** The messaging sandbox in memory, with a clock the test moves: messages are delivered three seconds after sending. */
function messagingSandbox() {
  let clock = new Date('2026-11-25T12:00:00Z');
  const sandbox = createEngineRoomSandbox({ now: () => clock });
  const urls: string[] = [];
  const fetch: NonNullable<RetryOptions['fetch']> = async (url, init) => {
    urls.push(String(url));
    const headers = new Headers(init.headers);
    headers.set('Authorization', 'Bearer sk_test_new_events_tests');
    const response = await sandbox.handle(new Request(url, { ...init, headers }));
    if (!response) throw new TypeError(`no sandbox handler for ${String(url)}`);
    return response;
  };
  const sendText = () =>
    fetch('http://site.test/sandbox/messaging/v1/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: 'sms', to: '+15555550100', body: 'Your table is ready.' }),
    }).then((response) => response.json() as Promise<{ id: string }>);
  const wait = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));
  return { fetch, urls, sendText, wait };
}

const summary = (events: ApiEvent[]) =>
  events.map((event) => `${event.type} ${(event.data.object as { id: string }).id}`);

describe('newEvents', () => {
  test('without a last id, returns every event in the list, oldest first', async () => {
    const { fetch } = messagingSandbox();
    const events = await newEvents(EVENTS, {}, undefined, { retry: { fetch } });
    expect(summary(events)).toEqual(['message.sent msg_demo0001', 'message.delivered msg_demo0001']);
  });

  test('returns only what happened after the last id, in the order it happened', async () => {
    const { fetch, sendText, wait } = messagingSandbox();
    const [lastSeen] = (await newEvents(EVENTS, {}, undefined, { retry: { fetch } })).slice(-1);
    const message = await sendText();
    wait(3);
    const events = await newEvents(EVENTS, {}, lastSeen?.id, { retry: { fetch } });
    expect(summary(events)).toEqual([
      `message.queued ${message.id}`,
      `message.sent ${message.id}`,
      `message.delivered ${message.id}`,
    ]);
    expect(await newEvents(EVENTS, {}, events.at(-1)?.id, { retry: { fetch } })).toEqual([]);
  });

  test('reads page after page, and no page beyond the last id', async () => {
    const { fetch, urls, sendText, wait } = messagingSandbox();
    const [lastSeen] = (await newEvents(EVENTS, {}, undefined, { retry: { fetch } })).slice(-1);
    await sendText();
    wait(3);
    urls.length = 0;
    const events = await newEvents(EVENTS, {}, lastSeen?.id, { pageSize: 2, retry: { fetch } });
    expect(events.map((event) => event.type)).toEqual(['message.queued', 'message.sent', 'message.delivered']);
    // Three new events and then the last one seen: two pages of two; the seed's older event is never fetched.
    expect(urls.map((url) => new URL(url).searchParams.get('starting_after'))).toEqual([null, events[1]?.id]);
  });

  test('a last id that has left the list returns everything the list still holds', async () => {
    const { fetch } = messagingSandbox();
    const events = await newEvents(EVENTS, {}, 'evt_expired0001', { retry: { fetch } });
    expect(events.map((event) => event.id)).toEqual(['evt_demo0002', 'evt_demo0003']);
  });
});
