/** Analytics reports: event counts by UTC day, the documented reports from the seed, funnels, and their limits. */
import { describe, expect, test } from 'vitest';
import { client, seriesOf } from './analytics-client.ts';

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
