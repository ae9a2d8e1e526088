import { getDomain as real } from 'tldts';
import { describe, expect, test } from 'vitest';
import { getDomain } from '../tldts-lite.ts';

describe('the browser stand-in for tldts', () => {
  // Where the site and its tests run: the answers MSW's cookie jar gets must match the real list's.
  test.each(['localhost', '127.0.0.1', '::1', '[::1]', 'example.com', 'docs.example.com', 'site.test', 'x'])(
    '%s gets what tldts answers',
    (host) => {
      expect(getDomain(host)).toBe(real(host, { allowIcannDomains: true, allowPrivateDomains: true }));
    },
  );

  test('hosts under a multi-label suffix get the suffix, the one place it differs', () => {
    expect(getDomain('user.github.io')).toBe('github.io');
    expect(getDomain('a.b.example.co.uk')).toBe('co.uk');
  });
});
