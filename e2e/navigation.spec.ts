import { expect, test } from './support/test';

const ARTICLE = 'guides/what-is-backend-integration/';

test('a reader goes from the home page to the first article', async ({ page, baseURL }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learn backend integration by running it');

  await page.getByRole('link', { name: 'Start with the basics' }).click();
  await expect(page).toHaveURL(new URL(ARTICLE, baseURL).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is backend integration?');
  await expect(page.getByRole('figure').getByRole('img')).toBeVisible();

  await page.getByRole('link', { name: 'Engine Room', exact: true }).first().click();
  await expect(page).toHaveURL(new URL('./', baseURL).href);
});

test('the home page links to every guide it lists', async ({ page, baseURL }) => {
  await page.goto('./');
  await page.getByRole('link', { name: /What is backend integration\?/ }).click();
  await expect(page).toHaveURL(new URL(ARTICLE, baseURL).href);
});

test('on a phone, the menu opens the sidebar and its links work', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(ARTICLE);
  const sidebarLink = page.getByRole('link', { name: 'What is backend integration?' });
  await expect(sidebarLink).toBeHidden();

  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.click();
  await expect(sidebarLink).toBeVisible();
  await expect(sidebarLink).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Escape');
  await expect(sidebarLink).toBeHidden();

  await menu.click();
  await sidebarLink.click();
  await expect(page).toHaveURL(new URL(ARTICLE, baseURL).href);

  await page.getByRole('link', { name: 'Engine Room', exact: true }).click();
  await expect(page).toHaveURL(new URL('./', baseURL).href);
});

test('an unknown address shows the helpful 404 page', async ({ page }) => {
  const response = await page.goto('no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find that page');
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learn backend integration by running it');
});
