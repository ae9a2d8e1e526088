/**
 * Compile-time proof that handlers are checked against the spec (run by `tsc` in `npm run check`): each
 * `@ts-expect-error` below must stay an error, or tsc fails with "unused @ts-expect-error".
 */
import { defineApi } from '../core/define-api.ts';
import type { operations } from '../generated/types/payments.ts';

defineApi<operations, Record<string, never>>({
  seed: () => ({}),
  handlers: {
    // @ts-expect-error: 202 is not a status the spec declares for getRefund.
    getRefund: () => ({ status: 202, body: {} }),
    // @ts-expect-error: a refund without `amount` does not match the declared Refund schema.
    createRefund: () => ({
      status: 201,
      body: {
        id: 're_1',
        object: 'refund',
        currency: 'usd',
        payment_intent: 'pi_1',
        reason: null,
        status: 'succeeded',
        created_at: '',
      },
    }),
    // Input is typed too: `input.path.id` is a string, and unknown body fields do not exist.
    // @ts-expect-error: PaymentIntentCreate has no `colour` field.
    createPaymentIntent: ({ input }) => ({ status: 201, body: input.body.colour }),
  },
});
