/**
 * fetchWithRetry: one HTTP call to another service, made safe to repeat.
 *
 * - Every attempt has its own timeout, and an optional deadline bounds the whole call.
 * - It retries network errors, timeouts, 429 Too Many Requests and 502, 503 and 504. Never a 501 or another 4xx:
 *   sending the same request again would fail the same way.
 * - It waits as long as Retry-After says (seconds or an HTTP date), otherwise an exponential backoff with full
 *   jitter, capped. A Retry-After longer than the cap ends the retries instead of being cut short.
 * - It retries POST and PATCH only when the request carries an Idempotency-Key header, so a retry cannot create
 *   a second payment or send a second message. GET, HEAD, OPTIONS, PUT and DELETE are idempotent by definition.
 * - When it gives up, it throws an ApiError with the status and the parsed problem details (RFC 9457) body.
 *
 * Send the body as a string (or another body that can be read twice): every attempt sends it again.
 */

/** An error body in the problem details format (RFC 9457), with any extension members the API adds. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

/** Thrown when the call has failed for good: a refused request, or retries that ran out. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** The HTTP status of the last answer; undefined when no answer arrived (network error or timeout). */
  readonly status: number | undefined;
  /** The parsed error body, when the answer had a JSON body. */
  readonly problem: ProblemDetails | undefined;
  /** How many requests were sent. */
  readonly attempts: number;
  /** The value of the last answer's Request-Id header, to quote to the provider's support. */
  readonly requestId: string | undefined;

  constructor(
    message: string,
    details: { status?: number; problem?: ProblemDetails; attempts: number; requestId?: string; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.problem = details.problem;
    this.attempts = details.attempts;
    this.requestId = details.requestId;
  }
}

export interface RetryOptions {
  /** Requests to send at most, the first one included. */
  maxAttempts?: number;
  /** How long one attempt may take before it is abandoned and counts as a timeout. */
  timeoutMs?: number;
  /** A budget for the whole call, waits included; no attempt or wait is started that would overrun it. */
  deadlineMs?: number;
  /** The backoff before the first retry; it doubles for each later one. */
  baseDelayMs?: number;
  /** The longest wait between attempts, for backoff and for Retry-After alike. */
  maxDelayMs?: number;
  /** Told before each wait, for logs and metrics. */
  onRetry?: (retry: { attempt: number; delayMs: number; reason: string }) => void;
  /** Injectable for tests: the fetch to call, how to wait, randomness and the clock. */
  fetch?: (url: string | URL, init: RequestInit) => Promise<Response>;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
/** RFC 9110, section 9.2.2: sending these twice has the same effect as sending them once. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

export async function fetchWithRetry(
  url: string | URL,
  init: RequestInit = {},
  options: RetryOptions = {},
): Promise<Response> {
  const {
    maxAttempts = 4,
    timeoutMs = 10_000,
    deadlineMs = Infinity,
    baseDelayMs = 500,
    maxDelayMs = 30_000,
    onRetry,
    fetch: send = globalThis.fetch,
    sleep = wait,
    random = Math.random,
    now = Date.now,
  } = options;
  const target = new URL(url); // a malformed address throws here, once, instead of being retried
  const method = (init.method ?? 'GET').toUpperCase();
  const retrySafe = IDEMPOTENT_METHODS.has(method) || new Headers(init.headers).has('Idempotency-Key');
  const started = now();

  for (let attempt = 1; ; attempt++) {
    const remaining = started + deadlineMs - now();
    const signals = [AbortSignal.timeout(Math.max(1, Math.min(timeoutMs, remaining)))];
    if (init.signal) signals.push(init.signal);

    let failure: ApiError;
    let retryAfter: number | undefined;
    try {
      const response = await send(target, { ...init, signal: AbortSignal.any(signals) });
      if (response.status < 400) return response;
      failure = await errorFrom(response, attempt);
      if (!RETRYABLE_STATUSES.has(response.status)) throw failure;
      retryAfter = parseRetryAfter(response.headers.get('Retry-After'), now());
    } catch (error) {
      if (error instanceof ApiError) throw error;
      // The caller cancelled: stop at once, and let them see their own reason.
      if (init.signal?.aborted) throw error;
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      failure = new ApiError(
        timedOut ? `${method} ${target.pathname} timed out` : `${method} ${target.pathname} got no answer`,
        { attempts: attempt, cause: error },
      );
    }

    // A POST that timed out or met a 502 may still have been carried out: without a key, resending could repeat it.
    if (!retrySafe || attempt >= maxAttempts) throw failure;
    const backoff = random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    const delayMs = retryAfter ?? backoff;
    if (delayMs > maxDelayMs || now() + delayMs >= started + deadlineMs) throw failure;
    onRetry?.({ attempt, delayMs, reason: failure.status ? `status ${failure.status}` : failure.message });
    await sleep(delayMs, init.signal ?? undefined);
  }
}

/** Retry-After (RFC 9110, section 10.2.3) in milliseconds from now: delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date starts with the day's name ("Wed, 25 Nov 2026 12:00:20 GMT"); anything else is not one.
  const date = /^[A-Za-z]{3}/.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

async function errorFrom(response: Response, attempts: number): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let problem: ProblemDetails | undefined;
  if (/json/i.test(response.headers.get('Content-Type') ?? '')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) problem = parsed as ProblemDetails;
    } catch {
      // Not JSON after all: the status alone has to do.
    }
  }
  const summary = problem?.detail ?? problem?.title ?? response.statusText;
  const requestId = response.headers.get('Request-Id') ?? response.headers.get('X-Request-Id') ?? undefined;
  return new ApiError(`HTTP ${response.status}${summary ? `: ${summary}` : ''}`, {
    status: response.status,
    attempts,
    ...(problem ? { problem } : {}),
    ...(requestId ? { requestId } : {}),
  });
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
