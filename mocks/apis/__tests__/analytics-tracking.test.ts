/** Recording events: track and batch, what they refuse (recording nothing), and retries with an Idempotency-Key. */
import { describe, expect, test } from 'vitest';
import { client } from './analytics-client.ts';

describe('analytics scenarios', () => {
  test('a batch of up to 100 events is recorded whole, with a bat_ id and a batch.processed event', async () => {
    const { call, counts, state } = client();
    const events = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        event: 'import.row',
        anonymous_id: `row-${i}`,
        timestamp: '2026-11-24T10:00:00Z',
      }));

    const accepted = await call('POST', '/batch', { events: events(100) });
    expect(accepted).toMatchObject({ status: 202, body: { object: 'batch', accepted: 100 } });
    expect(accepted.body.id).toMatch(/^bat_[A-Za-z0-9]+$/);
    expect((await counts('event=import.row')).total).toBe(100);
    const [processed] = (await call('GET', '/events?type=batch.processed')).body.data;
    expect(processed).toMatchObject({ type: 'batch.processed', data: { object: accepted.body } });

    const before = state();
    const tooMany = await call('POST', '/batch', { events: events(101) });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors).toEqual([{ pointer: '/body/events', detail: 'must have at most 100 items' }]);
    expect(state()).toBe(before);
  });

  test('one bad event refuses the whole batch, naming each bad field', async () => {
    const { call, counts, state } = client();
    const before = state();
    const good = { event: 'import.row', user_id: 'user_5' };
    const refused = await call('POST', '/batch', {
      events: [
        good,
        { ...good, timestamp: '2026-11-26T12:00:01Z' }, // just over 24 hours ahead
        good,
        { ...good, event: 'Import Row' },
      ],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { pointer: '/body/events/3/event', detail: 'must match the pattern ^[a-z][a-z0-9_.]*$' },
    ]);

    const future = await call('POST', '/batch', { events: [good, { ...good, timestamp: '2026-11-26T12:00:01Z' }] });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([
      { pointer: '/body/events/1/timestamp', detail: 'must not be more than 24 hours in the future' },
    ]);
    expect(state()).toBe(before);
    expect((await counts('event=import.row')).total).toBe(0);
    expect((await call('GET', '/users/user_5')).status).toBe(404);
  });

  test.each([
    [
      'a timestamp more than 24 hours ahead',
      { event: 'page_viewed', user_id: 'user_8', timestamp: '2026-11-26T12:00:01Z' },
      422,
      '/body/timestamp',
    ],
    ['an event name with capitals', { event: 'Signup', user_id: 'user_8' }, 422, '/body/event'],
    ['no user_id or anonymous_id', { event: 'page_viewed' }, 422, '/body'],
    [
      'a body over 32 KiB',
      { event: 'page_viewed', user_id: 'user_8', properties: { blob: 'x'.repeat(33_000) } },
      413,
      undefined,
    ],
  ])('track refuses %s and records nothing', async (_case, body, status, pointer) => {
    const { call, state } = client();
    const before = state();
    const refused = await call('POST', '/track', body);
    expect(refused.status).toBe(status);
    if (pointer) expect(refused.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    expect(state()).toBe(before);
  });

  test('a timestamp just under 24 hours ahead is accepted', async () => {
    const { call } = client();
    const body = { event: 'page_viewed', user_id: 'user_8', timestamp: '2026-11-26T12:00:00Z' };
    expect((await call('POST', '/track', body)).status).toBe(202);
  });

  test('a retried track or batch with the same Idempotency-Key counts once', async () => {
    const { call, counts, advance } = client();
    const headers = { 'idempotency-key': '5b1e6f0c-2d7a-4c39-9e84-a1f3b62d0c57' };
    const body = { event: 'checkout.completed', user_id: 'user_9', timestamp: '2026-11-25T10:00:00Z' };
    const first = await call('POST', '/track', body, headers);
    advance(5_000);
    const retry = await call('POST', '/track', body, headers);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await call('GET', '/users/user_9')).body.event_count).toBe(1);
    const conflict = await call('POST', '/track', { ...body, user_id: 'user_10' }, headers);
    expect(conflict.status).toBe(409);

    const batchEvents = async () => (await call('GET', '/events?type=batch.processed')).body.data.length;
    const eventsBefore = await batchEvents(); // the spec's example event is in the log from the start
    const batchHeaders = { 'idempotency-key': 'import-2026-11-25' };
    const batch = { events: [{ event: 'import.row', anonymous_id: 'row-1' }] };
    const firstBatch = await call('POST', '/batch', batch, batchHeaders);
    const retriedBatch = await call('POST', '/batch', batch, batchHeaders);
    expect(retriedBatch.body.id).toBe(firstBatch.body.id);
    expect((await counts('event=import.row')).total).toBe(1);
    expect(await batchEvents()).toBe(eventsBefore + 1);
  });
});
