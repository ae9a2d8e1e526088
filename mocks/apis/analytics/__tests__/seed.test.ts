import { describe, expect, test } from 'vitest';
import { dayOf } from '../days.ts';
import { countEvents } from '../reports.ts';
import { seedAnalytics } from '../seed.ts';

describe('the analytics seed', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const { users, events } = seedAnalytics(now);

  test('gives the getEventCounts example its documented numbers', () => {
    const range = { from: '2026-11-18', to: '2026-11-24' };
    const report = countEvents(events, { event: 'signup_completed', range, interval: 'day' });
    expect(report.series.map((point) => point.count)).toEqual([4, 7, 0, 3, 5, 2, 9]);
    expect(report.total).toBe(30);
  });

  test('profiles agree with their events', () => {
    for (const user of users) {
      const own = events.filter((e) => e.user_id === user.user_id).map((e) => Date.parse(e.timestamp));
      expect(user.event_count).toBe(own.length);
      expect(Date.parse(user.first_seen)).toBe(Math.min(...own));
      expect(Date.parse(user.last_seen)).toBe(Math.max(...own));
    }
  });

  test('covers the last 7 days without reaching into the future, and is the same every time', () => {
    const later = new Date('2027-03-10T06:00:00Z');
    const seeded = seedAnalytics(later).events;
    const days = new Set(seeded.map((e) => dayOf(e.timestamp)));
    for (const day of ['2027-03-04', '2027-03-09']) expect(days.has(day)).toBe(true);
    expect(seeded.every((e) => Date.parse(e.timestamp) <= later.getTime())).toBe(true);
    expect(seedAnalytics(later)).toEqual(seedAnalytics(later));
  });
});
