/**
 * Calendar days in UTC, as `YYYY-MM-DD` strings. Reports are defined in UTC days so that the same request gives the
 * same answer wherever the reader's browser is.
 */

const DAY_MS = 86_400_000;

/** The longest range a report may cover, counting both ends. */
export const MAX_REPORT_DAYS = 90;

export const startOfDay = (day: string): number => Date.parse(`${day}T00:00:00Z`);

export const dayOf = (instant: string | number | Date): string => new Date(instant).toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string => dayOf(startOfDay(day) + days * DAY_MS);

/** How many days the range covers, both ends included. */
export const daysIn = (from: string, to: string): number =>
  Math.round((startOfDay(to) - startOfDay(from)) / DAY_MS) + 1;

/** The Monday that starts the ISO week of `day`. */
export function mondayOf(day: string): string {
  const weekday = new Date(startOfDay(day)).getUTCDay(); // 0 is Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export interface DayRange {
  from: string;
  to: string;
}

export type RangeResult = { range: DayRange } | { error: { field: 'from' | 'to'; detail: string } };

/**
 * The days a report covers: `to` defaults to today and `from` to six days before `to`, so that no dates means the
 * last 7 days. A refusal names the field to point at; the caller decides whether that is a 400 (query) or 422 (body).
 */
export function resolveRange(
  requested: { from?: string | undefined; to?: string | undefined },
  today: string,
): RangeResult {
  for (const field of ['from', 'to'] as const) {
    const day = requested[field];
    // The schema's `format: date` accepts the shape; this also catches days that do not exist, such as 2026-02-30.
    if (day !== undefined && (Number.isNaN(startOfDay(day)) || dayOf(startOfDay(day)) !== day)) {
      return { error: { field, detail: 'must be a calendar date (YYYY-MM-DD)' } };
    }
  }
  const to = requested.to ?? today;
  const from = requested.from ?? addDays(to, -6);
  if (from > to) {
    return requested.to === undefined
      ? { error: { field: 'from', detail: `must not be after \`to\`, which defaults to today (${to})` } }
      : { error: { field: 'to', detail: 'must not be before `from`' } };
  }
  const days = daysIn(from, to);
  if (days > MAX_REPORT_DAYS) {
    return {
      error: {
        field: 'from',
        detail:
          `must be at most ${MAX_REPORT_DAYS - 1} days before \`to\`, so that the range spans at most ` +
          `${MAX_REPORT_DAYS} days (the range is ${days} days)`,
      },
    };
  }
  return { range: { from, to } };
}
