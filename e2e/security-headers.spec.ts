import { expect, test } from './support/test';

/**
 * The build's `_headers` file is served (by scripts/serve-dist.ts, as a static host would). Every other journey
 * runs under it and fails on any policy violation (e2e/support/test.ts); this spec checks the headers themselves.
 */
test('the home, guide, operation and playground pages are served with a CSP that allows only the site', async ({
  page,
}) => {
  for (const path of ['', 'guides/payment-apis/', 'reference/payments/create-payment-intent/', 'playground/']) {
    const response = await page.goto(path);
    const headers = response!.headers();
    const policy = headers['content-security-policy'] ?? '';
    expect(policy, path).toContain("default-src 'self'");
    expect(policy, path).toContain("connect-src 'self'");
    expect(policy, path).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(policy, path).not.toContain("'unsafe-eval'");
    expect(policy, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(headers['x-content-type-options']).toBe('nosniff');
  }
});

test('the _headers file itself is not served', async ({ page }) => {
  const response = await page.request.get('_headers');
  expect(response.status()).toBe(404);
});
