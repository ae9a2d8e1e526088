import { describe, expect, test } from 'vitest';
import { sandboxClient } from './sandbox-client.ts';
import { verifyWebhook } from '../../core/webhooks.ts';

const KEY = 'sk_test_payments01';

// After the spec's example events, so that new events come first in the log.
const client = () => sandboxClient('payments', KEY, '2026-11-26T12:00:00Z');

describe('payments scenarios', () => {
  test('an id that names nothing is a 404 that points at the path parameter, for customers and events alike', async () => {
    const { call } = client();
    for (const path of ['/customers/cus_missing', '/events/evt_missing']) {
      const missing = await call('GET', path);
      expect(missing.status).toBe(404);
      expect(missing.body.errors).toEqual([
        { pointer: '/path/id', detail: 'is not the id of anything in this sandbox' },
      ]);
    }
  });

  test('checkout: create a customer, pay with a test Visa, refund part of it, and see every step as an event', async () => {
    const { call, sandbox } = client();
    const customer = await call('POST', '/customers', { email: 'lin@example.com', name: 'Lin' });
    expect(customer.status).toBe(201);

    const created = await call('POST', '/payment_intents', {
      amount: 4200,
      currency: 'eur',
      customer: customer.body.id,
    });
    expect(created.body).toMatchObject({ status: 'requires_payment_method', amount_received: 0 });

    const paid = await call('POST', `/payment_intents/${created.body.id}/confirm`, { payment_method: 'pm_card_visa' });
    expect(paid.body).toMatchObject({ status: 'succeeded', amount_received: 4200, payment_method: 'pm_card_visa' });

    const refund = await call('POST', '/refunds', { payment_intent: created.body.id, amount: 1200 });
    expect(refund).toMatchObject({ status: 201, body: { amount: 1200, currency: 'eur', status: 'succeeded' } });
    expect((await call('GET', `/payment_intents/${created.body.id}`)).body.amount_refunded).toBe(1200);

    const tooMuch = await call('POST', '/refunds', { payment_intent: created.body.id, amount: 5000 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors).toEqual([
      { pointer: '/body/amount', detail: 'must be at most 3000, the amount not yet refunded' },
    ]);

    const events = await call('GET', '/events?limit=4');
    expect(events.body.data.map((e: { type: string }) => e.type)).toEqual([
      'refund.created',
      'payment_intent.succeeded',
      'payment_intent.created',
      'customer.created',
    ]);
    const state = sandbox.state(KEY, 'payments');
    const delivery = state.deliveries[0]!;
    expect(
      await verifyWebhook(state.webhookSecret, delivery.headers, delivery.body, new Date(delivery.created_at)),
    ).toEqual({ valid: true });
  });

  test('a declined card is a 200 whose status asks for another payment method', async () => {
    const { call } = client();
    const created = await call('POST', '/payment_intents', { amount: 900, currency: 'usd' });
    const declined = await call('POST', `/payment_intents/${created.body.id}/confirm`, {
      payment_method: 'pm_card_insufficient_funds',
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { code: 'card_declined', decline_code: 'insufficient_funds' },
    });
    const retried = await call('POST', `/payment_intents/${created.body.id}/confirm`, {
      payment_method: 'pm_card_mastercard',
    });
    expect(retried.body).toMatchObject({ status: 'succeeded', last_payment_error: null });
  });

  test('3-D Secure: the payment waits in requires_action, takes nothing, and succeeds once the customer passes', async () => {
    const { call } = client();
    const created = await call('POST', '/payment_intents', { amount: 4900, currency: 'eur' });
    const id = created.body.id;
    const waiting = await call('POST', `/payment_intents/${id}/confirm`, {
      payment_method: 'pm_card_authentication_required',
    });
    expect(waiting.status).toBe(200);
    expect(waiting.body).toMatchObject({
      status: 'requires_action',
      amount_received: 0,
      amount_capturable: 0,
      next_action: { type: 'authenticate', authenticate: { method: 'three_d_secure' } },
    });
    expect(waiting.body.next_action.authenticate.instructions).toContain(`POST /payment_intents/${id}/authenticate`);
    // Confirming again does not skip the bank's check.
    expect((await call('POST', `/payment_intents/${id}/confirm`, {})).status).toBe(409);

    const passed = await call('POST', `/payment_intents/${id}/authenticate`, { outcome: 'complete' });
    expect(passed.body).toMatchObject({ status: 'succeeded', amount_received: 4900, next_action: null });
    expect((await call('POST', `/payment_intents/${id}/authenticate`, { outcome: 'complete' })).status).toBe(409);

    const events = await call('GET', '/events?limit=3');
    expect(events.body.data.map((e: { type: string }) => e.type)).toEqual([
      'payment_intent.succeeded',
      'payment_intent.requires_action',
      'payment_intent.created',
    ]);
    expect(events.body.data[1].data.object.status).toBe('requires_action');
  });

  test('3-D Secure with manual capture: passing the check puts the money on hold, ready to capture', async () => {
    const { call } = client();
    const created = await call('POST', '/payment_intents', {
      amount: 3100,
      currency: 'usd',
      capture_method: 'manual',
      payment_method: 'pm_card_authentication_required',
    });
    const id = created.body.id;
    expect((await call('POST', `/payment_intents/${id}/confirm`, {})).body.status).toBe('requires_action');
    const held = await call('POST', `/payment_intents/${id}/authenticate`, { outcome: 'complete' });
    expect(held.body).toMatchObject({ status: 'requires_capture', amount_capturable: 3100, amount_received: 0 });
    const captured = await call('POST', `/payment_intents/${id}/capture`, {});
    expect(captured.body).toMatchObject({ status: 'succeeded', amount_received: 3100 });
  });

  test('a failed 3-D Secure check sends the payment back for another attempt, as a payment_failed event', async () => {
    const { call } = client();
    const created = await call('POST', '/payment_intents', { amount: 2000, currency: 'eur' });
    const id = created.body.id;
    await call('POST', `/payment_intents/${id}/confirm`, { payment_method: 'pm_card_authentication_required' });
    const failed = await call('POST', `/payment_intents/${id}/authenticate`, { outcome: 'fail' });
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({
      status: 'requires_payment_method',
      payment_method: null,
      next_action: null,
      amount_received: 0,
      last_payment_error: { code: 'authentication_failed', decline_code: null },
    });
    expect((await call('GET', '/events?limit=1')).body.data[0].type).toBe('payment_intent.payment_failed');
    const retried = await call('POST', `/payment_intents/${id}/confirm`, { payment_method: 'pm_card_visa' });
    expect(retried.body).toMatchObject({ status: 'succeeded', last_payment_error: null });
  });

  test('a payment waiting for authentication can be canceled; other statuses cannot be authenticated', async () => {
    const { call } = client();
    // The demo payment pi_demo0004 waits for 3-D Secure in a fresh sandbox.
    expect((await call('GET', '/payment_intents/pi_demo0004')).body.status).toBe('requires_action');
    const canceled = await call('POST', '/payment_intents/pi_demo0004/cancel', {});
    expect(canceled.body).toMatchObject({ status: 'canceled', next_action: null });
    const refused = await call('POST', '/payment_intents/pi_demo0001/authenticate', { outcome: 'complete' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      'Payment intent pi_demo0001 has status succeeded; only payment intents in requires_action can be authenticated.',
    );
  });

  test('a confirm retried with the same Idempotency-Key replays the answer and sends no second event', async () => {
    const { call } = client();
    const created = await call('POST', '/payment_intents', {
      amount: 800,
      currency: 'usd',
      capture_method: 'manual',
      payment_method: 'pm_card_visa',
    });
    const headers = { 'idempotency-key': 'ride-1-hold' };
    const first = await call('POST', `/payment_intents/${created.body.id}/confirm`, {}, headers);
    const retry = await call('POST', `/payment_intents/${created.body.id}/confirm`, {}, headers);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const events = await call('GET', '/events?type=payment_intent.amount_capturable_updated&limit=100');
    expect(
      events.body.data.filter((e: { data: { object: { id: string } } }) => e.data.object.id === created.body.id),
    ).toHaveLength(1);
  });

  test('manual capture: authorize, capture less than authorized, and refuse a second capture', async () => {
    const { call } = client();
    const created = await call('POST', '/payment_intents', {
      amount: 7000,
      currency: 'usd',
      capture_method: 'manual',
      payment_method: 'pm_card_amex',
    });
    expect(created.body.status).toBe('requires_confirmation');
    const held = await call('POST', `/payment_intents/${created.body.id}/confirm`, {});
    expect(held.body).toMatchObject({ status: 'requires_capture', amount_capturable: 7000 });
    const captured = await call('POST', `/payment_intents/${created.body.id}/capture`, { amount_to_capture: 6000 });
    expect(captured.body).toMatchObject({ status: 'succeeded', amount_received: 6000, amount_capturable: 0 });
    expect((await call('POST', `/payment_intents/${created.body.id}/capture`, {})).status).toBe(409);
    expect((await call('POST', `/payment_intents/${created.body.id}/cancel`, {})).status).toBe(409);
  });

  test('a retried create with the same Idempotency-Key charges once', async () => {
    const { call } = client();
    const headers = { 'idempotency-key': 'order-2001' };
    const first = await call('POST', '/payment_intents', { amount: 1500, currency: 'usd' }, headers);
    const retry = await call('POST', '/payment_intents', { amount: 1500, currency: 'usd' }, headers);
    expect(retry.body.id).toBe(first.body.id);
    const list = await call('GET', '/payment_intents?limit=100');
    expect(list.body.data.filter((pi: { amount: number }) => pi.amount === 1500)).toHaveLength(1);
    expect((await call('POST', '/payment_intents', { amount: 1600, currency: 'usd' }, headers)).status).toBe(409);
  });

  test.each([
    ['an unknown customer', { amount: 500, currency: 'usd', customer: 'cus_nobody' }, '/body/customer'],
    [
      'an unknown test card',
      { amount: 500, currency: 'usd', payment_method: 'pm_card_unknown' },
      '/body/payment_method',
    ],
    ['an amount below the minimum', { amount: 10, currency: 'usd' }, '/body/amount'],
    ['an upper-case currency', { amount: 500, currency: 'USD' }, '/body/currency'],
  ])('%s is a 422 that names the field and creates nothing', async (_case, body, pointer) => {
    const { call } = client();
    const before = (await call('GET', '/payment_intents?limit=100')).body.data.length;
    const refused = await call('POST', '/payment_intents', body);
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([pointer]);
    expect((await call('GET', '/payment_intents?limit=100')).body.data).toHaveLength(before);
  });

  test('lists page with cursors: starting_after continues where the last page ended', async () => {
    const { call } = client();
    for (let i = 0; i < 5; i++) await call('POST', '/customers', { email: `c${i}@example.com` });
    const first = await call('GET', '/customers?limit=3');
    expect(first.body).toMatchObject({ object: 'list', has_more: true });
    const second = await call('GET', `/customers?limit=3&starting_after=${first.body.data[2].id}`);
    expect(second.body.has_more).toBe(true);
    const ids = [...first.body.data, ...second.body.data].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(6);
  });
});
