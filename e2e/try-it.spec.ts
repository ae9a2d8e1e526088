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
