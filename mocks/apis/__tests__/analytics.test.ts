import { describe, expect, test } from 'vitest';
import { sandboxClient } from './sandbox-client.ts';

const KEY = 'sk_test_analytics01';

function client(start = '2026-11-25T12:00:00Z') {
  const { sandbox, call, advance: advanceSeconds } = sandboxClient('analytics', KEY, start);
  const counts = async (query: string) => (await call('GET', `/reports/event-counts?${query}`)).body;
  const state = () => JSON.stringify(sandbox.state(KEY, 'analytics'));
  const advance = (ms: number) => advanceSeconds(ms / 1000);
  return { call, counts, state, advance, sandbox };
}

const seriesOf = (report: { series: { count: number }[] }) => report.series.map((point) => point.count);

describe('analytics scenarios', () => {
  test('tracked events show up in event counts on their UTC day, with every other day at 0', async () => {
    const { call, counts } = client();
    const allBefore = await counts('');
    const track = (timestamp?: string) =>
      call('POST', '/track', { event: 'recipe.saved', user_id: 'user_7', ...(timestamp ? { timestamp } : {}) });

    expect(await track('2026-11-20T08:00:00Z')).toMatchObject({
      status: 202,
      body: { accepted: 1, received_at: '2026-11-25T12:00:00.000Z' },
    });
    await track('2026-11-20T23:30:00Z');
    await track('2026-11-22T01:30:00+02:00'); // 23:30 UTC on the 21st
    await track(); // no timestamp: the time it was received, today
    await track('2026-11-10T12:00:00Z'); // before the default 7 days

    const report = await counts('event=recipe.saved');
    expect(report).toMatchObject({ object: 'event_counts', event: 'recipe.saved', interval: 'day' });
    expect(report).toMatchObject({ from: '2026-11-19', to: '2026-11-25', total: 4 });
    expect(report.series).toEqual([
      { date: '2026-11-19', count: 0 },
      { date: '2026-11-20', count: 2 },
      { date: '2026-11-21', count: 1 },
      { date: '2026-11-22', count: 0 },
      { date: '2026-11-23', count: 0 },
      { date: '2026-11-24', count: 0 },
      { date: '2026-11-25', count: 1 },
    ]);
    // Counting every event name adds exactly what was tracked to what the key already had.
    const allAfter = await counts('');
    expect(allAfter.event).toBeNull();
    expect(seriesOf(allAfter).map((count, day) => count - seriesOf(allBefore)[day]!)).toEqual([0, 2, 1, 0, 0, 0, 1]);

    const weekly = await counts('event=recipe.saved&interval=week&from=2026-11-05&to=2026-11-25');
    expect(weekly.series).toEqual([
      { date: '2026-11-02', count: 0 }, // Thursday 5 to Sunday 8 only
      { date: '2026-11-09', count: 1 },
      { date: '2026-11-16', count: 3 },
      { date: '2026-11-23', count: 1 },
    ]);
    expect(weekly.total).toBe(5);
  });

  test('the documented reports work in a fresh sandbox, from the seeded events', async () => {
    const { call, counts } = client();
    expect(seriesOf(await counts('event=signup_completed&from=2026-11-18&to=2026-11-24'))).toEqual([
      4, 7, 0, 3, 5, 2, 9,
    ]);
    const funnel = await call('POST', '/reports/funnel', {
      steps: ['page_viewed', 'signup_started', 'signup_completed'],
      from: '2026-11-18',
      to: '2026-11-24',
      within_seconds: 86400,
    });
    const users = funnel.body.steps.map((step: { users: number }) => step.users);
    expect(users[0]).toBeGreaterThan(users[1]);
    expect(users[1]).toBeGreaterThan(users[2]);
    expect(users[2]).toBeGreaterThan(0);
    expect((await call('GET', '/users/user_1042')).body).toEqual({
      object: 'user',
      user_id: 'user_1042',
      traits: { email: 'ada@example.com', name: 'Ada Lovelace', plan: 'pro' },
      first_seen: '2026-11-24T09:15:00Z',
      last_seen: '2026-11-24T18:42:07Z',
      event_count: 12,
      created_at: '2026-11-24T09:17:06Z',
      updated_at: '2026-11-24T09:17:06Z',
    });
  });

  test('a funnel over tracked events counts each person once, in order and within the window', async () => {
    const { call } = client();
    const steps = ['onboarding.started', 'onboarding.profile_filled', 'onboarding.completed'];
    const at = (time: string) => `2026-11-23T${time}Z`;
    const events = [
      // user_1 goes all the way, and starting twice does not count them twice.
      { event: steps[0], user_id: 'user_1', timestamp: at('09:00:00') },
      { event: steps[0], user_id: 'user_1', timestamp: at('09:00:30') },
      { event: steps[1], user_id: 'user_1', timestamp: at('09:02:00') },
      { event: steps[2], user_id: 'user_1', timestamp: at('09:05:00') },
      // user_2 stops after the second step.
      { event: steps[0], user_id: 'user_2', timestamp: at('10:00:00') },
      { event: steps[1], user_id: 'user_2', timestamp: at('10:01:00') },
      // user_3 finishes, but two hours after entering: outside a one-hour window.
      { event: steps[0], user_id: 'user_3', timestamp: at('11:00:00') },
      { event: steps[1], user_id: 'user_3', timestamp: at('11:10:00') },
      { event: steps[2], user_id: 'user_3', timestamp: at('13:00:00') },
      // A visitor fills the profile before starting, so only the first step counts.
      { event: steps[1], anonymous_id: 'anon-9', timestamp: at('12:00:00') },
      { event: steps[0], anonymous_id: 'anon-9', timestamp: at('12:05:00') },
    ];
    expect((await call('POST', '/batch', { events })).status).toBe(202);

    const funnel = await call('POST', '/reports/funnel', { steps, within_seconds: 3600 });
    expect(funnel.body).toEqual({
      object: 'funnel',
      from: '2026-11-19',
      to: '2026-11-25',
      within_seconds: 3600,
      steps: [
        { event: steps[0], users: 4, conversion_rate: 1, drop_off: 0 },
        { event: steps[1], users: 3, conversion_rate: 0.75, drop_off: 1 },
        { event: steps[2], users: 1, conversion_rate: 0.25, drop_off: 2 },
      ],
    });
    // Without within_seconds the window is 7 days, so user_3 completes too.
    const week = await call('POST', '/reports/funnel', { steps });
    expect(week.body.within_seconds).toBe(604800);
    expect(week.body.steps.map((s: { users: number }) => s.users)).toEqual([4, 3, 2]);
    // A range that ends before anyone entered: nobody, and rates of 0 rather than a division by zero.
    const empty = await call('POST', '/reports/funnel', { steps, from: '2026-11-01', to: '2026-11-07' });
    expect(empty.body.steps).toEqual(steps.map((event) => ({ event, users: 0, conversion_rate: 0, drop_off: 0 })));
  });

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

  test('identify merges traits: new values replace, null removes, repeats change only last_seen', async () => {
    const { call, advance } = client();
    const first = await call('POST', '/identify', {
      user_id: 'user_2001',
      traits: { email: 'lin@example.com', name: 'Lin', plan: 'free', newsletter: true },
    });
    expect(first).toMatchObject({
      status: 200,
      body: {
        object: 'user',
        user_id: 'user_2001',
        traits: { email: 'lin@example.com', name: 'Lin', plan: 'free', newsletter: true },
        event_count: 0,
        first_seen: '2026-11-25T12:00:00.000Z',
        created_at: '2026-11-25T12:00:00.000Z',
      },
    });

    advance(60_000);
    const changed = await call('POST', '/identify', {
      user_id: 'user_2001',
      traits: { plan: 'team', newsletter: null },
    });
    expect(changed.body.traits).toEqual({ email: 'lin@example.com', name: 'Lin', plan: 'team' });
    expect(changed.body.updated_at).toBe('2026-11-25T12:01:00.000Z');

    advance(60_000);
    const repeated = await call('POST', '/identify', { user_id: 'user_2001', traits: { plan: 'team' } });
    expect(repeated.body).toEqual({ ...changed.body, last_seen: '2026-11-25T12:02:00.000Z' });

    const identified = (await call('GET', '/events?type=user.identified&limit=3')).body.data;
    expect(identified.map((e: { data: { object: { traits: object } } }) => e.data.object.traits)).toEqual([
      repeated.body.traits,
      changed.body.traits,
      first.body.traits,
    ]);
    expect((await call('GET', '/users/user_2001')).body).toEqual(repeated.body);
  });

  test('tracking with a user_id keeps the profile in step: count, first and last seen', async () => {
    const { call } = client();
    await call('POST', '/track', {
      event: 'page_viewed',
      user_id: 'lin@example.com',
      timestamp: '2026-11-24T10:00:00Z',
    });
    await call('POST', '/track', {
      event: 'page_viewed',
      user_id: 'lin@example.com',
      timestamp: '2026-11-20T10:00:00Z',
    });
    await call('POST', '/track', { event: 'page_viewed', anonymous_id: 'anon-1' });

    // User ids may hold characters such as @, so the path is URL-encoded.
    const profile = await call('GET', `/users/${encodeURIComponent('lin@example.com')}`);
    expect(profile.body).toMatchObject({
      event_count: 2,
      first_seen: '2026-11-20T10:00:00.000Z', // the late event moved it back
      last_seen: '2026-11-24T10:00:00.000Z',
      created_at: '2026-11-25T12:00:00.000Z',
      traits: {},
    });
    const users = (await call('GET', '/users?limit=100')).body.data.map((u: { user_id: string }) => u.user_id);
    expect(users).toEqual(['lin@example.com', 'user_1043', 'user_1042']); // newest first, no anonymous profile

    const missing = await call('GET', '/users/user_9999');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe("No user with user_id 'user_9999' has been tracked or identified with this key.");
  });

  test('users page with the user_id as the cursor', async () => {
    const { call } = client();
    for (const id of ['u_a', 'u_b', 'u_c']) await call('POST', '/identify', { user_id: id, traits: {} });
    const first = await call('GET', '/users?limit=2');
    expect(first.body).toMatchObject({ has_more: true, data: [{ user_id: 'u_c' }, { user_id: 'u_b' }] });
    const next = await call('GET', '/users?limit=2&starting_after=u_b');
    expect(next.body.data.map((u: { user_id: string }) => u.user_id)).toEqual(['u_a', 'user_1043']);
    expect((await call('GET', '/users?starting_after=nobody')).status).toBe(400);
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

  test.each([
    ['more than 90 days', 'from=2026-07-28&to=2026-11-24', '/query/from', /the range is 120 days/],
    ['to before from', 'from=2026-11-24&to=2026-11-18', '/query/to', /must not be before `from`/],
    ['an interval that is not day or week', 'interval=month', '/query/interval', /must be one of/],
  ])('event counts over %s are a 400', async (_case, query, pointer, detail) => {
    const { call } = client();
    const refused = await call('GET', `/reports/event-counts?${query}`);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ pointer, detail: expect.stringMatching(detail) }]);
  });

  test('a funnel with to before from is a 422', async () => {
    const { call } = client();
    const refused = await call('POST', '/reports/funnel', { steps: ['a', 'b'], from: '2026-11-24', to: '2026-11-18' });
    expect(refused).toMatchObject({ status: 422, body: { errors: [{ pointer: '/body/to' }] } });
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

  test('each key has its own events and reports', async () => {
    const { call, sandbox } = client();
    await call('POST', '/track', { event: 'recipe.saved', user_id: 'user_7' });
    const other = (await sandbox.handle(
      new Request('http://site.test/sandbox/analytics/v1/reports/event-counts?event=recipe.saved', {
        headers: { authorization: 'Bearer sk_test_someoneelse' },
      }),
    ))!;
    expect((await other.json()).total).toBe(0);
  });
});
