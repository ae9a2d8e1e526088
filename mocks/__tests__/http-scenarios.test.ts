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
