import { describe, expect, test } from 'vitest';
import { classifyPage } from '../page-kind';
import { apis, payments } from './fixtures';

describe('classifyPage', () => {
  test.each([
    ['', { kind: 'home' }],
    ['index', { kind: 'home' }],
    ['guides/webhooks', { kind: 'article', id: 'guides/webhooks' }],
    ['404', { kind: 'page' }],
    ['playground', { kind: 'page' }],
    ['reference', { kind: 'reference-index' }],
    ['reference/payments', { kind: 'api', api: payments }],
    [
      'reference/payments/create-payment-intent',
      { kind: 'operation', api: payments, operation: payments.operations[0] },
    ],
    // A page about one API that is not an operation, such as its explorer.
    ['reference/payments/explorer', { kind: 'api-page', api: payments, page: 'explorer' }],
    ['reference/unknown', { kind: 'page' }],
    ['guides/nested/deeper', { kind: 'page' }],
  ])('%j is %j', (id, expected) => {
    expect(classifyPage(id, apis)).toEqual(expected);
  });
});
