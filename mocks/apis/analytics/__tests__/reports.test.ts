import { describe, expect, test } from 'vitest';
import { computeFunnel, countEvents, type TrackedEvent } from '../reports.ts';

const event = (name: string, timestamp: string, who: { user?: string; anon?: string } = { user: 'u1' }) =>
  ({
    event: name,
    user_id: who.user ?? null,
    anonymous_id: who.anon ?? null,
    properties: {},
    timestamp,
    received_at: timestamp,
  }) satisfies TrackedEvent;

describe('countEvents', () => {
  const events = [
    event('signup_completed', '2026-11-17T23:59:59Z'), // the day before the range
    event('signup_completed', '2026-11-18T00:00:00Z'),
    event('signup_completed', '2026-11-18T22:10:00Z'),
    event('page_viewed', '2026-11-20T10:00:00Z'),
    event('signup_completed', '2026-11-23T08:00:00Z'), // a Monday
    event('signup_completed', '2026-11-24T23:59:59Z'),
    event('signup_completed', '2026-11-25T00:00:00Z'), // the day after
  ];
  const range = { from: '2026-11-18', to: '2026-11-24' };

  test.each([
    ['one event, per day, zero-filled', 'signup_completed', 'day', [2, 0, 0, 0, 0, 1, 1], 4],
    ['every event, per day', undefined, 'day', [2, 0, 1, 0, 0, 1, 1], 5],
    ['an event never tracked', 'checkout.completed', 'day', [0, 0, 0, 0, 0, 0, 0], 0],
  ] as const)('%s', (_case, name, interval, counts, total) => {
    const report = countEvents(events, { event: name, range, interval });
    expect(report.series).toEqual(
      ['18', '19', '20', '21', '22', '23', '24'].map((d, i) => ({ date: `2026-11-${d}`, count: counts[i] })),
    );
    expect(report.total).toBe(total);
  });

  test('weeks start on Monday and count only days inside the range', () => {
    expect(countEvents(events, { event: 'signup_completed', range, interval: 'week' })).toEqual({
      series: [
        { date: '2026-11-16', count: 2 }, // Wednesday 18 to Sunday 22
        { date: '2026-11-23', count: 2 }, // Monday 23 and Tuesday 24
      ],
      total: 4,
    });
  });
});

describe('computeFunnel', () => {
  const steps = ['page_viewed', 'signup_started', 'signup_completed'];
  const range = { from: '2026-11-18', to: '2026-11-24' };
  const day = 86_400;

  test.each<[string, TrackedEvent[], number, number[]]>([
    [
      'all three steps in order',
      [
        event('page_viewed', '2026-11-20T10:00:00Z'),
        event('signup_started', '2026-11-20T10:01:00Z'),
        event('signup_completed', '2026-11-20T10:02:00Z'),
      ],
      day,
      [1, 1, 1],
    ],
    [
      'steps out of order stop the user at the first missing one',
      [
        event('signup_completed', '2026-11-20T09:00:00Z'),
        event('page_viewed', '2026-11-20T10:00:00Z'),
        event('signup_started', '2026-11-20T10:01:00Z'),
      ],
      day,
      [1, 1, 0],
    ],
    [
      'a step at the same second as the previous one counts',
      [event('page_viewed', '2026-11-20T10:00:00Z'), event('signup_started', '2026-11-20T10:00:00Z')],
      day,
      [1, 1, 0],
    ],
    [
      'a step after the window does not count',
      [event('page_viewed', '2026-11-20T10:00:00Z'), event('signup_started', '2026-11-20T10:01:01Z')],
      60,
      [1, 0, 0],
    ],
    [
      'the window runs from entering, not from the previous step',
      [
        event('page_viewed', '2026-11-20T10:00:00Z'),
        event('signup_started', '2026-11-20T10:00:50Z'),
        event('signup_completed', '2026-11-20T10:01:10Z'),
      ],
      60,
      [1, 1, 0],
    ],
    [
      'only the first step-1 event in the range is the entry',
      [
        event('page_viewed', '2026-11-18T10:00:00Z'),
        event('page_viewed', '2026-11-22T10:00:00Z'),
        event('signup_started', '2026-11-22T10:01:00Z'),
      ],
      day,
      [1, 0, 0],
    ],
    [
      'an entry before the range does not count, later steps may fall after it',
      [
        event('page_viewed', '2026-11-17T23:00:00Z'),
        event('page_viewed', '2026-11-24T23:00:00Z'),
        event('signup_started', '2026-11-25T01:00:00Z'),
      ],
      day,
      [1, 1, 0],
    ],
    [
      'user_id and anonymous_id are different people',
      [
        event('page_viewed', '2026-11-20T10:00:00Z', { anon: 'a1' }),
        event('signup_started', '2026-11-20T10:01:00Z', { anon: 'a1' }),
        event('signup_completed', '2026-11-20T10:02:00Z', { user: 'u1', anon: 'a1' }),
      ],
      day,
      [1, 1, 0],
    ],
    ['nobody entered', [event('signup_started', '2026-11-20T10:00:00Z')], day, [0, 0, 0]],
  ])('%s', (_case, events, withinSeconds, users) => {
    expect(computeFunnel(events, { steps, range, withinSeconds }).map((s) => s.users)).toEqual(users);
  });

  test('one event fills one step, so a repeated step needs a repeated event', () => {
    const once = [event('page_viewed', '2026-11-20T10:00:00Z')];
    const twice = [...once, event('page_viewed', '2026-11-20T10:05:00Z')];
    const repeated = { steps: ['page_viewed', 'page_viewed'], range, withinSeconds: day };
    expect(computeFunnel(once, repeated).map((s) => s.users)).toEqual([1, 0]);
    expect(computeFunnel(twice, repeated).map((s) => s.users)).toEqual([1, 1]);
  });

  test('rates are rounded to 4 places, drop-off is from the previous step, and 0 when nobody entered', () => {
    const users = ['a', 'b', 'c'].map((anon) => event('page_viewed', '2026-11-20T10:00:00Z', { anon }));
    const started = event('signup_started', '2026-11-20T10:01:00Z', { anon: 'a' });
    expect(computeFunnel([...users, started], { steps: steps.slice(0, 2), range, withinSeconds: day })).toEqual([
      { event: 'page_viewed', users: 3, conversion_rate: 1, drop_off: 0 },
      { event: 'signup_started', users: 1, conversion_rate: 0.3333, drop_off: 2 },
    ]);
    expect(computeFunnel([], { steps, range, withinSeconds: day })[1]).toEqual({
      event: 'signup_started',
      users: 0,
      conversion_rate: 0,
      drop_off: 0,
    });
  });
});
