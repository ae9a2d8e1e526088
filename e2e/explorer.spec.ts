import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { EXPLORER_PATH } from '../bench/budgets.ts';
import { summarise } from './support/axe';
import { builtSitePages } from './support/site-pages';
import { expect, ROOT_ONLY, test } from './support/test';

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

const EVERY_EXPLORER = builtSitePages().filter((path) => EXPLORER_PATH.test(path));

for (const explorer of EVERY_EXPLORER) {
  // Accessibility does not depend on the base path: the sub-path build checks one explorer.
  const tag = explorer === EXPLORER ? [] : [ROOT_ONLY];
  const title = `${explorer} follows the site theme, also when it changes, and axe finds nothing once it has rendered`;
  test(title, { tag }, async ({ page }) => {
    test.setTimeout(90_000);
    await page.addInitScript(() => localStorage.setItem('starlight-theme', 'light'));
    await page.goto(explorer);
    await expect(page.getByRole('status')).toHaveText(/Explorer ready/, { timeout: 30_000 });
    // Scalar's own h1 (the API's title) follows the header's once its reference has rendered.
    await expect(page.getByRole('heading', { level: 1 }).nth(1)).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('body')).toHaveClass(/\blight-mode\b/);
    expect(await axeSummary(page), 'axe (light)').toEqual([]);

    // The reader switches to dark in another tab: the open explorer follows without a reload.
    await page.evaluate(() => {
      localStorage.setItem('starlight-theme', 'dark');
      dispatchEvent(new StorageEvent('storage', { key: 'starlight-theme', newValue: 'dark' }));
    });
    await expect(page.locator('body')).toHaveClass(/\bdark-mode\b/);
    expect(await axeSummary(page), 'axe (dark)').toEqual([]);
  });
}

async function axeSummary(page: Page): Promise<string[]> {
  return summarise((await new AxeBuilder({ page }).analyze()).violations);
}

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
