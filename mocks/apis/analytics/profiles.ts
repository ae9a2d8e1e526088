import type { components } from '../../generated/types/analytics.ts';

export type User = components['schemas']['User'];
export type Traits = components['schemas']['Traits'];
export type TraitsInput = components['schemas']['TraitsInput'];

/** A profile the API has just heard of: `createdAt` is when it heard, `seenAt` when the user was active. */
export const newProfile = (user_id: string, createdAt: string, seenAt: string): User => ({
  object: 'user',
  user_id,
  traits: {},
  first_seen: seenAt,
  last_seen: seenAt,
  event_count: 0,
  created_at: createdAt,
  updated_at: createdAt,
});

/** Widen first_seen and last_seen to include `at`: a late event with an old timestamp can move first_seen back. */
export function markSeen(user: User, at: string): void {
  if (Date.parse(at) < Date.parse(user.first_seen)) user.first_seen = at;
  if (Date.parse(at) > Date.parse(user.last_seen)) user.last_seen = at;
}

/**
 * Identify's merge: a sent trait replaces the old value, `null` removes it, and a trait left out is kept. `changed`
 * tells whether the profile's `updated_at` should move, so that repeating an identify call changes nothing.
 */
export function mergeTraits(traits: Traits, changes: TraitsInput): { traits: Traits; changed: boolean } {
  const merged: Record<string, string | number | boolean> = { ...traits };
  let changed = false;
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) {
      if (name in merged) {
        delete merged[name];
        changed = true;
      }
    } else if (merged[name] !== value) {
      merged[name] = value;
      changed = true;
    }
  }
  return { traits: merged as Traits, changed };
}
