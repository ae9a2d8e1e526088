import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/test';

const ARTICLE = 'guides/what-is-backend-integration/';

test('Try it sends a request that the in-browser sandbox answers, and explains a rejected one', async ({ page }) => {
  await page.goto(ARTICLE);
  const box = page.getByRole('region', { name: 'Try it: Create a payment intent' });
  await expect(box.getByText('POST', { exact: true })).toBeVisible();

  const answered = page.waitForResponse((response) => response.url().includes('/sandbox/payments/v1/payment_intents'));
  await box.getByRole('button', { name: 'Send request' }).click();
  const response = await answered;
  expect(response.fromServiceWorker()).toBe(true);
  await expect(box.getByText(/^201 Created · \d+ ms$/)).toBeVisible();
  await expect(box.locator('pre').first()).toContainText('"status": "requires_payment_method"');

  const body = box.getByRole('textbox', { name: /Request body/ });
  const json = JSON.parse(await body.inputValue());
  await body.fill(JSON.stringify({ ...json, amount: 10 }, null, 2));
  await box.getByRole('button', { name: 'Send request' }).click();
  await expect(box.getByText(/^422 /)).toBeVisible();
  await expect(box.getByRole('listitem')).toHaveText('/body/amount must be at least 50');

  // The answer the reader sees must be as accessible as the page around it, in both themes.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).include('[data-try-it]').analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
  }
});

test('the sandbox code loads on the first click, not with the page', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(ARTICLE);
  await page.waitForLoadState('networkidle');
  expect(scripts.some((url) => url.includes('sandbox-client'))).toBe(false);
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByText(/^201 Created/)).toBeVisible();
  expect(scripts.some((url) => url.includes('sandbox-client'))).toBe(true);
});

test('sandbox state survives a reload, and Reset brings back the demo data', async ({ page }) => {
  await page.goto('guides/getting-started-with-the-sandbox/');
  const create = page.getByRole('region', { name: 'Try it: Create a customer' });
  const list = page.getByRole('region', { name: 'Try it: List customers' });

  await create.getByRole('button', { name: 'Send request' }).click();
  await expect(create.getByText(/^201 Created/)).toBeVisible();
  const created = JSON.parse(await create.locator('pre').first().innerText()) as { id: string };

  await page.reload();
  await list.getByRole('button', { name: 'Send request' }).click();
  await expect(list.getByText(/^200 OK/)).toBeVisible();
  await expect(list.locator('pre').first()).toContainText(created.id);

  await page.getByRole('button', { name: 'Reset sandbox' }).click();
  await expect(page.getByRole('status')).toContainText('back to its demo data');
  await list.getByRole('button', { name: 'Send request' }).click();
  await expect(list.locator('pre').first()).not.toContainText(created.id);
  await expect(list.locator('pre').first()).toContainText('cus_demo0001');
});
