import type { ApiSummary } from '../page-kind';

export const payments: ApiSummary = {
  api: 'payments',
  title: 'Engine Room Payments API',
  summary: 'Take card payments against a sandbox.',
  operations: [
    { slug: 'create-payment-intent', method: 'POST', path: '/payment_intents', summary: 'Create a payment intent' },
  ],
};

export const storage: ApiSummary = { api: 'storage', title: 'Engine Room Storage API', operations: [] };

export const apis = [payments, storage];
