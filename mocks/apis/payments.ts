import { findById } from '../core/find-by-id.ts';
import { defineApi } from '../core/define-api.ts';
import { paginate } from '../core/pagination.ts';
import { problems } from '../core/problem.ts';
import type { components, operations } from '../generated/types/payments.ts';
import {
  approve,
  authenticate,
  AUTHENTICATION_REQUIRED,
  checkTestCard,
  DECLINES,
  paymentIntent,
  wrongState,
} from './payments/intents.ts';

type Customer = components['schemas']['Customer'];
type PaymentIntent = components['schemas']['PaymentIntent'];
type Refund = components['schemas']['Refund'];

export interface PaymentsData {
  customers: Customer[];
  paymentIntents: PaymentIntent[];
  refunds: Refund[];
}

export const payments = defineApi<operations, PaymentsData>({
  // The same objects the spec's examples show, so that documented requests work in a fresh sandbox.
  seed: () => ({
    customers: [
      {
        id: 'cus_demo0002',
        object: 'customer',
        name: 'Grace Hopper',
        email: 'grace@example.com',
        description: null,
        metadata: {},
        created_at: '2026-11-25T09:40:00Z',
        updated_at: '2026-11-25T09:40:00Z',
      },
      {
        id: 'cus_demo0001',
        object: 'customer',
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        description: 'Analytical Engine subscription',
        metadata: { crm_id: 'CRM-1815' },
        created_at: '2026-11-25T09:30:00Z',
        updated_at: '2026-11-25T09:30:00Z',
      },
    ],
    paymentIntents: [
      paymentIntent({
        id: 'pi_demo0004',
        amount: 4900,
        currency: 'eur',
        customer: 'cus_demo0001',
        description: 'Order 1045',
        status: 'requires_action',
        payment_method: AUTHENTICATION_REQUIRED,
        next_action: authenticate('pi_demo0004'),
        created_at: '2026-11-25T13:10:00Z',
      }),
      paymentIntent({
        id: 'pi_demo0003',
        amount: 1200,
        customer: 'cus_demo0001',
        description: 'Order 1044',
        last_payment_error: {
          code: 'card_declined',
          decline_code: 'generic_decline',
          message: 'The card was declined.',
          payment_method: 'pm_card_declined',
        },
        created_at: '2026-11-25T12:20:00Z',
      }),
      paymentIntent({
        id: 'pi_demo0002',
        amount: 7500,
        amount_capturable: 7500,
        customer: 'cus_demo0001',
        description: 'Order 1043, charged on dispatch',
        status: 'requires_capture',
        capture_method: 'manual',
        payment_method: 'pm_card_visa',
        created_at: '2026-11-25T10:15:00Z',
      }),
      paymentIntent({
        id: 'pi_demo0001',
        amount: 2500,
        amount_received: 2500,
        amount_refunded: 1000,
        customer: 'cus_demo0001',
        description: 'Order 1042',
        status: 'succeeded',
        payment_method: 'pm_card_visa',
        metadata: { order_id: '1042' },
        created_at: '2026-11-25T09:31:00Z',
      }),
    ],
    refunds: [
      {
        id: 're_demo0001',
        object: 'refund',
        amount: 1000,
        currency: 'usd',
        payment_intent: 'pi_demo0001',
        reason: 'requested_by_customer',
        status: 'succeeded',
        created_at: '2026-11-25T14:00:00Z',
      },
    ],
  }),

  handlers: {
    createCustomer: async ({ data, input, id, now, emit }) => {
      const at = now().toISOString();
      const customer: Customer = {
        id: id('cus_'),
        object: 'customer',
        name: input.body.name ?? null,
        email: input.body.email,
        description: input.body.description ?? null,
        metadata: input.body.metadata ?? {},
        created_at: at,
        updated_at: at,
      };
      data.customers.unshift(customer);
      await emit('customer.created', customer);
      return { status: 201, body: customer };
    },
    listCustomers: ({ data, input }) => {
      const email = input.query.email?.toLowerCase();
      const customers = email ? data.customers.filter((c) => c.email.toLowerCase() === email) : data.customers;
      return { status: 200, body: paginate(customers, input.query) };
    },
    getCustomer: ({ data, input }) => ({ status: 200, body: findById(data.customers, input.path.id, 'customer') }),
    updateCustomer: async ({ data, input, now, emit }) => {
      const customer = findById(data.customers, input.path.id, 'customer');
      const { metadata, ...fields } = input.body;
      Object.assign(customer, fields, { updated_at: now().toISOString() });
      // As with most payment APIs, an empty string removes a metadata key; other keys are kept.
      for (const [key, value] of Object.entries(metadata ?? {})) {
        if (value === '') delete customer.metadata[key];
        else customer.metadata[key] = value;
      }
      await emit('customer.updated', customer);
      return { status: 200, body: customer };
    },
    deleteCustomer: async ({ data, input, emit }) => {
      const customer = findById(data.customers, input.path.id, 'customer');
      data.customers = data.customers.filter((c) => c.id !== customer.id);
      await emit('customer.deleted', customer);
      return { status: 200, body: { id: customer.id, object: 'customer', deleted: true } };
    },

    createPaymentIntent: async ({ data, input, id, now, emit }) => {
      const { customer, payment_method } = input.body;
      if (customer && !data.customers.some((c) => c.id === customer)) {
        throw problems.invalid('/body/customer', `refers to ${customer}, which does not exist in this sandbox`);
      }
      if (payment_method) checkTestCard(payment_method, '/body/payment_method');
      const intent = paymentIntent({
        id: id('pi_'),
        amount: input.body.amount,
        currency: input.body.currency,
        customer: customer ?? null,
        description: input.body.description ?? null,
        capture_method: input.body.capture_method ?? 'automatic',
        payment_method: payment_method ?? null,
        status: payment_method ? 'requires_confirmation' : 'requires_payment_method',
        metadata: input.body.metadata ?? {},
        created_at: now().toISOString(),
      });
      data.paymentIntents.unshift(intent);
      await emit('payment_intent.created', intent);
      return { status: 201, body: intent };
    },
    listPaymentIntents: ({ data, input }) => {
      const { customer } = input.query;
      const intents = customer ? data.paymentIntents.filter((pi) => pi.customer === customer) : data.paymentIntents;
      return { status: 200, body: paginate(intents, input.query) };
    },
    getPaymentIntent: ({ data, input }) => ({
      status: 200,
      body: findById(data.paymentIntents, input.path.id, 'payment intent'),
    }),
    confirmPaymentIntent: async ({ data, input, emit }) => {
      const intent = findById(data.paymentIntents, input.path.id, 'payment intent');
      const allowed = ['requires_payment_method', 'requires_confirmation'];
      if (!allowed.includes(intent.status)) throw wrongState(intent, 'confirmed', allowed);
      const method = input.body?.payment_method ?? intent.payment_method;
      if (!method)
        throw problems.invalid(
          '/body/payment_method',
          'is required: this payment intent has no payment method attached',
        );
      checkTestCard(method, '/body/payment_method');
      const decline = DECLINES[method];
      if (decline) {
        // A decline is a normal outcome, not an HTTP error: the reader must read `status`.
        Object.assign(intent, { status: 'requires_payment_method', payment_method: null });
        intent.last_payment_error = { code: 'card_declined', ...decline, payment_method: method };
        await emit('payment_intent.payment_failed', intent);
      } else if (method === AUTHENTICATION_REQUIRED) {
        // The bank has not decided yet: nothing is charged or held until the customer authenticates.
        Object.assign(intent, {
          status: 'requires_action',
          payment_method: method,
          next_action: authenticate(intent.id),
          last_payment_error: null,
        });
        await emit('payment_intent.requires_action', intent);
      } else {
        await approve(intent, method, emit);
      }
      return { status: 200, body: intent };
    },
    authenticatePaymentIntent: async ({ data, input, emit }) => {
      const intent = findById(data.paymentIntents, input.path.id, 'payment intent');
      if (intent.status !== 'requires_action') throw wrongState(intent, 'authenticated', ['requires_action']);
      const method = intent.payment_method ?? AUTHENTICATION_REQUIRED;
      if (input.body.outcome === 'complete') {
        await approve(intent, method, emit);
      } else {
        Object.assign(intent, { status: 'requires_payment_method', payment_method: null, next_action: null });
        intent.last_payment_error = {
          code: 'authentication_failed',
          decline_code: null,
          message: 'The customer did not complete 3-D Secure authentication.',
          payment_method: method,
        };
        await emit('payment_intent.payment_failed', intent);
      }
      return { status: 200, body: intent };
    },
    capturePaymentIntent: async ({ data, input, emit }) => {
      const intent = findById(data.paymentIntents, input.path.id, 'payment intent');
      if (intent.status !== 'requires_capture') throw wrongState(intent, 'captured', ['requires_capture']);
      const amount = input.body?.amount_to_capture ?? intent.amount_capturable;
      if (amount > intent.amount_capturable) {
        throw problems.invalid(
          '/body/amount_to_capture',
          `must be at most ${intent.amount_capturable}, the amount on hold`,
        );
      }
      Object.assign(intent, { status: 'succeeded', amount_received: amount, amount_capturable: 0 });
      await emit('payment_intent.succeeded', intent);
      return { status: 200, body: intent };
    },
    cancelPaymentIntent: async ({ data, input, emit }) => {
      const intent = findById(data.paymentIntents, input.path.id, 'payment intent');
      const allowed = ['requires_payment_method', 'requires_confirmation', 'requires_action', 'requires_capture'];
      if (!allowed.includes(intent.status)) throw wrongState(intent, 'canceled', allowed);
      Object.assign(intent, {
        status: 'canceled',
        amount_capturable: 0,
        next_action: null,
        cancellation_reason: input.body?.cancellation_reason ?? null,
      });
      await emit('payment_intent.canceled', intent);
      return { status: 200, body: intent };
    },

    createRefund: async ({ data, input, id, now, emit }) => {
      const intent = data.paymentIntents.find((pi) => pi.id === input.body.payment_intent);
      if (!intent)
        throw problems.invalid(
          '/body/payment_intent',
          `refers to ${input.body.payment_intent}, which does not exist in this sandbox`,
        );
      if (intent.status !== 'succeeded') throw wrongState(intent, 'refunded', ['succeeded']);
      const refundable = intent.amount_received - intent.amount_refunded;
      if (refundable === 0) throw problems.conflict(`Payment intent ${intent.id} has already been refunded in full.`);
      const amount = input.body.amount ?? refundable;
      if (amount > refundable)
        throw problems.invalid('/body/amount', `must be at most ${refundable}, the amount not yet refunded`);
      const refund: Refund = {
        id: id('re_'),
        object: 'refund',
        amount,
        currency: intent.currency,
        payment_intent: intent.id,
        reason: input.body.reason ?? null,
        status: 'succeeded',
        created_at: now().toISOString(),
      };
      intent.amount_refunded += amount;
      data.refunds.unshift(refund);
      await emit('refund.created', refund);
      return { status: 201, body: refund };
    },
    listRefunds: ({ data, input }) => {
      const { payment_intent } = input.query;
      const refunds = payment_intent ? data.refunds.filter((r) => r.payment_intent === payment_intent) : data.refunds;
      return { status: 200, body: paginate(refunds, input.query) };
    },
    getRefund: ({ data, input }) => ({ status: 200, body: findById(data.refunds, input.path.id, 'refund') }),
  },
});
