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

test('the reference links an API, whose page lists its operations under their tags', async ({ page, baseURL }) => {
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

test('a named schema is a link on the operation page, and its page leads back to the operations using it', async ({
  page,
  baseURL,
}) => {
  await page.goto('reference/payments/create-payment-intent/');
  const response = page.getByRole('table', { name: 'Fields of the 201 response (application/json)' });
  // The nested object is not repeated here: its row links to its own page.
  await expect(response.getByRole('rowheader', { name: 'next_action.type' })).toHaveCount(0);
  await response.getByRole('link', { name: 'NextAction' }).click();
  await expect(page).toHaveURL(new URL('reference/payments/schemas/next-action/', baseURL).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('NextAction schema (Payments API)');
  await expect(page.getByRole('table', { name: 'Fields of NextAction' })).toBeVisible();
  const usedBy = page.locator('#used-by + ul');
  await expect(usedBy.getByRole('link', { name: 'Create a payment intent' })).toBeVisible();
  await usedBy.getByRole('link', { name: 'Confirm a payment intent' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm a payment intent');
});

test('site search finds a schema by its name', async ({ page, baseURL }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('dialog').getByRole('textbox').fill('PaymentIntentStatus');
  const result = page.getByRole('dialog').getByRole('link', { name: 'PaymentIntentStatus' }).first();
  await expect(result).toBeVisible();
  await result.click();
  await expect(page).toHaveURL(
    new RegExp(`^${new URL('reference/payments/schemas/payment-intent-status/', baseURL).href}`),
  );
});

test('on a wide screen the request, the answer and Try it sit beside the reference; on a phone, below it', async ({
  page,
}) => {
  const boxes = async () => {
    await page.goto('reference/payments/create-payment-intent/');
    const parameters = await page.getByRole('table', { name: 'Parameters' }).boundingBox();
    const tryIt = await page.getByRole('heading', { name: 'Try it', level: 2 }).boundingBox();
    return { parameters: parameters!, tryIt: tryIt! };
  };
  await page.setViewportSize({ width: 1440, height: 900 });
  const wide = await boxes();
  expect(wide.tryIt.x).toBeGreaterThan(wide.parameters.x + wide.parameters.width);
  // Sticky: the samples stay in view while the reader scrolls the reference.
  await page.getByRole('heading', { name: 'Responses', level: 2 }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('heading', { name: 'Code samples', level: 2 })).toBeInViewport();

  await page.setViewportSize({ width: 390, height: 844 });
  const narrow = await boxes();
  expect(narrow.tryIt.y).toBeGreaterThan(narrow.parameters.y + narrow.parameters.height);
});

test('only operation pages widen the content for their two panes; a guide keeps its reading width', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  const paragraphWidth = async (path: string) => {
    await page.goto(path);
    return (await page.locator('main .sl-markdown-content p').first().boundingBox())!.width;
  };
  const remPx = 16;
  // Starlight's reading width is 45rem; the operation page's two panes share 78rem.
  expect(await paragraphWidth('guides/payment-apis/')).toBeLessThanOrEqual(45 * remPx);
  expect(await paragraphWidth('reference/payments/create-payment-intent/')).toBeGreaterThan(45 * remPx * 0.9);
});

test('a document with quirks still reads well: full summary, real path and the types it lacks', async ({ page }) => {
  await page.goto('reference/quirks/list-things/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Lists every thing whose status is in_progress or done,…',
  );
  // The whole summary, rendered as Markdown: the link and code marks work, underscores stay.
  await expect(page.locator('.operation-lead')).toContainText('and the /vector_stores/ it belongs to, newest first');
  await expect(page.locator('.operation-lead').getByRole('link', { name: 'Thing' })).toBeVisible();
  await page.goto('reference/quirks/import-engagement/');
  await expect(page.locator('.operation-route')).toContainText('/engage');
  await expect(page.getByText('under the path key /engage#import')).toBeVisible();
  await page.goto('reference/quirks/schemas/thing/');
  const fields = page.getByRole('table', { name: 'Fields of Thing' });
  await expect(fields.getByRole('row', { name: /^toggle/ })).toContainText('a type this document does not define');
  // Inline objects below three levels fold under their row.
  await expect(page.getByRole('rowheader', { name: 'accent' })).toBeHidden();
  await page.locator('summary', { hasText: 'Fields of theme' }).click();
  await expect(page.getByRole('rowheader', { name: 'accent' })).toBeVisible();
});

test('schema tables below the fold wait until they are needed, and a link to one of their fields still lands on it', async ({
  page,
}) => {
  await page.goto('reference/payments/create-customer/');
  const lastTable = page.locator('table.schema-table').last();
  const field = lastTable.locator('tr[id]').last();
  // Skipped by content-visibility: the browser has not laid this table out, so the title paints sooner.
  expect(await field.evaluate((row) => row.checkVisibility({ contentVisibilityAuto: true }))).toBe(false);
  const anchor = await field.getAttribute('id');
  await page.goto(`reference/payments/create-customer/#${anchor}`);
  await expect(field).toBeInViewport();
  expect(await field.evaluate((row) => row.checkVisibility({ contentVisibilityAuto: true }))).toBe(true);
});

test('an operation page paints its title at the width it keeps, before the two panes arrive', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  const path = 'reference/payments/create-payment-intent/';
  const titleWidth = async () => (await page.locator('main .sl-container').first().boundingBox())!.width;
  await page.goto(path);
  const settled = await titleWidth();
  // What the browser has when the network has delivered the page only up to the title: a first paint at reading
  // width would jump wider once the operation's layout arrives (a layout shift of about 0.17 on a cold load).
  const response = await page.request.get(path);
  const html = await response.text();
  const upToTitle = html.slice(0, html.indexOf('</h1>') + '</h1>'.length);
  await page.route('**/*', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ contentType: 'text/html', body: upToTitle })
      : route.fallback(),
  );
  await page.goto(path);
  expect(await titleWidth()).toBe(settled);
});
