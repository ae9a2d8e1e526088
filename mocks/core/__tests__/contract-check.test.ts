import { describe, expect, test } from 'vitest';
import { createEngineRoomSandbox } from '../../catalog.ts';
import { checkRequest, checkResponse } from '../contract-check.ts';

const engine = createEngineRoomSandbox().engine('payments');
const operation = (method: string, path: string) => {
  const route = engine.router.match(method, path);
  if (route.kind !== 'operation') throw new Error(`no ${method} ${path}`);
  return route.operation;
};
const KEY = { authorization: 'Bearer sk_test_contract_check' };
const json = (body: unknown) => ({ ...KEY, 'content-type': 'application/json', body: JSON.stringify(body) });

describe('checkRequest', () => {
  test.each([
    ['a valid payment intent', 'POST', '/payment_intents', json({ amount: 2500, currency: 'usd' }), []],
    [
      'an amount below the minimum',
      'POST',
      '/payment_intents',
      json({ amount: 10, currency: 'usd' }),
      ['/body/amount must be at least 50'],
    ],
    [
      'a missing required field and an unknown one',
      'POST',
      '/payment_intents',
      json({ amount: 2500, colour: 'red' }),
      ['/body/currency is required', '/body/colour is not a known field'],
    ],
    ['a body that is not JSON', 'POST', '/customers', { ...json({}), body: '{"email": ' }, ['/body is not valid JSON']],
    ['a query parameter out of range', 'GET', '/customers?limit=500', KEY, ['/query/limit must be at most 100']],
    ['an unknown path', 'GET', '/nowhere', KEY, ['/path /nowhere is not a path of this API']],
    ['a method the path does not take', 'PUT', '/customers', KEY, ['/method PUT is not allowed here']],
  ])('%s', async (_name, method, target, init, expected) => {
    const { body, ...headers } = init as Record<string, string>;
    const request = new Request(`http://site.test/sandbox/payments/v1${target}`, {
      method,
      headers,
      body: body ?? null,
    });
    const errors = await checkRequest(engine, request, target.split('?')[0]!);
    const messages = errors.map((error) => `${error.pointer} ${error.detail}`);
    expect(messages).toHaveLength(expected.length);
    for (const [index, prefix] of expected.entries()) expect(messages[index]).toContain(prefix);
  });

  test('leaves the request readable, so it can still be sent', async () => {
    const request = new Request('http://site.test/sandbox/payments/v1/customers', {
      method: 'POST',
      ...{ headers: { ...KEY, 'content-type': 'application/json' } },
      body: JSON.stringify({ email: 'ada@example.com' }),
    });
    expect(await checkRequest(engine, request, '/customers')).toEqual([]);
    expect(await request.json()).toEqual({ email: 'ada@example.com' });
  });
});

describe('checkResponse', () => {
  const create = operation('POST', '/customers');
  const customer = {
    id: 'cus_1234',
    object: 'customer',
    name: null,
    email: 'ada@example.com',
    description: null,
    metadata: {},
    created_at: '2026-11-25T10:00:00Z',
    updated_at: '2026-11-25T10:00:00Z',
  };
  test.each([
    ['a documented answer that matches', 201, 'application/json', customer, []],
    ['a documented error', 422, 'application/problem+json', { type: 'about:blank', title: 'x', status: 422 }, []],
    ['a status the operation never documents', 418, 'application/json', {}, ['/status 418 is not a documented']],
    ['a body that breaks the schema', 201, 'application/json', { ...customer, id: 42 }, ['/body/id must be a string']],
    ['the wrong media type', 201, 'text/html', customer, ['/headers/content-type is text/html, expected']],
  ])('%s', (_name, status, contentType, body, expected) => {
    const errors = checkResponse(engine, create, { status, contentType, body: JSON.stringify(body) });
    const messages = errors.map((error) => `${error.pointer} ${error.detail}`);
    expect(messages).toHaveLength(expected.length);
    for (const [index, prefix] of expected.entries()) expect(messages[index]).toContain(prefix);
  });
});
