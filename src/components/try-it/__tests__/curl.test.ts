import { describe, expect, test } from 'vitest';
import { LOCAL_SANDBOX_ORIGIN } from '../../../../mocks/core/sandbox-location.ts';
import { curlCommand } from '../curl';

describe('curlCommand', () => {
  test.each([
    [
      'a GET with a query string',
      {
        root: 'payments/v1',
        method: 'GET',
        target: '/customers?limit=2',
        headers: { authorization: 'Bearer sk_test_x' },
      },
      "curl -X GET 'http://localhost:4010/payments/v1/customers?limit=2' \\\n  -H 'authorization: Bearer sk_test_x'",
    ],
    [
      'a JSON body with a single quote in it',
      {
        root: 'social/v1',
        method: 'POST',
        target: '/posts',
        headers: { 'content-type': 'application/json' },
        body: '{"text":"it\'s live"}',
      },
      "curl -X POST 'http://localhost:4010/social/v1/posts' \\\n  -H 'content-type: application/json' \\\n  -d '{\"text\":\"it'\\''s live\"}'",
    ],
    [
      "a vendor API served at its document's own paths (no version in its server URL)",
      { root: 'stripe', method: 'GET', target: '/v1/customers', headers: {} },
      "curl -X GET 'http://localhost:4010/stripe/v1/customers'",
    ],
  ])('%s', (_name, request, expected) => {
    expect(curlCommand(request, LOCAL_SANDBOX_ORIGIN)).toBe(expected);
  });
});
