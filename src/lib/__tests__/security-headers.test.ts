import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  contentSecurityPolicy,
  headersFile,
  headersFor,
  inlineScripts,
  parseHeadersFile,
  scriptHash,
  securityHeaders,
} from '../security-headers';

describe('inlineScripts', () => {
  test.each([
    ['a classic inline script', '<script>a()</script>', ['a()']],
    ['a module script', '<script type="module">import "x"</script>', ['import "x"']],
    ['an external script is not inline', '<script src="/a.js"></script>', []],
    ['JSON-LD is data, not code', '<script type="application/ld+json">{"@type":"Thing"}</script>', []],
    ['an empty script needs no hash', '<script></script>', []],
    ['several, in order', '<script>a()</script><p></p><script is:inline>b()</script>', ['a()', 'b()']],
  ])('%s', (_name, html, expected) => {
    expect(inlineScripts(html)).toEqual(expected);
  });
});

test('script hashes are the base64 SHA-256 of the exact script text, as CSP expects', () => {
  const expected = createHash('sha256').update('a()').digest('base64');
  expect(scriptHash('a()')).toBe(`'sha256-${expected}'`);
});

test('the policy allows the site, the hashed scripts and the Service Worker, and no other host', () => {
  const policy = contentSecurityPolicy(["'sha256-b'", "'sha256-a'", "'sha256-a'"]);
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b';");
  expect(policy).toContain("worker-src 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toMatch(/https?:|\*|'unsafe-eval'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
});

describe('the _headers file', () => {
  const file = headersFile('/docs', securityHeaders("default-src 'self'"));

  test('applies to everything under the base path', () => {
    expect(file.split('\n')[0]).toBe('/docs/*');
  });

  test.each([
    ['/docs/', true],
    ['/docs/guides/webhooks/', true],
    ['/other/', false],
  ])('%s gets the headers: %s', (path, expected) => {
    const headers = Object.fromEntries(headersFor(parseHeadersFile(file), path));
    expect(headers['Content-Security-Policy'] === "default-src 'self'").toBe(expected);
  });
});
