import { addDays, dayOf } from './days.ts';
import type { User } from './profiles.ts';
import type { TrackedEvent } from './reports.ts';

/**
 * What a fresh key starts with: the two profiles the spec's examples show, with their events, and anonymous signup
 * traffic so that reports have something to count. The traffic covers the week the examples ask about (with the
 * documented `signup_completed` counts) and the last 7 days, which is what a report without dates covers.
 */

/** signup_completed per day in the getEventCounts example. */
const DOCUMENTED_SIGNUPS: Record<string, number> = {
  '2026-11-18': 4,
  '2026-11-19': 7,
  '2026-11-20': 0,
  '2026-11-21': 3,
  '2026-11-22': 5,
  '2026-11-23': 2,
  '2026-11-24': 9,
};

/** Other days: fewer signups at the weekend, as in most products. Sunday first, as getUTCDay counts. */
const SIGNUPS_BY_WEEKDAY = [2, 6, 5, 7, 6, 4, 3];

type Step = [time: string, event: string, properties?: Record<string, unknown>];

const ADA: Step[] = [
  ['09:15:00', 'page_viewed', { path: '/signup' }],
  ['09:15:40', 'signup_started'],
  ['09:17:05', 'signup_completed', { plan: 'pro' }],
  ['09:18:30', 'page_viewed', { path: '/dashboard' }],
  ['11:40:02', 'page_viewed', { path: '/pricing' }],
  ['11:41:15', 'checkout.started', { items: 1 }],
  ['13:05:33', 'page_viewed', { path: '/dashboard' }],
  ['16:20:10', 'page_viewed', { path: '/recipes' }],
  ['18:39:44', 'page_viewed', { path: '/pricing' }],
  ['18:40:20', 'checkout.started', { items: 3 }],
  ['18:41:02', 'page_viewed', { path: '/checkout' }],
  ['18:42:07', 'checkout.completed', { order_total: 4599, currency: 'usd', items: 3 }],
];

const GRACE: Step[] = [
  ['11:02:13', 'page_viewed', { path: '/' }],
  ['11:02:50', 'signup_started'],
  ['11:04:31', 'signup_completed', { plan: 'free' }],
  ['11:06:02', 'page_viewed', { path: '/dashboard' }],
  ['11:12:45', 'page_viewed', { path: '/recipes' }],
  ['11:21:09', 'page_viewed', { path: '/pricing' }],
  ['11:30:51', 'page_viewed', { path: '/dashboard' }],
];

const PROFILE_DAY = '2026-11-24';

const tracked = (at: string, event: string, who: Partial<TrackedEvent>, properties = {}): TrackedEvent => ({
  event,
  user_id: null,
  anonymous_id: null,
  properties,
  timestamp: at,
  received_at: at,
  ...who,
});

const userEvents = (user_id: string, steps: Step[]) =>
  steps.map(([time, event, properties]) => tracked(`${PROFILE_DAY}T${time}Z`, event, { user_id }, properties));

/** One day of visitors: every one views a page, about half of them start signing up, `signups` finish. */
function anonymousTraffic(day: string, signups: number): TrackedEvent[] {
  const visitors = 3 * signups + 4;
  const starters = signups + Math.ceil(signups / 2) + 1;
  const events: TrackedEvent[] = [];
  for (let i = 0; i < visitors; i++) {
    const anonymous_id = `visitor-${day}-${String(i + 1).padStart(2, '0')}`;
    const arrival = Date.parse(`${day}T07:00:00Z`) + i * 23 * 60_000;
    const at = (seconds: number) => new Date(arrival + seconds * 1000).toISOString();
    events.push(tracked(at(0), 'page_viewed', { anonymous_id }, { path: i % 2 ? '/pricing' : '/signup' }));
    if (i < starters) events.push(tracked(at(40), 'signup_started', { anonymous_id }));
    if (i < signups)
      events.push(tracked(at(125), 'signup_completed', { anonymous_id }, { plan: i % 3 ? 'free' : 'pro' }));
  }
  return events;
}

export function seedAnalytics(now: Date): { users: User[]; events: TrackedEvent[] } {
  const today = dayOf(now);
  const days = new Set(Object.keys(DOCUMENTED_SIGNUPS));
  for (let i = 6; i >= 0; i--) days.add(addDays(today, -i));

  const named = [...userEvents('user_1042', ADA), ...userEvents('user_1043', GRACE)];
  const anonymous = [...days].sort().flatMap((day) => {
    const total = DOCUMENTED_SIGNUPS[day] ?? SIGNUPS_BY_WEEKDAY[new Date(`${day}T00:00:00Z`).getUTCDay()]!;
    const byProfiles = named.filter((e) => e.event === 'signup_completed' && e.timestamp.startsWith(day)).length;
    return anonymousTraffic(day, Math.max(0, total - byProfiles));
  });
  // Seeded traffic never lies in the reader's future; the documented profiles are fixed and always present.
  const past = anonymous.filter((e) => Date.parse(e.timestamp) <= now.getTime());
  const events = [...named, ...past].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));

  const profile = (user_id: string, traits: User['traits'], steps: Step[], created: string): User => ({
    object: 'user',
    user_id,
    traits,
    first_seen: `${PROFILE_DAY}T${steps[0]![0]}Z`,
    last_seen: `${PROFILE_DAY}T${steps.at(-1)![0]}Z`,
    event_count: steps.length,
    created_at: `${PROFILE_DAY}T${created}Z`,
    updated_at: `${PROFILE_DAY}T${created}Z`,
  });
  return {
    // Newest profile first, as listUsers shows them.
    users: [
      profile('user_1043', { email: 'grace@example.com', name: 'Grace Hopper', plan: 'free' }, GRACE, '11:02:13'),
      profile('user_1042', { email: 'ada@example.com', name: 'Ada Lovelace', plan: 'pro' }, ADA, '09:17:06'),
    ],
    events,
  };
}
