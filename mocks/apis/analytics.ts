import { defineApi } from '../core/define-api.ts';
import { paginate } from '../core/pagination.ts';
import { ProblemError } from '../core/problem.ts';
import type { FieldError } from '../core/validate.ts';
import type { components, operations } from '../generated/types/analytics.ts';
import { dayOf, resolveRange, type DayRange } from './analytics/days.ts';
import { markSeen, mergeTraits, newProfile, type User } from './analytics/profiles.ts';
import { computeFunnel, countEvents, type TrackedEvent } from './analytics/reports.ts';
import { seedAnalytics } from './analytics/seed.ts';

type Batch = components['schemas']['Batch'];

/**
 * A `POST /track` body. openapi-typescript turns the schema's `anyOf` (user_id, anonymous_id or both) into `unknown`;
 * the core has already validated the body against the schema, so this is its shape.
 */
interface TrackRequest {
  event: string;
  user_id?: string;
  anonymous_id?: string;
  properties?: Record<string, unknown>;
  timestamp?: string;
}

export interface AnalyticsData {
  /** Profiles, newest first. */
  users: User[];
  /** Every product event tracked with this key, the seed's included; reports read them on demand. */
  events: TrackedEvent[];
}

/** The spec's x-sandbox.maxBodyBytes (512 KiB) is the batch limit; one event may be at most 32 KiB. */
const MAX_TRACK_BYTES = 32 * 1024;
/** Clocks drift, so a little future is fine; more than a day ahead is a bug in the sender. */
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;
const DEFAULT_WITHIN_SECONDS = 604_800;

/** The problems with one event that the schema cannot see, with pointers under `pointer` (`/body/events/3`). */
function ruleErrors(body: TrackRequest, now: Date, pointer: string): FieldError[] {
  if (body.timestamp !== undefined && Date.parse(body.timestamp) > now.getTime() + MAX_FUTURE_MS) {
    return [{ pointer: `${pointer}/timestamp`, detail: 'must not be more than 24 hours in the future' }];
  }
  return [];
}

function refuseIfAny(errors: FieldError[]) {
  if (errors.length === 0) return;
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more; see errors)` : '';
  throw new ProblemError(422, `The request body is not valid: ${first.pointer} ${first.detail}${more}.`, { errors });
}

/** Store one accepted event and keep its user's profile (created on first sight) in step. */
function record(data: AnalyticsData, body: TrackRequest, receivedAt: string): void {
  const timestamp = body.timestamp === undefined ? receivedAt : new Date(body.timestamp).toISOString();
  data.events.push({
    event: body.event,
    user_id: body.user_id ?? null,
    anonymous_id: body.anonymous_id ?? null,
    properties: body.properties ?? {},
    timestamp,
    received_at: receivedAt,
  });
  if (body.user_id === undefined) return;
  let user = data.users.find((candidate) => candidate.user_id === body.user_id);
  if (!user) {
    user = newProfile(body.user_id, receivedAt, timestamp);
    data.users.unshift(user);
  }
  user.event_count += 1;
  markSeen(user, timestamp);
}

/** Report dates come from the query (a bad one is a 400) or the funnel's body (a 422). */
function rangeOrRefuse(requested: { from?: string; to?: string }, now: Date, where: 'query' | 'body'): DayRange {
  const result = resolveRange(requested, dayOf(now));
  if ('range' in result) return result.range;
  const errors = [{ pointer: `/${where}/${result.error.field}`, detail: result.error.detail }];
  if (where === 'query') throw new ProblemError(400, 'Some parameters are missing or not valid.', { errors });
  throw new ProblemError(422, `The request body is not valid: ${errors[0]!.pointer} ${errors[0]!.detail}.`, {
    errors,
  });
}

export const analytics = defineApi<operations, AnalyticsData>({
  seed: ({ now }) => seedAnalytics(now),

  handlers: {
    trackEvent: ({ data, input, now }) => {
      const size = new TextEncoder().encode(input.rawBody).byteLength;
      if (size > MAX_TRACK_BYTES) {
        throw new ProblemError(
          413,
          `The request body is ${size.toLocaleString('en-US')} bytes; one event may be at most 32,768 bytes ` +
            '(32 KiB). Trim its properties.',
        );
      }
      const body = input.body as TrackRequest;
      refuseIfAny(ruleErrors(body, now(), '/body'));
      const receivedAt = now().toISOString();
      record(data, body, receivedAt);
      return { status: 202, body: { accepted: 1, received_at: receivedAt } };
    },

    trackBatch: async ({ data, input, id, now, emit }) => {
      const events = input.body.events as TrackRequest[];
      // All or nothing: every event is checked before any is recorded.
      refuseIfAny(events.flatMap((event, index) => ruleErrors(event, now(), `/body/events/${index}`)));
      const receivedAt = now().toISOString();
      for (const event of events) record(data, event, receivedAt);
      const batch: Batch = { object: 'batch', id: id('bat_'), accepted: events.length, received_at: receivedAt };
      await emit('batch.processed', batch);
      return { status: 202, body: batch };
    },

    identifyUser: async ({ data, input, now, emit }) => {
      const at = now().toISOString();
      let user = data.users.find((candidate) => candidate.user_id === input.body.user_id);
      if (!user) {
        user = newProfile(input.body.user_id, at, at);
        data.users.unshift(user);
      }
      const { traits, changed } = mergeTraits(user.traits, input.body.traits);
      user.traits = traits;
      if (changed) user.updated_at = at;
      markSeen(user, at);
      await emit('user.identified', user);
      return { status: 200, body: user };
    },

    listUsers: ({ data, input }) => ({
      status: 200,
      body: paginate(data.users, input.query, (user) => user.user_id),
    }),

    getUser: ({ data, input }) => {
      const user = data.users.find((candidate) => candidate.user_id === input.path.user_id);
      if (!user) {
        throw new ProblemError(
          404,
          `No user with user_id '${input.path.user_id}' has been tracked or identified with this key.`,
        );
      }
      return { status: 200, body: user };
    },

    getEventCounts: ({ data, input, now }) => {
      const { event, interval = 'day' } = input.query;
      const range = rangeOrRefuse(input.query, now(), 'query');
      const { series, total } = countEvents(data.events, { event, range, interval });
      return {
        status: 200,
        body: { object: 'event_counts', event: event ?? null, interval, ...range, series, total },
      };
    },

    getFunnel: ({ data, input, now }) => {
      // The core validates the body but does not fill in schema defaults.
      const { steps, within_seconds = DEFAULT_WITHIN_SECONDS } = input.body;
      const range = rangeOrRefuse(input.body, now(), 'body');
      return {
        status: 200,
        body: {
          object: 'funnel',
          ...range,
          within_seconds,
          steps: computeFunnel(data.events, { steps, range, withinSeconds: within_seconds }),
        },
      };
    },
  },
});
