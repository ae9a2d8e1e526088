import { addDays, dayOf, daysIn, mondayOf, startOfDay, type DayRange } from './days.ts';

/** A product event as the sandbox keeps it: `timestamp` is normalised to UTC, so it starts with its day. */
export interface TrackedEvent {
  event: string;
  user_id: string | null;
  anonymous_id: string | null;
  properties: Record<string, unknown>;
  timestamp: string;
  received_at: string;
}

/** Reports count a person by `user_id` when the event has one, else by `anonymous_id`; they are never merged. */
export const personOf = (event: TrackedEvent): string =>
  event.user_id !== null ? `user:${event.user_id}` : `anonymous:${event.anonymous_id}`;

export interface CountPoint {
  date: string;
  count: number;
}

export function countEvents(
  events: readonly TrackedEvent[],
  options: { event?: string | undefined; range: DayRange; interval: 'day' | 'week' },
): { series: CountPoint[]; total: number } {
  const { range, interval } = options;
  const bucketOf = interval === 'week' ? mondayOf : (day: string) => day;
  // Every bucket exists before counting, so that days without events are in the series with 0.
  const counts = new Map<string, number>();
  for (let i = 0; i < daysIn(range.from, range.to); i++) counts.set(bucketOf(addDays(range.from, i)), 0);

  let total = 0;
  for (const tracked of events) {
    if (options.event !== undefined && tracked.event !== options.event) continue;
    const day = dayOf(tracked.timestamp);
    if (day < range.from || day > range.to) continue;
    const bucket = bucketOf(day);
    counts.set(bucket, counts.get(bucket)! + 1);
    total += 1;
  }
  return { series: [...counts].map(([date, count]) => ({ date, count })), total };
}

export interface FunnelStep {
  event: string;
  users: number;
  conversion_rate: number;
  drop_off: number;
}

export const roundTo4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * getFunnel's algorithm: a person enters with their first step-1 event inside the range, then reaches each later step
 * with the earliest matching event at or after the previous step and at most `withinSeconds` after entering. Taking
 * the earliest match is never worse than a later one, so a single pass per person is exact.
 */
export function computeFunnel(
  events: readonly TrackedEvent[],
  options: { steps: readonly string[]; range: DayRange; withinSeconds: number },
): FunnelStep[] {
  const { steps, range, withinSeconds } = options;
  const start = startOfDay(range.from);
  const end = startOfDay(addDays(range.to, 1));

  const timelines = new Map<string, { event: string; at: number }[]>();
  for (const tracked of events) {
    const person = personOf(tracked);
    const timeline = timelines.get(person) ?? [];
    timeline.push({ event: tracked.event, at: Date.parse(tracked.timestamp) });
    timelines.set(person, timeline);
  }

  /** How many steps each person who entered reached, from 1 to steps.length. */
  const depths: number[] = [];
  for (const timeline of timelines.values()) {
    timeline.sort((a, b) => a.at - b.at);
    const entry = timeline.findIndex((e) => e.event === steps[0] && e.at >= start && e.at < end);
    if (entry < 0) continue;
    const deadline = timeline[entry]!.at + withinSeconds * 1000;
    // One event fills at most one step, so that a funnel such as [page_viewed, page_viewed] needs two page views.
    const used = new Set([entry]);
    let previous = timeline[entry]!.at;
    let depth = 1;
    for (; depth < steps.length; depth++) {
      const next = timeline.findIndex(
        (e, index) => !used.has(index) && e.event === steps[depth] && e.at >= previous && e.at <= deadline,
      );
      if (next < 0) break;
      used.add(next);
      previous = timeline[next]!.at;
    }
    depths.push(depth);
  }

  const usersAt = (step: number) => depths.filter((depth) => depth > step).length;
  const entered = depths.length;
  return steps.map((event, step) => ({
    event,
    users: usersAt(step),
    conversion_rate: entered === 0 ? 0 : roundTo4(usersAt(step) / entered),
    drop_off: step === 0 ? 0 : usersAt(step - 1) - usersAt(step),
  }));
}
