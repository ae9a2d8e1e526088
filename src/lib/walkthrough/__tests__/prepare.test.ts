import { describe, expect, test } from 'vitest';
import { prepareSteps, type WalkthroughStep } from '../prepare';

const KEY = 'sk_test_prepare01';
const create: WalkthroughStep = {
  title: 'Create',
  api: 'payments',
  operation: 'createPaymentIntent',
  body: { amount: 2500, currency: 'usd' },
};

describe('preparing walkthrough steps at build time', () => {
  test.each([
    [
      'a placeholder that looks ahead',
      [{ ...create, body: { amount: '{{2.amount}}', currency: 'usd' } }, create],
      'page, step 1 ("Create"): placeholders may only use earlier steps, not step 2.',
    ],
    [
      'a header the operation does not document',
      [{ ...create, headers: { 'X-Request-Id': 'r1' } }],
      'page, step 1 ("Create"): createPaymentIntent documents no header "X-Request-Id" (its headers: Idempotency-Key).',
    ],
    [
      'a query that leaves out a required parameter',
      [{ title: 'Find', api: 'location', operation: 'reverseGeocode', query: { lat: '37.79' } }],
      'page, step 1 ("Find"): `query` leaves out the required lng.',
    ],
    [
      'an unknown operation',
      [{ ...create, operation: 'chargeCard' }],
      'the payments API has no operation "chargeCard"',
    ],
  ])('%s stops the build with a message naming the step', (_case, steps, message) => {
    expect(() => prepareSteps(steps as WalkthroughStep[], KEY, 'page')).toThrow(message);
  });

  test('headers are matched without regard to case and kept as written', () => {
    const [step] = prepareSteps([{ ...create, headers: { 'idempotency-key': 'order-1' } }], KEY, 'page');
    expect(step!.headers).toEqual({ 'idempotency-key': 'order-1' });
  });

  test("a step's query replaces the example's, so an example filter is not sent by accident", () => {
    const [listed, defaults] = prepareSteps(
      [
        { title: 'Events', api: 'payments', operation: 'listEvents', query: { limit: '3' } },
        { title: 'Events', api: 'payments', operation: 'listEvents' },
      ],
      KEY,
      'page',
    );
    expect(listed!.query).toEqual({ limit: '3' });
    expect(defaults!.query).toMatchObject({ type: 'refund.created' });
  });

  test("path values the step leaves out come from the spec's example", () => {
    const [step] = prepareSteps(
      [{ title: 'Capture', api: 'payments', operation: 'capturePaymentIntent', body: {} }],
      KEY,
      'page',
    );
    expect(step).toMatchObject({
      method: 'POST',
      path: '/payment_intents/{id}/capture',
      pathValues: { id: 'pi_demo0002' },
    });
  });
});
