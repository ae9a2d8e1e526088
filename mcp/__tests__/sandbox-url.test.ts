import { describe, expect, test } from 'vitest';
import { sandboxUrl } from '../sandbox-request.ts';
import { ToolInputError } from '../tool-error.ts';

const site = { site: 'https://docs.example.org', base: '/docs' };
const at = (path: string, root = 'payments/v1') => {
  const url = sandboxUrl(path, root, site);
  return `${url.pathname}${url.search}`;
};

describe('sandboxUrl: where call_sandbox may send a request', () => {
  test.each([
    ['/customers', '/customers'],
    ['customers?limit=2', '/customers?limit=2'],
    ['/payments/v1/customers/cus_1', '/customers/cus_1'],
    ['/sandbox/payments/v1/customers', '/customers'],
    ['http://localhost:4010/payments/v1/customers?limit=1', '/customers?limit=1'],
    ['http://127.0.0.1:4010/payments/v1/refunds', '/refunds'],
    ['https://docs.example.org/docs/sandbox/payments/v1/customers', '/customers'],
    ['/docs/sandbox/payments/v1/customers', '/customers'],
  ])('%s is the sandbox’s %s', (path, expected) => {
    expect(at(path)).toBe(expected);
  });

  test.each([
    ['/v1/customers', '/v1/customers'],
    ['http://localhost:4010/stripe/v1/customers', '/v1/customers'],
    ['/sandbox/stripe/v1/customers?limit=1', '/v1/customers?limit=1'],
    ['/sandbox/stripe', '/'],
  ])('for an API served at its own paths (root "stripe"), %s is %s', (path, expected) => {
    expect(at(path, 'stripe')).toBe(expected);
  });

  test.each([
    ['/users/123', '/users/123'],
    ['http://localhost:4010/users/users/123', '/users/123'],
    ['/sandbox/users/users/123', '/users/123'],
  ])('for an API named like its first path segment (root "users"), %s is %s', (path, expected) => {
    expect(at(path, 'users')).toBe(expected);
  });

  test.each([
    'https://api.stripe.com/v1/customers',
    'http://localhost:8080/payments/v1/customers',
    'https://localhost:4010/payments/v1/customers',
    '//evil.example/payments/v1/customers',
    'https://docs.example.org/docs/guides/webhooks/',
    'file:///etc/passwd',
    'javascript:alert(1)',
  ])('%s is refused, naming the path', (path) => {
    expect(() => at(path)).toThrow(ToolInputError);
    expect(() => at(path)).toThrow(/^path: .* is not the Engine Room sandbox/);
  });

  test('a sandbox URL of another API than the one named is refused', () => {
    expect(() => at('http://localhost:4010/messaging/v1/messages')).toThrow(/^path: names the messaging API/);
    expect(() => at('/sandbox/messaging/v1/messages')).toThrow(/^path: names the messaging API/);
  });
});
