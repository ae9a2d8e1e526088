import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exampleRequest } from '../core/example-request.ts';
import { listOperations } from '../core/openapi.ts';
import { specs } from '../generated/specs.ts';

/**
 * The flows readers follow with curl or their own code, run against the real `npm run sandbox` process: started the
 * way the README says, talked to over TCP, stopped with Ctrl-C (SIGINT).
 */
const KEY = 'sk_test_over_http01';
let child: ChildProcess;
let base = '';
const output: string[] = [];

beforeAll(async () => {
  child = spawn(process.execPath, ['mocks/server.ts', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => output.push(...chunk.split('\n').filter(Boolean)));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
  for (let i = 0; i < 100 && !base; i++) {
    base = /sandbox on (http:\/\/localhost:\d+)/.exec(output.join('\n'))?.[1] ?? '';
    if (!base) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!base) throw new Error(`npm run sandbox did not start:\n${output.join('\n')}`);
});

afterAll(async () => {
  if (child.exitCode === null) {
    child.kill('SIGINT');
    await once(child, 'exit');
  }
});

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : null,
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('npm run sandbox over HTTP', () => {
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

  test.each(Object.keys(specs))('%s answers its documented example, and refuses it without a key', async (api) => {
    const operation = listOperations(specs[api]!).find(
      (o) => o.method === 'get' && (o.operation.security ?? specs[api]!.security)?.length,
    )!;
    const example = exampleRequest(specs[api]!, operation, KEY);
    const query = new URLSearchParams(example.query).toString();
    const url = `${base}/${api}/v1${example.path}${query ? `?${query}` : ''}`;
    expect((await fetch(url, { headers: example.headers })).status).toBe(200);
    const refused = await fetch(url);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  test('messaging: a text moves from queued to sent as time passes', async () => {
    const sent = await call('POST', '/messaging/v1/messages', {
      channel: 'sms',
      to: '+15555550123',
      body: 'Your code is 123456',
    });
    expect(sent).toMatchObject({ status: 201, body: { status: 'queued', segments: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await call('GET', `/messaging/v1/messages/${sent.body.id}`)).body.status).toMatch(/^(sent|delivered)$/);
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
    const day = new Date().toISOString().slice(0, 10);
    const before = await call('GET', `/analytics/v1/reports/event-counts?event=http_test&from=${day}&to=${day}`);
    expect((await call('POST', '/analytics/v1/track', { event: 'http_test', user_id: 'user_http' })).status).toBe(202);
    const after = await call('GET', `/analytics/v1/reports/event-counts?event=http_test&from=${day}&to=${day}`);
    expect(after.body.total).toBe(before.body.total + 1);
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

  test('ai: the same prompt gives the same text; the sixth call in ten seconds is refused', async () => {
    const ask = () => call('POST', '/ai/v1/completions', { model: 'er-text-small', prompt: 'Say hello over HTTP' });
    const first = await ask();
    expect((await ask()).body.text).toBe(first.body.text);
    for (let i = 0; i < 3; i++) await ask();
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
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

  test('it logs one line per request', () => {
    expect(output.some((line) => /^POST \/payments\/v1\/customers 201 \d+\.\d ms$/.test(line))).toBe(true);
  });

  test('Ctrl-C stops it cleanly', async () => {
    child.kill('SIGINT');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(output.join('\n')).toContain('Stopping the sandbox.');
  });
});
