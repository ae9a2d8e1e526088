import { readFileSync } from 'node:fs';
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

test('every guide card on the home page opens its guide', async ({ page, baseURL }) => {
  const guides = new URL('guides/', baseURL).href;
  await page.goto('./');
  const cards = page.locator('.sl-link-card a[href*="/guides/"]');
  const count = await cards.count();
  expect(count, 'guide cards on the home page').toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await page.goto('./');
    const card = cards.nth(i);
    const href = await card.evaluate((link) => (link as HTMLAnchorElement).href);
    expect(href.startsWith(guides), `${href} is a guide under the base path`).toBe(true);
    const source = readFileSync(`src/content/docs/guides/${href.slice(guides.length).replace(/\/$/, '')}.mdx`, 'utf8');
    await card.click();
    await expect(page).toHaveURL(href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^title: '?(.+?)'?$/m.exec(source)![1]!);
  }
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
