import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/test';

const EXPLORER = 'reference/payments/explorer/';

test("the explorer's test request is answered by the in-browser sandbox", async ({ page }) => {
  // Scalar is a large app: on a busy 2-core CI machine, rendering it takes a while.
  test.setTimeout(90_000);
  await page.goto(EXPLORER);
  await expect(page.getByRole('status')).toHaveText(/Explorer ready/, { timeout: 30_000 });
  await page.getByRole('link', { name: 'List customers' }).first().click();
  const operation = page.getByRole('region', { name: 'List customers' });
  await operation.getByRole('button', { name: /Test Request/ }).click();

  const client = page.getByRole('dialog');
  const answered = page.waitForResponse((response) => response.url().includes('/sandbox/payments/v1/customers'));
  await client.getByRole('button', { name: /^Send/ }).first().click();
  const response = await answered;
  expect(response.fromServiceWorker()).toBe(true);
  expect(response.status()).toBe(200);
  // The pre-filled sandbox key authorized the request, and the sandbox's list (not a 401 problem) comes back.
  const answer = client.getByRole('region', { name: 'Response', exact: true });
  await expect(answer.getByRole('link', { name: '200 OK' })).toBeVisible();
  await expect(answer).toContainText('"object": "list"');
});

test('the explorer uses the site theme and axe finds nothing once it has rendered', async ({ page }) => {
  test.setTimeout(90_000);
  for (const theme of ['light', 'dark'] as const) {
    await page.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
    await page.goto(EXPLORER);
    await expect(page.getByRole('status')).toHaveText(/Explorer ready/, { timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'Customers', level: 2 })).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('body')).toHaveClass(new RegExp(`\\b${theme}-mode\\b`));
    const { violations } = await new AxeBuilder({ page }).analyze();
    const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary, `axe (${theme})`).toEqual([]);
  }
});

test('without Service Workers, the explorer and Try it say so instead of failing silently', async ({ page }) => {
  // Some private windows and locked-down browsers have no Service Workers at all.
  await page.addInitScript(() => {
    delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
  });
  await page.goto(EXPLORER);
  await expect(page.getByRole('status')).toHaveText(/Service Workers are unavailable/, { timeout: 30_000 });
  // The reference itself still renders, for reading.
  await expect(page.getByRole('heading', { name: 'Customers', level: 2 })).toBeVisible({ timeout: 30_000 });

  await page.goto('guides/what-is-backend-integration/');
  const box = page.getByRole('region', { name: 'Try it: Create a payment intent' });
  await box.getByRole('button', { name: 'Send request' }).click();
  await expect(box.getByText(/Service Workers are unavailable/)).toBeVisible();
});
