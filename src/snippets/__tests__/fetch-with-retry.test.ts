import { describe, expect, test } from 'vitest';
import { ApiError, fetchWithRetry, parseRetryAfter, type RetryOptions } from '../fetch-with-retry.ts';

type Answer = Response | Error;

const problem = (status: number, detail: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Error', status, detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
const ok = () => new Response('{"ok":true}', { status: 200, headers: { 'Content-Type': 'application/json' } });
const networkError = () => new TypeError('fetch failed');
const timeout = () => new DOMException('The operation was aborted due to timeout', 'TimeoutError');

/** A fake fetch that gives the answers in order, and a fake clock that only moves when the helper sleeps. */
function harness(answers: Answer[], options: RetryOptions = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const sleeps: number[] = [];
  const retries: string[] = [];
  let clock = Date.parse('2026-11-25T12:00:00Z');
  const settings: RetryOptions = {
    fetch: async (url, init) => {
      calls.push({ url: String(url), init });
      const answer = answers[calls.length - 1];
      if (answer === undefined) throw new Error(`unexpected request ${calls.length}`);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    now: () => clock,
    onRetry: ({ attempt, reason }) => retries.push(`${attempt}: ${reason}`),
    ...options,
  };
  return { calls, sleeps, retries, settings };
}

const url = 'https://api.example.com/v1/payment_intents';

/** Run a call that must fail and return its ApiError. */
async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('fetchWithRetry', () => {
  test('returns the first successful answer without waiting', async () => {
    const { calls, sleeps, settings } = harness([ok()]);
    const response = await fetchWithRetry(url, {}, settings);
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  test.each([429, 502, 503, 504])('retries a %i on a GET, then returns the success', async (status) => {
    const { calls, retries, settings } = harness([problem(status, 'busy'), ok()]);
    const response = await fetchWithRetry(url, {}, settings);
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(2);
    expect(retries).toEqual([`1: status ${status}`]);
  });

  test.each([400, 401, 403, 404, 409, 422, 500, 501])('never retries a %i', async (status) => {
    const { calls, sleeps, settings } = harness([problem(status, 'no'), ok()]);
    const error = await failure(fetchWithRetry(url, {}, settings));
    expect(error.status).toBe(status);
    expect(error.attempts).toBe(1);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  test('retries network errors and timeouts', async () => {
    const { calls, retries, settings } = harness([networkError(), timeout(), ok()]);
    const response = await fetchWithRetry(url, {}, settings);
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(3);
    expect(retries).toEqual(['1: GET /v1/payment_intents got no answer', '2: GET /v1/payment_intents timed out']);
  });

  test('gives every attempt its own abort signal (the per-attempt timeout)', async () => {
    const { calls, settings } = harness([networkError(), ok()]);
    await fetchWithRetry(url, {}, settings);
    const [first, second] = calls.map((call) => call.init.signal);
    expect(first).toBeInstanceOf(AbortSignal);
    expect(second).toBeInstanceOf(AbortSignal);
    expect(first).not.toBe(second);
  });

  test('backs off exponentially with full jitter, capped at maxDelayMs', async () => {
    const answers = Array.from({ length: 6 }, () => problem(503, 'down'));
    const { sleeps, settings } = harness(answers, { maxAttempts: 6, random: () => 1, maxDelayMs: 5_000 });
    const error = await failure(fetchWithRetry(url, {}, settings));
    expect(sleeps).toEqual([500, 1_000, 2_000, 4_000, 5_000]);
    expect(error.attempts).toBe(6);
  });

  test('full jitter waits a random part of the backoff, from zero up', async () => {
    const { sleeps, settings } = harness([problem(503, 'down'), problem(503, 'down'), ok()], { random: () => 0.25 });
    await fetchWithRetry(url, {}, settings);
    expect(sleeps).toEqual([125, 250]);
  });

  test('waits the seconds in Retry-After instead of the backoff', async () => {
    const { sleeps, settings } = harness([problem(429, 'slow down', { 'Retry-After': '7' }), ok()]);
    await fetchWithRetry(url, {}, settings);
    expect(sleeps).toEqual([7_000]);
  });

  test('waits until the HTTP date in Retry-After', async () => {
    const { sleeps, settings } = harness([
      problem(503, 'maintenance', { 'Retry-After': 'Wed, 25 Nov 2026 12:00:20 GMT' }),
      ok(),
    ]);
    await fetchWithRetry(url, {}, settings);
    expect(sleeps).toEqual([20_000]);
  });

  test('gives up rather than cut short a Retry-After longer than the cap', async () => {
    const { calls, sleeps, settings } = harness([problem(429, 'quota', { 'Retry-After': '3600' }), ok()]);
    const error = await failure(fetchWithRetry(url, {}, settings));
    expect(error.status).toBe(429);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  test('does not start a wait that would pass the deadline', async () => {
    const { calls, sleeps, settings } = harness([problem(503, 'a'), problem(503, 'b'), ok()], {
      random: () => 1,
      deadlineMs: 1_200,
    });
    const error = await failure(fetchWithRetry(url, {}, settings));
    // 500 ms fits in the budget; the next backoff, 1,000 ms more, would end at 1,500 ms.
    expect(sleeps).toEqual([500]);
    expect(calls).toHaveLength(2);
    expect(error.problem?.detail).toBe('b');
  });

  test('does not retry a POST without an Idempotency-Key', async () => {
    for (const answer of [problem(503, 'down'), networkError(), timeout()]) {
      const { calls, settings } = harness([answer, ok()]);
      const error = await failure(fetchWithRetry(url, { method: 'POST', body: '{}' }, settings));
      expect(calls).toHaveLength(1);
      expect(error.attempts).toBe(1);
    }
  });

  test('retries a POST with an Idempotency-Key, sending the same key and body every time', async () => {
    const { calls, settings } = harness([networkError(), problem(502, 'gateway'), ok()]);
    const init = { method: 'POST', headers: { 'Idempotency-Key': 'order-1042' }, body: '{"amount":2500}' };
    const response = await fetchWithRetry(url, init, settings);
    expect(response.status).toBe(200);
    expect(calls.map((call) => new Headers(call.init.headers).get('idempotency-key'))).toEqual([
      'order-1042',
      'order-1042',
      'order-1042',
    ]);
    expect(calls.map((call) => call.init.body)).toEqual(['{"amount":2500}', '{"amount":2500}', '{"amount":2500}']);
  });

  test.each(['PUT', 'DELETE', 'HEAD', 'OPTIONS'])('retries %s without a key: it is idempotent', async (method) => {
    const { calls, settings } = harness([problem(503, 'down'), ok()]);
    await fetchWithRetry(url, { method }, settings);
    expect(calls).toHaveLength(2);
  });

  test('throws an ApiError with the status and the parsed problem details when retries run out', async () => {
    const answers = [1, 2, 3, 4].map(() =>
      problem(503, 'The service is down for maintenance.', { 'Request-Id': 'req_42' }),
    );
    const { calls, settings } = harness(answers);
    const error = await failure(fetchWithRetry(url, {}, settings));
    expect(calls).toHaveLength(4);
    expect(error).toMatchObject({
      name: 'ApiError',
      status: 503,
      attempts: 4,
      requestId: 'req_42',
      message: 'HTTP 503: The service is down for maintenance.',
      problem: { type: 'about:blank', status: 503, detail: 'The service is down for maintenance.' },
    });
  });

  test('keeps the last network error as the cause when no answer ever came', async () => {
    const { settings } = harness([timeout(), timeout(), timeout(), timeout()]);
    const error = await failure(fetchWithRetry(url, {}, settings));
    expect(error.status).toBeUndefined();
    expect(error.problem).toBeUndefined();
    expect((error.cause as Error).name).toBe('TimeoutError');
  });

  test('an error body that is not JSON leaves problem undefined', async () => {
    const { settings } = harness([new Response('<h1>Bad gateway</h1>', { status: 400, statusText: 'Bad Request' })]);
    const error = await failure(fetchWithRetry(url, {}, settings));
    expect(error.problem).toBeUndefined();
    expect(error.message).toBe('HTTP 400: Bad Request');
  });

  test("stops at once when the caller's own signal aborts", async () => {
    const controller = new AbortController();
    controller.abort(new Error('user left the page'));
    const { calls, settings } = harness([new DOMException('aborted', 'AbortError'), ok()]);
    await expect(fetchWithRetry(url, { signal: controller.signal }, settings)).rejects.toThrow('aborted');
    expect(calls).toHaveLength(1);
  });

  test('a malformed URL throws before any request', async () => {
    const { calls, settings } = harness([ok()]);
    await expect(fetchWithRetry('not a url', {}, settings)).rejects.toThrow(TypeError);
    expect(calls).toHaveLength(0);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  test.each([
    [null, undefined],
    ['0', 0],
    ['7', 7_000],
    [' 120 ', 120_000],
    ['Wed, 25 Nov 2026 12:01:00 GMT', 60_000],
    ['Wed, 25 Nov 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
  ])('%s → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
