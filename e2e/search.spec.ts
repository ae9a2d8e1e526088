import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, ROOT_ONLY, test } from './support/test';

/** The result "ETL" must bring up: the one guide whose body, not its title, holds the word. */
const etlResult = (page: Page) =>
  page
    .getByRole('dialog')
    .getByRole('link', { name: /What is backend integration\?/ })
    .first();

test('site search finds the article by a word from its body and opens it', async ({ page, baseURL }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog');
  // "ETL" appears in the article's body, not in its title or description, and on no other page. (A common word such
  // as "idempotency" is on forty pages now, and the five results shown first need not include this one.)
  await dialog.getByRole('textbox').fill('ETL');
  const result = etlResult(page);
  await expect(result).toBeVisible();
  await result.click();
  await expect(page).toHaveURL(new RegExp(`^${new URL('guides/what-is-backend-integration/', baseURL).href}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is backend integration?');
});

const guides = readdirSync('src/content/docs/guides')
  .filter((file) => /\.mdx?$/.test(file))
  .map((file) => /^title: '?(.+?)'?$/m.exec(readFileSync(`src/content/docs/guides/${file}`, 'utf8'))![1]!);

// The index is the same under any base.
test('every guide is in the sidebar and found by site search under its title', { tag: ROOT_ONLY }, async ({ page }) => {
  await page.goto('guides/what-is-backend-integration/');
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  for (const title of guides) await expect(sidebar.getByRole('link', { name: title, exact: true })).toBeAttached();
  await page.getByRole('button', { name: 'Search' }).click();
  const box = page.getByRole('dialog').getByRole('textbox');
  for (const title of guides) {
    await box.fill(title);
    await expect(page.getByRole('dialog').getByRole('link', { name: title }).first(), title).toBeVisible();
  }
});

test('the keyboard shortcut opens search with the box focused, before the search UI has loaded', async ({ page }) => {
  await page.goto('guides/what-is-backend-integration/');
  await page.waitForLoadState('networkidle');
  // Pagefind's UI loads when the reader heads for search (src/browser/search-on-intent.ts), so it is not in yet.
  await expect(page.locator('#starlight__search input')).toHaveCount(0);
  await page.keyboard.press('Control+k');
  const box = page.getByRole('dialog').getByRole('textbox');
  await expect(box).toBeFocused();
  await page.keyboard.type('ETL');
  await expect(etlResult(page)).toBeVisible();
});

test('what the reader types while the search UI is still on its way lands in the box and is searched', async ({
  page,
}) => {
  // Hold Pagefind's UI back, as a slow connection would, so the typing happens before it arrives.
  await page.route(/\/ui-core\.[^/]*\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto('guides/what-is-backend-integration/');
  // Starlight has imported the stand-in on idle; the UI itself is not requested until the shortcut.
  await page.waitForLoadState('networkidle');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('ETL');
  const box = page.getByRole('dialog').getByRole('textbox');
  await expect(box).toHaveValue('ETL');
  await expect(box).toBeFocused();
  await expect(etlResult(page)).toBeVisible();
});
