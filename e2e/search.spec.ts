import { expect, test } from './support/test';

test('site search finds the article by a word from its body and opens it', async ({ page, baseURL }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog');
  // "idempotency" appears in the article's body, not in its title or description.
  await dialog.getByRole('textbox').fill('idempotency');
  const result = dialog.getByRole('link', { name: /What is backend integration\?/ }).first();
  await expect(result).toBeVisible();
  await result.click();
  await expect(page).toHaveURL(new RegExp(`^${new URL('guides/what-is-backend-integration/', baseURL).href}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is backend integration?');
});
