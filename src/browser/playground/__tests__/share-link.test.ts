import { describe, expect, test } from 'vitest';
import type { PlaygroundRequest } from '../request';
import { operationFromFragment, requestFromFragment, shareFragment } from '../share-link';

const request: PlaygroundRequest = {
  api: 'payments',
  operation: 'createPaymentIntent',
  key: 'sk_test_my_own_key',
  values: { 'header:Idempotency-Key': 'order-42', 'query:expand': '' },
  body: '{\n  "amount": 2000,\n  "description": "Café ☕"\n}',
};

describe('share links', () => {
  test('a request survives the round trip, including non-ASCII text in the body', () => {
    const fragment = shareFragment(request);
    expect(fragment).toMatch(/^#request=[A-Za-z0-9_-]+$/);
    expect(requestFromFragment(fragment)).toEqual(request);
  });

  test.each([
    ['a live key', { ...request, key: 'sk_live_12345678' }, 'sk_test_engine_room_reader', request.values],
    [
      'an OAuth token typed into the key field',
      { ...request, key: 'tok_abc123' },
      'sk_test_engine_room_reader',
      request.values,
    ],
    [
      'a live credential in a header parameter',
      { ...request, values: { 'header:X-Api-Key': 'sk_live_12345678', 'header:Idempotency-Key': 'a' } },
      request.key,
      { 'header:Idempotency-Key': 'a' },
    ],
    [
      'a test key in a credential header',
      { ...request, values: { 'header:Authorization': 'Bearer sk_test_12345678' } },
      request.key,
      { 'header:Authorization': 'Bearer sk_test_12345678' },
    ],
    [
      'a path parameter that happens to be called token',
      { ...request, values: { 'path:token': 'abc' } },
      request.key,
      { 'path:token': 'abc' },
    ],
  ])('%s: only test keys travel', (_case, given, key, values) => {
    const restored = requestFromFragment(shareFragment(given))!;
    expect(restored.key).toBe(key);
    expect(restored.values).toEqual(values);
    expect(JSON.stringify(restored)).not.toContain('sk_live_');
  });

  test.each([
    ['an empty fragment', ''],
    ['another fragment', '#request-body'],
    ['not base64', '#request=%%%'],
    ['base64 of text that is not JSON', `#request=${btoa('hello')}`],
    ['JSON of the wrong shape', `#request=${btoa(JSON.stringify({ api: 'payments', values: 3 }))}`],
  ])('%s restores nothing', (_case, hash) => {
    expect(requestFromFragment(hash)).toBeUndefined();
  });
});

describe('operation links from other pages', () => {
  test.each([
    ['#operation=payments/createPaymentIntent', ['payments', 'createPaymentIntent']],
    ['#operation=payments', undefined],
    ['#operation=../x/y', undefined],
    ['#request=abc', undefined],
  ])('%s opens %j', (hash, expected) => {
    expect(operationFromFragment(hash)).toEqual(expected);
  });
});
