import { describe, expect, test } from 'vitest';
import { createEngineRoomSandbox } from '../../../mocks/catalog.ts';
import { specs } from '../../../mocks/generated/specs.ts';
import { contractOf, type OpenApiDocument } from '../contract-check.ts';

/** The document the sandbox itself answers from, so the checks and the answers never drift apart. */
const payments = contractOf(specs['payments'] as OpenApiDocument);
const messaging = contractOf(specs['messaging'] as OpenApiDocument);

async function call(method: string, url: string, body?: unknown) {
  const sandbox = createEngineRoomSandbox();
  const response = await sandbox.handle(
    new Request(url, {
      method,
      headers: { Authorization: 'Bearer sk_test_contract_check', 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    }),
  );
  if (!response) throw new TypeError(`no sandbox handler for ${url}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const checkout = { amount: 2500, currency: 'usd', customer: 'cus_demo0001', metadata: { order_id: '1042' } };

describe('contractOf: request bodies', () => {
  test('a body the document accepts has no mismatches', () => {
    expect(payments.request('POST', '/payment_intents', checkout)).toEqual([]);
  });

  test('a price in dollars and an upper-case currency are each named by field', () => {
    const problems = payments.request('POST', '/payment_intents', { ...checkout, amount: 19.99, currency: 'USD' });
    expect(problems.map((problem) => problem.pointer)).toEqual(expect.arrayContaining(['/amount', '/currency']));
  });

  test('an unknown operation is an error in the test, not a silent pass', () => {
    expect(() => payments.request('POST', '/charges', checkout)).toThrow('The document has no POST /charges.');
  });
});

describe('contractOf: answers from the sandbox', () => {
  test('a created payment intent matches the documented 201', async () => {
    const { status, body } = await call('POST', 'http://site.test/sandbox/payments/v1/payment_intents', checkout);
    expect(status).toBe(201);
    expect(payments.response('POST', '/payment_intents', status, body)).toEqual([]);
  });

  test('a list of messages matches the documented 200', async () => {
    const { status, body } = await call('GET', 'http://site.test/sandbox/messaging/v1/messages');
    expect(status).toBe(200);
    expect(messaging.response('GET', '/messages', status, body)).toEqual([]);
  });

  test('an error answer is checked against the shared response it refers to', async () => {
    const { status, body } = await call('GET', 'http://site.test/sandbox/payments/v1/customers/cus_missing0001');
    expect(status).toBe(404);
    expect(payments.response('GET', '/customers/{id}', status, body)).toEqual([]);
    expect(payments.response('GET', '/customers/{id}', status, { ...body, status: '404' })).not.toEqual([]);
  });

  test('an answer that lost a required field is caught', async () => {
    const { status, body } = await call('POST', 'http://site.test/sandbox/payments/v1/payment_intents', checkout);
    const { status: _dropped, ...withoutStatus } = body;
    expect(payments.response('POST', '/payment_intents', status, withoutStatus)).toEqual([
      { pointer: '', problem: 'Instance does not have required property "status".' },
    ]);
  });

  test('a status the document does not list is reported', () => {
    expect(payments.response('GET', '/customers', 418, {})).toEqual([
      { pointer: '', problem: 'the document does not list a 418 answer to GET /customers' },
    ]);
  });
});
