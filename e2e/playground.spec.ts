import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';

const PLAYGROUND = 'playground/';

async function createPayment(page: Page) {
  await page.getByLabel('API and operation').selectOption('payments/createPaymentIntent');
  const answered = page.waitForResponse((response) => response.url().includes('/sandbox/payments/v1/payment_intents'));
  await page.getByRole('button', { name: 'Send request' }).click();
  return answered;
}

test('a payment created in the playground is answered by the sandbox, kept in history and shown in the inbox', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(PLAYGROUND);
  await expect(page.getByLabel('API and operation')).toHaveValue('payments/createPaymentIntent');
  await page.waitForLoadState('networkidle');
  expect(
    scripts.some((url) => url.includes('sandbox-client')),
    'the sandbox loads on first use',
  ).toBe(false);

  const response = await createPayment(page);
  expect(response.fromServiceWorker()).toBe(true);
  const answer = page.getByRole('region', { name: 'Response' });
  await expect(answer.getByText(/^201 Created · \d+ ms$/)).toBeVisible();
  await expect(answer.getByLabel('Response body')).toContainText('"status": "requires_payment_method"');
  const intentId = (JSON.parse(await answer.getByLabel('Response body').innerText()) as { id: string }).id;

  const history = page.getByRole('region', { name: 'History' });
  const entry = history.getByRole('button', { name: /POST \/payments\/v1\/payment_intents 201/ });
  await expect(entry).toBeVisible();
  await page.reload();
  await expect(entry).toBeVisible();

  // A history entry puts its request back into the form, even after another operation was chosen.
  await page.getByLabel('API and operation').selectOption('payments/listCustomers');
  await expect(page.getByRole('textbox', { name: /Request body/ })).toBeHidden();
  await entry.click();
  await expect(page.getByLabel('API and operation')).toHaveValue('payments/createPaymentIntent');
  await expect(page.getByRole('textbox', { name: /Request body/ })).toHaveValue(/"amount"/);
  // After a reload the Service Worker answers again, and the second request joins the first in the history.
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(answer.getByText(/^201 Created/)).toBeVisible();
  await expect(history.getByRole('button', { name: /POST \/payments\/v1\/payment_intents 201/ })).toHaveCount(2);

  const inbox = page.getByRole('region', { name: 'Event inbox' });
  const event = inbox.getByRole('listitem').filter({ hasText: 'payment_intent.created' }).last();
  await event.getByText('payment_intent.created').click();
  for (const header of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
    await expect(event.getByText(header, { exact: true })).toBeVisible();
  }
  await expect(event.getByText(/^v1,[A-Za-z0-9+/]+=*$/)).toBeVisible();
  await expect(event.getByLabel(/Signing secret/)).toHaveValue(/^whsec_/);
  const payload = event.getByLabel(/Payload/);
  await expect(payload).toHaveValue(new RegExp(intentId));

  await event.getByRole('button', { name: 'Verify signature' }).click();
  await expect(event.getByRole('status')).toContainText('Signature valid');
  // One changed character in the body is enough to break the signature.
  await payload.fill((await payload.inputValue()).replace(intentId, `${intentId}x`));
  await event.getByRole('button', { name: 'Verify signature' }).click();
  await expect(event.getByRole('status')).toContainText('Signature invalid');
});

test('a new Idempotency-Key makes a retry safe: the second send replays the first answer', async ({ page }) => {
  await page.goto(PLAYGROUND);
  await page.getByRole('button', { name: 'New Idempotency-Key' }).click();
  await expect(page.getByLabel(/^Idempotency-Key/)).toHaveValue(/^[0-9a-f-]{36}$/);
  const answer = page.getByRole('region', { name: 'Response' });
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(answer.getByText(/^201 Created/)).toBeVisible();
  const first = await answer.getByLabel('Response body').innerText();
  await page.getByRole('button', { name: 'Send request' }).click();
  await answer.getByText('Response headers').click();
  await expect(answer).toContainText('idempotent-replayed: true');
  expect(await answer.getByLabel('Response body').innerText()).toBe(first);
});

test('a share link restores the request in a fresh browser', async ({ page, browser, baseURL }) => {
  await page.goto(PLAYGROUND);
  await page.getByLabel('API and operation').selectOption('payments/createPaymentIntent');
  await page.getByLabel('Sandbox key').fill('sk_test_shared_reader');
  await page.getByLabel(/^Idempotency-Key/).fill('order-4321');
  const body = page.getByRole('textbox', { name: /Request body/ });
  await body.fill('{\n  "amount": 4321,\n  "currency": "eur"\n}');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toContain('#request=');

  const fresh = await browser.newContext({ baseURL: baseURL! });
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByLabel('API and operation')).toHaveValue('payments/createPaymentIntent');
  await expect(other.getByLabel('Sandbox key')).toHaveValue('sk_test_shared_reader');
  await expect(other.getByLabel(/^Idempotency-Key/)).toHaveValue('order-4321');
  await expect(other.getByRole('textbox', { name: /Request body/ })).toHaveValue(/"amount": 4321/);
  await other.getByRole('button', { name: 'Send request' }).click();
  await expect(other.getByRole('region', { name: 'Response' }).getByText(/^201 Created/)).toBeVisible();
  await fresh.close();
});

test('the state viewer shows what the key stored, and Reset empties it', async ({ page }) => {
  await page.goto(PLAYGROUND);
  const state = page.getByRole('region', { name: 'Sandbox state' });
  await expect(state.getByText('Nothing is stored for this key yet.')).toBeVisible();
  await createPayment(page);
  const payments = state.getByRole('listitem').filter({ hasText: /^payments:/ });
  await expect(payments).toContainText('payment intents');
  await payments.getByText('payments', { exact: true }).click();
  await expect(payments.getByLabel('Resources stored by the payments API')).toContainText('cus_demo');

  await state.getByRole('button', { name: 'Reset sandbox for this key' }).click();
  await expect(state.getByRole('status')).toContainText('forgot everything stored');
  await expect(state.getByText('Nothing is stored for this key yet.')).toBeVisible();
  await expect(payments).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Event inbox' }).getByText(/No webhook events/)).toBeVisible();
});

test('the playground passes axe in both themes with every panel open', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(PLAYGROUND);
  await createPayment(page);
  await expect(page.getByText(/^201 Created/)).toBeVisible();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const event = page.getByRole('region', { name: 'Event inbox' }).getByRole('listitem').first();
  await event.locator('summary').click();
  await event.getByRole('button', { name: 'Verify signature' }).click();
  await expect(event.getByRole('status')).toContainText('Signature valid');
  await page.getByRole('region', { name: 'Sandbox state' }).locator('summary').first().click();
  await page.getByRole('region', { name: 'Response' }).getByText('Response headers').click();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary, `axe (${colorScheme})`).toEqual([]);
  }
});

test('without Service Workers the reader is told why nothing can be sent', async ({ page }) => {
  await page.addInitScript(() => {
    delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
  });
  await page.goto(PLAYGROUND);
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('Service Workers are unavailable');
});
