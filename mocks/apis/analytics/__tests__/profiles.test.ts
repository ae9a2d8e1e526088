import { describe, expect, test } from 'vitest';
import { markSeen, mergeTraits, newProfile, type Traits, type TraitsInput } from '../profiles.ts';

describe('mergeTraits', () => {
  const ada: Traits = { email: 'ada@example.com', plan: 'pro', newsletter: true };
  test.each<[string, TraitsInput, Traits, boolean]>([
    ['a new trait is added', { company: 'Analytical Engines' }, { ...ada, company: 'Analytical Engines' }, true],
    ['a sent trait replaces the old value', { plan: 'team' }, { ...ada, plan: 'team' }, true],
    ['null removes a trait', { newsletter: null }, { email: 'ada@example.com', plan: 'pro' }, true],
    ['null for a trait the profile lacks changes nothing', { company: null }, ada, false],
    ['the same values again change nothing', { email: 'ada@example.com', plan: 'pro' }, ada, false],
    ['no traits change nothing', {}, ada, false],
    ['a custom trait may change type', { newsletter: 'weekly' }, { ...ada, newsletter: 'weekly' }, true],
  ])('%s', (_case, changes, traits, changed) => {
    expect(mergeTraits(ada, changes)).toEqual({ traits, changed });
  });

  test('the profile it started from is left alone', () => {
    const before = structuredClone(ada);
    mergeTraits(ada, { plan: null, name: 'Ada' });
    expect(ada).toEqual(before);
  });
});

describe('markSeen', () => {
  test.each([
    ['an earlier time moves first_seen back', '2026-11-20T08:00:00Z', '2026-11-20T08:00:00Z', '2026-11-24T18:00:00Z'],
    ['a later time moves last_seen on', '2026-11-25T09:00:00Z', '2026-11-24T09:00:00Z', '2026-11-25T09:00:00Z'],
    ['a time in between changes neither', '2026-11-24T12:00:00Z', '2026-11-24T09:00:00Z', '2026-11-24T18:00:00Z'],
  ])('%s', (_case, at, first_seen, last_seen) => {
    const user = {
      ...newProfile('u', '2026-11-24T09:00:00Z', '2026-11-24T09:00:00Z'),
      last_seen: '2026-11-24T18:00:00Z',
    };
    markSeen(user, at);
    expect(user).toMatchObject({ first_seen, last_seen });
  });
});
