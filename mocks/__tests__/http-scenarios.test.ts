import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createEngineRoomSandbox } from '../catalog.ts';
import { exampleRequest } from '../core/example-request.ts';
import { listOperations } from '../core/openapi.ts';
import { specs } from '../generated/specs.ts';
import { createSandboxServer } from '../server.ts';

/**
 * The flows readers follow with curl or their own code, over TCP. Two halves:
 *
 * - `npm run sandbox` itself, started the way the README says and stopped with Ctrl-C (SIGINT): it starts, answers
 *   every API, logs each request and stops cleanly.
 * - The flows (a checkout, a text message's delivery, OAuth, reports, uploads, the AI rate limit, a ride) against the
 *   same server and sandbox that `npm run sandbox` runs (`createSandboxServer` and `createEngineRoomSandbox` with
 *   the `/` mount), in this process, so that each test gets a fresh sandbox and a clock it moves itself: a message's
 *   delivery and a rate-limit window are checked to the second without sleeping, and a report's day is a fixed
 *   date, not today's.
 */

/** Start `mocks/server.ts` as `npm run sandbox` does, on a free port. */
async function startSandbox() {
  const child = spawn(process.execPath, ['mocks/server.ts', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const base = await vi.waitFor(
    () => {
      const url = /sandbox on (http:\/\/localhost:\d+)/.exec(output)?.[1];
      if (!url) throw new Error(`npm run sandbox did not start:\n${output}`);
      return url;
    },
    { timeout: 10_000, interval: 100 },
  );
  return { child, base, output: () => output };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT');
  await once(child, 'exit');
}

describe('npm run sandbox, the process', () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => stop(sandbox.child));

  test.each(Object.keys(specs))('%s answers its documented example, and refuses it without a key', async (api) => {
    const operation = listOperations(specs[api]!).find(
      (o) => o.method === 'get' && (o.operation.security ?? specs[api]!.security)?.length,
    )!;
    // A key of its own, so that no other test's requests count towards this API's rate limit.
    const example = exampleRequest(specs[api]!, operation, `sk_test_example_${api}`);
    const query = new URLSearchParams(example.query).toString();
    const url = `${sandbox.base}/${api}/v1${example.path}${query ? `?${query}` : ''}`;
    expect((await fetch(url, { headers: example.headers })).status).toBe(200);
    const refused = await fetch(url);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  test('it logs one line per request', async () => {
    const response = await fetch(`${sandbox.base}/payments/v1/customers?limit=1`, {
      headers: { authorization: 'Bearer sk_test_http_log_reader' },
    });
    expect(response.status).toBe(200);
    // The line is written once the answer has gone out, so it may reach us a moment after the answer.
    await vi.waitFor(() =>
      expect(sandbox.output().split('\n')).toContainEqual(
        expect.stringMatching(/^GET \/payments\/v1\/customers\?limit=1 200 \d+\.\d ms$/),
      ),
    );
  });

  test('Ctrl-C stops it cleanly', async () => {
    // A process of its own, so that this test does not depend on running after the others.
    const { child, output } = await startSandbox();
    try {
      child.kill('SIGINT');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      expect(output()).toContain('Stopping the sandbox.');
    } finally {
      await stop(child);
    }
  });
});

describe('reader flows over HTTP, on a clock the test moves', () => {
  const KEY = 'sk_test_over_http01';
  /** A fixed instant after every moment in the specs' examples (the events a fresh key starts with), as readers' are. */
  const START = Date.parse('2026-12-01T09:00:00Z');
  let time = START;
  const advance = (milliseconds: number) => (time += milliseconds);
  let server: Server;
  let base = '';

  beforeEach(async () => {
    time = START;
    server = createSandboxServer(createEngineRoomSandbox({ mount: '/', now: () => new Date(time) }), () => undefined);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });

  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  test('a checkout: customer, payment, refund, events', async () => {
    const customer = await call('POST', '/payments/v1/customers', { email: 'http@example.com' });
    expect(customer.status).toBe(201);
    const intent = await call('POST', '/payments/v1/payment_intents', {
      amount: 3100,
      currency: 'usd',
      customer: customer.body.id,
    });
    const paid = await call('POST', `/payments/v1/payment_intents/${intent.body.id}/confirm`, {
      payment_method: 'pm_card_visa',
    });
    expect(paid.body.status).toBe('succeeded');
    expect(paid.headers.get('ratelimit-limit')).toBe('100');
    const refund = await call('POST', '/payments/v1/refunds', { payment_intent: intent.body.id });
    expect(refund.body.amount).toBe(3100);
    const events = await call('GET', '/payments/v1/events?limit=2');
    expect(events.body.data.map((e: { type: string }) => e.type)).toEqual([
      'refund.created',
      'payment_intent.succeeded',
    ]);
  });

  test('messaging: a text is queued, sent a second later and delivered two seconds after that', async () => {
    const sent = await call('POST', '/messaging/v1/messages', {
      channel: 'sms',
      to: '+15555550123',
      body: 'Your code is 123456',
    });
    expect(sent).toMatchObject({ status: 201, body: { status: 'queued', segments: 1 } });
    const status = async () => (await call('GET', `/messaging/v1/messages/${sent.body.id}`)).body.status;
    advance(999);
    expect(await status()).toBe('queued');
    advance(1);
    expect(await status()).toBe('sent');
    advance(2000);
    expect(await status()).toBe('delivered');
  });

  test('social: authorize, exchange the code for a token, then act with it', async () => {
    const authorize = await fetch(
      `${base}/social/v1/oauth/authorize?response_type=code&client_id=app_http&redirect_uri=${encodeURIComponent('https://app.example.com/cb')}&scope=${encodeURIComponent('profile:read posts:write')}&state=xyz12345`,
    );
    const { code } = await authorize.json();
    const token = await fetch(`${base}/social/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: 'https://app.example.com/cb',
        client_id: 'app_http',
        client_secret: KEY,
      }),
    });
    const { access_token } = await token.json();
    const me = await fetch(`${base}/social/v1/me`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(me.status).toBe(200);
    const denied = await fetch(`${base}/social/v1/users/usr_demo0002/followers`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(denied.status).toBe(403);
  });

  test('analytics: a tracked event shows up in the day’s count', async () => {
    const counts = `/analytics/v1/reports/event-counts?event=http_test&from=2026-12-01&to=2026-12-01`;
    expect((await call('GET', counts)).body.total).toBe(0);
    expect((await call('POST', '/analytics/v1/track', { event: 'http_test', user_id: 'user_http' })).status).toBe(202);
    expect((await call('GET', counts)).body.total).toBe(1);
  });

  test('storage: bytes come back exactly as they were uploaded', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const url = `${base}/storage/v1/buckets/user-uploads/objects/${encodeURIComponent('http/raw.bin')}`;
    const put = await fetch(url, {
      method: 'PUT',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(put.status).toBe(200);
    const got = await fetch(url, { headers: { authorization: `Bearer ${KEY}` } });
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
    expect(got.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
  });

  test('ai: the same prompt gives the same text; the sixth call in ten seconds is refused until the window ends', async () => {
    const ask = () => call('POST', '/ai/v1/completions', { model: 'er-text-small', prompt: 'Say hello over HTTP' });
    const firstFive = [];
    for (let i = 0; i < 5; i++) firstFive.push(await ask());
    expect(firstFive.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(firstFive.map((answer) => answer.body.text)).size).toBe(1);
    const sixth = await ask();
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('retry-after')).toBe('10');
    advance(9_000);
    expect((await ask()).headers.get('retry-after')).toBe('1');
    advance(1_000);
    expect((await ask()).status).toBe(200);
  });

  test('location: quote a trip and book a ride with the nearest driver', async () => {
    const quote = await call('POST', '/location/v1/routes/quote', {
      origin: { lat: 37.7955, lng: -122.3937 },
      destination: { lat: 37.7786, lng: -122.3893 },
      mode: 'driving',
    });
    expect(quote.body).toMatchObject({ distance_meters: 2494, fare_estimate: { amount: 624 } });
    const ride = await call('POST', '/location/v1/rides', {
      origin: quote.body.origin,
      destination: quote.body.destination,
      rider_name: 'HTTP',
    });
    expect(ride.body).toMatchObject({ status: 'driver_assigned', driver: { object: 'driver' } });
  });
});
