import { expect, test } from './support/test';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an operation page shows its whole reference as static HTML', async ({ page }) => {
    await page.goto('reference/payments/create-payment-intent/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create a payment intent');
    await expect(page.getByText('POST', { exact: true }).first()).toBeVisible();
    const body = page.getByRole('table', { name: 'Request body fields (application/json)' });
    await expect(body.getByRole('rowheader', { name: /amount/ })).toContainText('required');
    await expect(body).toContainText('≥ 50');
    await expect(page.getByRole('heading', { name: '422', level: 3 })).toBeVisible();
    await expect(page.getByText('curl http://localhost:4010/payments/v1/payment_intents').first()).toBeAttached();
  });
});

test('the reference lists every API, and an API lists its operations by tag', async ({ page, baseURL }) => {
  await page.goto('reference/');
  await page.getByRole('link', { name: /Engine Room Payments API/ }).click();
  await expect(page).toHaveURL(new URL('reference/payments/', baseURL).href);
  await expect(page.getByRole('heading', { name: 'Refunds', level: 2 })).toBeVisible();
  await page.getByRole('link', { name: 'Create a refund' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create a refund');
});

test('site search finds an operation by its summary and opens its page', async ({ page, baseURL }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('dialog').getByRole('textbox').fill('Capture a payment intent');
  const result = page.getByRole('dialog').getByRole('link', { name: 'Capture a payment intent' }).first();
  await expect(result).toBeVisible();
  await result.click();
  await expect(page).toHaveURL(new RegExp(`^${new URL('reference/payments/capture-payment-intent/', baseURL).href}`));
});

test('Try it on an operation page is answered by the sandbox', async ({ page }) => {
  await page.goto('reference/location/quote-route/');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByText(/^200 OK/)).toBeVisible();
  await expect(page.locator('.sandbox-answer')).toContainText('"distance_meters": 2494');
});

test('an operation page opens the same operation in the playground and the explorer', async ({ page }) => {
  await page.goto('reference/payments/create-refund/');
  await page.getByRole('link', { name: 'playground', exact: true }).click();
  await expect(page.getByLabel('API and operation')).toHaveValue('payments/createRefund');

  await page.goBack();
  await page.getByRole('link', { name: 'explorer', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Engine Room Payments API explorer');
});
