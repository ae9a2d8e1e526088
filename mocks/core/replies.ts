/**
 * The last stage of a request: a handler's reply stored as text (so that idempotent replays and persistence keep the
 * exact bytes), and stored replies and refusals turned into answers, which become web `Response`s.
 */
import { fromBase64, toBase64 } from './bytes.ts';
import type { Reply } from './define-api.ts';
import { documentedError } from './documented-error.ts';
import type { Operation } from './openapi.ts';
import { ProblemError } from './problem.ts';
import type { StoredReply } from './state.ts';
import type { SpecValidator } from './validate.ts';

export function serialise(reply: Reply, at: Date): StoredReply {
  const headers = { ...reply.headers };
  let body = '';
  if (reply.body instanceof Uint8Array) {
    body = `base64:${toBase64(reply.body)}`;
  } else if (reply.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body =
      typeof reply.body === 'string' && !headers['content-type'].includes('json')
        ? reply.body
        : JSON.stringify(reply.body);
  }
  return { fingerprint: '', status: reply.status, headers, body, created_at: at.toISOString() };
}

/**
 * An answer in plain parts, as `new Response(body, { status, headers })` takes them: the browser turns it into a
 * web Response, the local server writes it to its socket as it is.
 */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array<ArrayBuffer> | null;
}

export const webResponse = ({ status, headers, body }: Answer) => new Response(body, { status, headers });

export function storedAnswer(reply: StoredReply, rateHeaders: Record<string, string>): Answer {
  const body = reply.body.startsWith('base64:') ? fromBase64(reply.body.slice(7)) : reply.body || null;
  const status = reply.status;
  return {
    status,
    headers: { ...rateHeaders, ...reply.headers },
    body: status === 204 || status === 304 ? null : body,
  };
}

/** Anything a stage threw that is not a refusal: logged, and answered as a 500 problem with its first line. */
export function sandboxFailure(error: unknown): ProblemError {
  console.error('[sandbox]', error);
  const reason = String((error as Error).message ?? error)
    .split('\n')[0]!
    .slice(0, 300);
  return new ProblemError(500, `The sandbox failed to answer: ${reason}`);
}

/**
 * A refusal as RFC 9457 problem details, or, when the operation documents an error body of its own shape, as that
 * shape with the problem's detail and field pointers written into it (see core/documented-error.ts).
 */
export function problemAnswer(
  error: ProblemError,
  url: URL,
  rateHeaders: Record<string, string> = {},
  documented?: { validator: SpecValidator; operation: Operation },
): Answer {
  const problem = error.toProblem(url.pathname);
  const shaped = documented ? documentedError(documented.validator, documented.operation, problem) : undefined;
  return {
    status: error.status,
    headers: {
      ...rateHeaders,
      ...error.extra.headers,
      'content-type': shaped?.mediaType ?? 'application/problem+json',
    },
    body: JSON.stringify(shaped ? shaped.body : problem),
  };
}
