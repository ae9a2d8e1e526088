import { describe, expect, test } from 'vitest';
import { addDays, dayOf, daysIn, mondayOf, resolveRange } from '../days.ts';

describe('UTC days', () => {
  test.each([
    ['2026-11-23', '2026-11-23'], // a Monday is its own week
    ['2026-11-25', '2026-11-23'], // Wednesday
    ['2026-11-29', '2026-11-23'], // Sunday ends the week that started on Monday
    ['2026-11-30', '2026-11-30'],
    ['2027-01-01', '2026-12-28'], // across a year
  ])('the week of %s starts on %s', (day, monday) => {
    expect(mondayOf(day)).toBe(monday);
  });

  test.each([
    ['2026-11-24', 1, '2026-11-25'],
    ['2026-11-24', -6, '2026-11-18'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
  ])('%s plus %i days is %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });

  test.each([
    ['2026-11-24T23:59:59.999Z', '2026-11-24'],
    ['2026-11-25T01:30:00+02:00', '2026-11-24'], // an offset moves the event to its UTC day
  ])('%s falls on the UTC day %s', (instant, day) => {
    expect(dayOf(instant)).toBe(day);
  });

  test('daysIn counts both ends', () => {
    expect(daysIn('2026-11-18', '2026-11-24')).toBe(7);
    expect(daysIn('2026-11-24', '2026-11-24')).toBe(1);
  });
});

describe('resolveRange', () => {
  const today = '2026-11-25';
  test.each([
    ['no dates: the last 7 days, today included', {}, { from: '2026-11-19', to: '2026-11-25' }],
    ['only to: the 7 days up to it', { to: '2026-11-10' }, { from: '2026-11-04', to: '2026-11-10' }],
    ['only from: from then to today', { from: '2026-11-01' }, { from: '2026-11-01', to: '2026-11-25' }],
    ['one day', { from: '2026-11-20', to: '2026-11-20' }, { from: '2026-11-20', to: '2026-11-20' }],
    ['exactly 90 days', { from: '2026-08-28', to: '2026-11-25' }, { from: '2026-08-28', to: '2026-11-25' }],
  ])('%s', (_case, requested, range) => {
    expect(resolveRange(requested, today)).toEqual({ range });
  });

  test.each([
    ['91 days', { from: '2026-08-27', to: '2026-11-25' }, 'from', /at most 89 days before `to`.*91 days/],
    ['to before from', { from: '2026-11-20', to: '2026-11-19' }, 'to', /must not be before `from`/],
    ['from after today, with no to', { from: '2026-12-01' }, 'from', /defaults to today \(2026-11-25\)/],
    ['a day that does not exist', { from: '2026-02-30' }, 'from', /calendar date/],
  ])('refuses %s', (_case, requested, field, detail) => {
    const result = resolveRange(requested, today);
    expect(result).toMatchObject({ error: { field } });
    expect('error' in result && result.error.detail).toMatch(detail);
  });
});
