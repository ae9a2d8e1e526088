/**
 * Idempotency keys, as payment APIs offer them: a POST sent again with the same `Idempotency-Key` and the same body
 * gets the first answer back, marked `Idempotent-Replayed: true`, without running a second time; the same key with a
 * different request is a 409. Answers are kept per key, API and operation, in the key's state.
 */
import { PUBLIC_KEY } from './auth.ts';
import type { Operation } from './openapi.ts';
import { ProblemError } from './problem.ts';
import type { ApiState, StoredReply } from './state.ts';

export interface IdempotentRequest {
  /** Where the answer is kept, or undefined when the request carries no key (or is not a POST). */
  slot: string | undefined;
  /** What must match for a replay: method, path and exact body. */
  fingerprint: string;
}

export function idempotentRequest(request: Request, operation: Operation, rawBody: string): IdempotentRequest {
  const key = request.method === 'POST' ? request.headers.get('idempotency-key') : null;
  return {
    slot: key ? `${operation.id}:${key}` : undefined,
    fingerprint: `${request.method} ${new URL(request.url).pathname} ${rawBody}`,
  };
}

/** The first answer to this request, marked as replayed; a 409 when the key was used for another request. */
export function replayed(draft: ApiState, { slot, fingerprint }: IdempotentRequest): StoredReply | undefined {
  const previous = slot ? draft.idempotency[slot] : undefined;
  if (!previous) return undefined;
  if (previous.fingerprint !== fingerprint) {
    throw new ProblemError(
      409,
      'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
      { errors: [{ pointer: '/header/Idempotency-Key', detail: 'was used before with a different body' }] },
    );
  }
  return { ...previous, headers: { ...previous.headers, 'idempotent-replayed': 'true' } };
}

/** Keep an answer for replays. Requests without a key of their own (public operations) share nothing. */
export function remember(draft: ApiState, request: IdempotentRequest, reply: StoredReply, sandboxKey: string): void {
  reply.fingerprint = request.fingerprint;
  if (request.slot && sandboxKey !== PUBLIC_KEY) draft.idempotency[request.slot] = reply;
}
