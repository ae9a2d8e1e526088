/**
 * The parts of a payment intent's state machine that several handlers share: the test cards and what the bank does
 * with each, a new intent's defaults, the refusal of a move its status does not allow, and the bank's approval.
 */
import { ProblemError, problems } from '../../core/problem.ts';
import type { components } from '../../generated/types/payments.ts';

type PaymentIntent = components['schemas']['PaymentIntent'];
type NextAction = components['schemas']['NextAction'];

/** Test cards: which succeed, how the others are declined, and which one asks for 3-D Secure first. */
const SUCCEEDING = new Set(['pm_card_visa', 'pm_card_mastercard', 'pm_card_amex']);
export const DECLINES: Record<string, { decline_code: 'generic_decline' | 'insufficient_funds'; message: string }> = {
  pm_card_declined: { decline_code: 'generic_decline', message: 'The card was declined.' },
  pm_card_insufficient_funds: { decline_code: 'insufficient_funds', message: 'The card has insufficient funds.' },
};
export const AUTHENTICATION_REQUIRED = 'pm_card_authentication_required';

/** What a payment intent in `requires_action` asks for: the same words the spec's examples show. */
export const authenticate = (id: string): NextAction => ({
  type: 'authenticate',
  authenticate: {
    method: 'three_d_secure',
    instructions:
      "The card's bank asks the customer to confirm this payment with 3-D Secure. Show the check with your " +
      `provider's front-end SDK. In this sandbox, play the customer's part with POST /payment_intents/${id}/authenticate.`,
  },
});

export function wrongState(intent: PaymentIntent, action: string, allowed: string[]): ProblemError {
  return problems.conflict(
    `Payment intent ${intent.id} has status ${intent.status}; only payment intents in ${allowed.join(' or ')} can be ${action}.`,
  );
}

export const paymentIntent = (
  fields: Partial<PaymentIntent> & Pick<PaymentIntent, 'id' | 'amount' | 'created_at'>,
): PaymentIntent => ({
  object: 'payment_intent',
  amount_capturable: 0,
  amount_received: 0,
  amount_refunded: 0,
  currency: 'usd',
  customer: null,
  description: null,
  status: 'requires_payment_method',
  capture_method: 'automatic',
  payment_method: null,
  next_action: null,
  last_payment_error: null,
  cancellation_reason: null,
  metadata: {},
  ...fields,
});

/** The bank approved: take the money (automatic capture) or hold it (manual capture), and say so in an event. */
export async function approve(
  intent: PaymentIntent,
  method: string,
  emit: (type: string, object: unknown) => Promise<unknown>,
) {
  Object.assign(intent, { payment_method: method, next_action: null, last_payment_error: null });
  if (intent.capture_method === 'manual') {
    Object.assign(intent, { status: 'requires_capture', amount_capturable: intent.amount });
    await emit('payment_intent.amount_capturable_updated', intent);
  } else {
    Object.assign(intent, { status: 'succeeded', amount_received: intent.amount });
    await emit('payment_intent.succeeded', intent);
  }
}

export function checkTestCard(method: string, pointer: string) {
  if (!SUCCEEDING.has(method) && !DECLINES[method] && method !== AUTHENTICATION_REQUIRED) {
    throw problems.invalid(
      pointer,
      `is not a test payment method: use ${[...SUCCEEDING, ...Object.keys(DECLINES), AUTHENTICATION_REQUIRED].join(', ')}`,
    );
  }
}
