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
  // The live contract check judged both sides against the spec.
  await expect(box.getByText('✓ Request matches the spec.')).toBeVisible();
  await expect(box.getByText('✓ Response matches what the spec documents for 201.')).toBeVisible();

  const body = box.getByRole('textbox', { name: /Request body/ });
  const json = JSON.parse(await body.inputValue());
  await body.fill(JSON.stringify({ ...json, amount: 10 }, null, 2));
  await box.getByRole('button', { name: 'Send request' }).click();
  await expect(box.getByText(/^422 /)).toBeVisible();
  // The check found the fault before sending; the sandbox's 422 names the same field; a 422 is documented.
  const check = box.locator('[data-contract="fail"]');
  await expect(check).toContainText('✗ Request does not match the spec');
  await expect(check.getByRole('listitem')).toHaveText('/body/amount must be at least 50');
  await expect(box.getByText('/body/amount must be at least 50', { exact: true })).toHaveCount(2);
  await expect(box.getByText('✓ Response matches what the spec documents for 422.')).toBeVisible();

  // The answer the reader sees must be as accessible as the page around it, in both themes.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).include('[data-try-it]').analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
  }
});

test('Copy as curl copies the request as edited, for the local sandbox server', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(ARTICLE);
  const box = page.getByRole('region', { name: 'Try it: Create a payment intent' });
  const body = box.getByRole('textbox', { name: /Request body/ });
  await body.fill(JSON.stringify({ amount: 4200, currency: 'eur' }));
  await box.getByRole('button', { name: 'Copy as curl' }).click();
  await expect(box.getByRole('status')).toHaveText(/Copied the curl command/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("curl -X POST 'http://localhost:4010/payments/v1/payment_intents'");
  expect(copied).toContain("-H 'authorization: Bearer sk_test_");
  expect(copied).toContain(`-d '{"amount":4200,"currency":"eur"}'`);
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
  await expect(page.getByRole('status').filter({ hasText: 'back to its demo data' })).toBeVisible();
  await list.getByRole('button', { name: 'Send request' }).click();
  await expect(list.locator('pre').first()).not.toContainText(created.id);
  await expect(list.locator('pre').first()).toContainText('cus_demo0001');
});
